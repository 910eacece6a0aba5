package render

import (
	"bytes"
	"io/fs"
	"os"
	"testing"

	"alisnord/generator/bench/corpus"
	"alisnord/generator/internal/sitetest"
	"alisnord/generator/site"
)

// TestProgramsMatchHTMLTemplate renders the repository's site (for the
// web, offline and for the dev server) and a synthetic one of 150
// articles (marked as such in its text) twice: with the compiled
// programs, and with html/template alone. Every file must be the same,
// and no page may have needed html/template: a fallback would be a page
// rendered twice.
func TestProgramsMatchHTMLTemplate(t *testing.T) {
	repo := os.DirFS("../..")
	synthetic, err := corpus.FS(corpus.SizeFor(150), repo)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		root fs.FS
		opt  Options
	}{
		{"site", repo, Options{}},
		{"offline", repo, Options{Links: LinkFiles}},
		{"serve", repo, Options{Serve: true}},
		{"synthetic", synthetic, Options{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opt := c.opt
			opt.Root = c.root
			opt.Charts = sitetest.NewCharts(t)
			render := func(std bool) ([]byte, map[string][]byte, int64, string) {
				s, err := site.Load(c.root, site.Options{Now: testNow, Drafts: opt.Serve})
				if err != nil {
					t.Fatal(err)
				}
				e := NewEngine(Forget)
				e.stdTemplates = std
				var col Collector
				if err := e.Render(s, opt, &col); err != nil {
					t.Fatal(err)
				}
				files := map[string][]byte{}
				var paths bytes.Buffer
				for _, f := range col.Files() {
					files[f.Path] = f.Data
					paths.WriteString(f.Path + "\n")
				}
				n, why := e.tmpl.fallbacks()
				return paths.Bytes(), files, n, why
			}
			wantPaths, want, _, _ := render(true)
			gotPaths, got, fallbacks, why := render(false)
			if !bytes.Equal(gotPaths, wantPaths) {
				t.Fatalf("the files differ:\n%s\nwant\n%s", gotPaths, wantPaths)
			}
			pages := 0
			for path, w := range want {
				if bytes.HasSuffix([]byte(path), []byte(".html")) {
					pages++
				}
				if !bytes.Equal(got[path], w) {
					t.Errorf("%s differs from html/template's:\n%s", path, firstDifference(got[path], w))
				}
			}
			if fallbacks != 0 {
				t.Errorf("%d of %d pages fell back to html/template, the last for %s", fallbacks, pages, why)
			}
			if pages < 50 {
				t.Fatalf("only %d pages: the comparison tests little", pages)
			}
		})
	}
}

// TestEveryKindCompiles: the program of every page kind runs its "base"
// itself; a construct the programs do not support, added to a template,
// fails here by the kind's name (html/template would still render it,
// at its own speed).
func TestEveryKindCompiles(t *testing.T) {
	ts, err := parseTemplates(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	if len(ts.programs) < 19 {
		t.Fatalf("%d page kinds, want the 19 of templates/pages", len(ts.programs))
	}
	for kind, p := range ts.programs {
		if !p.Compiles("base") {
			t.Errorf("%s: the page's templates use what package program does not run: %s", kind, p.WhyNot("base"))
		}
	}
}

// firstDifference shows where two files part.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return "got:  …" + string(got[from:min(len(got), i+80)]) + "…\nwant: …" + string(want[from:min(len(want), i+80)]) + "…"
}
