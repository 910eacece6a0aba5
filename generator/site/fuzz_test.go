package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// The fuzz targets check that no input makes a loader panic, and that every
// problem comes back as a positioned diagnostic inside the file.

func FuzzSplitFrontMatter(f *testing.F) {
	f.Add([]byte("+++\ntitle = \"x\"\n+++\nbody\n"))
	f.Add([]byte("+++\r\n+++\r\n"))
	f.Add([]byte("\uFEFF+++\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, src []byte) {
		fm, fmLine, body, bodyLine, d := SplitFrontMatter("x.md", src)
		if d != nil {
			if d.Line < 1 || d.Path != "x.md" {
				t.Fatalf("bad position %v", d.Pos)
			}
			return
		}
		if fmLine != 2 || bodyLine < 3 || len(fm)+len(body) > len(src) {
			t.Fatalf("fmLine %d bodyLine %d", fmLine, bodyLine)
		}
	})
}

func FuzzParseArticle(f *testing.F) {
	for _, a := range repoArticles(f) {
		f.Add(a)
	}
	f.Add("+++\ntitle = \"x\"\ndate = 2019-02-29\n+++\n")
	f.Add("+++\n[[x]]\n[x.y]\na.b.c = [1, {d = 2}]\n+++\n")
	f.Fuzz(func(t *testing.T, src string) {
		var ds Diagnostics
		parseArticle("content/nyheter/x.md", []byte(src), true, &ds)
		lines := strings.Count(src, "\n") + 1
		for _, d := range ds {
			if d.Path != "content/nyheter/x.md" || d.Line < 0 || d.Line > lines+1 {
				t.Fatalf("diagnostic outside the file (%d lines): %v", lines, d)
			}
		}
	})
}

func repoArticles(f *testing.F) []string {
	m := repoFS(f)
	var out []string
	for name, file := range m {
		if strings.HasSuffix(name, ".md") {
			out = append(out, string(file.Data))
		}
	}
	return out
}

var dataFiles = []string{SiteFile, SourcesFile, AreasFile, ParticipantsFile, ProjectFile, OrganisationFile, EventsFile}

// FuzzLoadData replaces one data file (chosen by which) with the fuzzed text.
func FuzzLoadData(f *testing.F) {
	m := repoFS(f)
	for i, name := range dataFiles {
		f.Add(uint8(i), string(m[name].Data))
	}
	f.Add(uint8(2), "[[area]]\nid = \"x\"\n[[area.position]]\nmunicipalities = 1e400\n")
	f.Add(uint8(3), "[[participant]]\n[[participant.position]]\n[[participant.position]]\nstatus_date = 2019-01-01T10:00:00Z\n")
	f.Fuzz(func(t *testing.T, which uint8, src string) {
		file := dataFiles[int(which)%len(dataFiles)]
		fsys := fstest.MapFS{}
		for k, v := range m {
			fsys[k] = v
		}
		fsys[file] = &fstest.MapFile{Data: []byte(src)}
		s, err := Load(fsys, Options{Now: now})
		if err == nil && s == nil {
			t.Fatal("no site and no error")
		}
		if ds, ok := err.(Diagnostics); ok {
			for _, d := range ds {
				if d.Path == "" || d.Msg == "" {
					t.Fatalf("diagnostic without place or message: %#v", d)
				}
			}
		}
	})
}

func FuzzIndexTOML(f *testing.F) {
	m := repoFS(f)
	for _, name := range dataFiles {
		f.Add(string(m[name].Data))
	}
	f.Add("a = '''\n[x]\n'''\nb = \"\"\"\\\"\"\"\"\n[\"q.r\".s]\nt = [\n1,\n]\n")
	f.Fuzz(func(t *testing.T, src string) {
		ix := indexTOML("f.toml", []byte(src))
		lines := strings.Count(src, "\n") + 1
		for k, p := range ix.pos {
			if p.Line < 1 || p.Line > lines {
				t.Fatalf("key %q at line %d of %d", k, p.Line, lines)
			}
		}
	})
}
