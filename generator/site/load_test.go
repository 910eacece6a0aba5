package site

import (
	"errors"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

var now = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// repoFS copies the repository's own data/ and content/ into a MapFS that
// a test may then break.
func repoFS(t testing.TB) fstest.MapFS {
	t.Helper()
	root := os.DirFS("../..")
	m := fstest.MapFS{}
	for _, dir := range []string{"data", "content"} {
		err := fs.WalkDir(root, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(root, p)
			m[p] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return m
}

// edit replaces the first old in file with new, failing when old is absent,
// and returns the 1-based line where the replacement stands.
func edit(t testing.TB, m fstest.MapFS, file, old, new string) int {
	t.Helper()
	s := string(m[file].Data)
	i := strings.Index(s, old)
	if i < 0 {
		t.Fatalf("%s has no %q", file, old)
	}
	m[file] = &fstest.MapFile{Data: []byte(s[:i] + new + s[i+len(old):])}
	return strings.Count(s[:i], "\n") + 1
}

func TestLoadRepo(t *testing.T) {
	s, err := Load(repoFS(t), Options{Now: now})
	if err != nil {
		t.Fatalf("the shipped data must load:\n%v", err)
	}
	if got := len(s.Areas); got != 4 {
		t.Errorf("areas = %d, want 4", got)
	}
	if got := len(s.Participants); got != 25 {
		t.Errorf("participants = %d, want 25", got)
	}
	positions := 0
	for _, a := range s.Areas {
		positions += a.Positions()
	}
	if positions != 32 {
		t.Errorf("positions = %d, want 32", positions)
	}
	if s.Participants[0].AreaRef == nil {
		t.Error("participants are not linked to their areas")
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		old  string
		new  string
		col  int
		want string
	}{
		{"syntax error", AreasFile, "applications = 8\n", "applications = = 8\n", 16, "ugyldig TOML"},
		{"misspelled key", AreasFile, "health_trust = \"Finnmarkssykehuset\"", "helth_trust = \"Finnmarkssykehuset\"", 1,
			`ukjent felt "helth_trust" (mente du "health_trust"?)`},
		{"bad area reference", ParticipantsFile, `area = "finnmark"`, `area = "finmark"`, 1,
			`området "finmark" finnes ikke (kjente: finnmark, helgeland, nordland, unn)`},
		{"total off by one", ProjectFile, "applications = 35", "applications = 36", 1,
			"totals.applications er 36, men summen av applications i data/areas.toml er 35"},
		{"positions total", ProjectFile, "positions = 32", "positions = 31", 1,
			"totals.positions er 31, men summen av positions i data/participants.toml er 32"},
		{"wrong type", AreasFile, "population = 61142", `population = "61142"`, 1, `population må være et helt tall (uten anførselstegn og mellomrom), ikke tekst ("61142")`},
		{"date as text", SourcesFile, "date = 2018-01-01", `date = "1. januar 2018"`, 1, "date må være en dato (ÅÅÅÅ-MM-DD, uten anførselstegn)"},
		{"impossible date", SourcesFile, "date = 2018-01-01", "date = 2018-02-30", 0, "ugyldig TOML"},
		{"duplicate id", AreasFile, `id = "unn"`, `id = "finnmark"`, 1, `id "finnmark" er brukt før, på linje 18`},
		{"bad id", ParticipantsFile, `id = "vadso"`, `id = "Vadsø"`, 1, `id "Vadsø" kan bare ha små bokstaver`},
		{"negative", AreasFile, "applications = 8", "applications = -8", 1, "applications kan ikke være negativ (-8)"},
		{"half municipality", AreasFile, "municipalities = 9\n", "municipalities = 9.3\n", 1, "municipalities må være et helt eller halvt tall"},
		{"bad precision", EventsFile, `precision = "sesong"`, `precision = "høst"`, 1, `precision må være "dag", "måned" eller "sesong", ikke "høst"`},
		{"bad base url", SiteFile, `base_url = "https://alis-nord.example/"`, `base_url = "alis-nord.example"`, 1, "base_url må være en full adresse"},
		{"front matter bad TOML", "content/om.md", `title = "Om ALIS-Nord"`, `title = "Om ALIS-Nord`, 0, "ugyldig TOML"},
		{"front matter unknown key", "content/om.md", `title = "Om ALIS-Nord"`, `titel = "Om ALIS-Nord"`, 1, `ukjent felt "titel" (mente du "title"?)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := repoFS(t)
			line := edit(t, m, tc.file, tc.old, tc.new)
			_, err := Load(m, Options{Now: now})
			var ds Diagnostics
			if !errors.As(err, &ds) {
				t.Fatalf("want diagnostics, got %v", err)
			}
			pos := Pos{Path: tc.file, Line: line, Col: tc.col}
			for _, d := range ds {
				if d.Path == pos.Path && d.Line == pos.Line && (tc.col == 0 || d.Col == tc.col) && strings.Contains(d.Msg, tc.want) {
					return
				}
			}
			t.Errorf("want %s: …%s…\ngot:\n%v", pos, tc.want, err)
		})
	}
}

func TestLoadBadModelLine(t *testing.T) {
	m := repoFS(t)
	edit(t, m, ParticipantsFile, "positions = 1\n", "positions = 1\n\n[[participant.position]]\nmodel = \"lønn\"\n")
	_, err := Load(m, Options{Now: now})
	want := `model må være "fastlønn" eller "næring", ikke "lønn"`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("want %q, got %v", want, err)
	}
	line := strings.Count(string(m[ParticipantsFile].Data)[:strings.Index(string(m[ParticipantsFile].Data), `model = "lønn"`)], "\n") + 1
	if !strings.Contains(err.Error(), ParticipantsFile+":"+strconv.Itoa(line)+":1: ") {
		t.Errorf("want line %d, got %v", line, err)
	}
}
