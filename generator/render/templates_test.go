package render

import (
	"os"
	"strings"
	"testing"

	"alisnord/generator/site"
)

// TestTemplateErrorNamesItsFile plants mistakes in the layout, in the
// partial and the page that share the base name news.html, and in the
// HTML escaping: each is reported once, in Norwegian, at the file and
// line that hold it, never at the page templates that include it.
func TestTemplateErrorNamesItsFile(t *testing.T) {
	tests := []struct{ name, file, old, new, want string }{
		{"layout, when executed", "templates/layouts/base.html", `{{define "base"}}`, `{{define "base"}}{{.Nope}}`,
			`templates/layouts/base.html:1:20: malfeil: i malen "base" ved <.Nope>: feltet Nope finnes ikke i typen *render.Page`},
		{"layout, when parsed", "templates/layouts/base.html", `{{define "base"}}`, `{{define "base"}}{{if}}`,
			`templates/layouts/base.html:1: malfeil: if mangler en verdi`},
		{"layout, when escaped", "templates/layouts/base.html", `{{define "base"}}`, `{{define "base"}}<a href="{{if .Title}}x"{{end}}>`,
			`templates/layouts/base.html:1:32: malfeil: grenene i {{if}} slutter i ulike HTML-sammenhenger`},
		{"layout ends inside a tag", "templates/layouts/base.html", `</html>`, `</html><a title="`,
			`templates/layouts/base.html: malfeil: slutter midt i en HTML-tagg eller et attributt`},
		{"partial with a page's name", "templates/partials/news.html", `{{define "newslist"}}`, `{{define "newslist"}}{{.Nope}}`,
			`templates/partials/news.html:1:24: malfeil: i malen "newslist" ved <.Nope>: feltet Nope finnes ikke`},
		{"partial, unknown function", "templates/partials/news.html", `{{define "newslist"}}`, `{{define "newslist"}}{{nofunc}}`,
			`templates/partials/news.html:1: malfeil: funksjonen "nofunc" finnes ikke`},
		{"page with a partial's name", "templates/pages/news.html", `{{define "main"}}`, `{{define "main"}}{{.Nope}}`,
			`templates/pages/news.html:1:20: malfeil: i malen "main" ved <.Nope>: feltet Nope finnes ikke`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := archiveFS(smallWith(t, "content/om.md", "+++\ntitle = \"Om\"\n+++\nA\n"))
			repoTemplates(t, m)
			src := string(m[tc.file].Data)
			if !strings.Contains(src, tc.old) {
				t.Fatalf("%s has no %s", tc.file, tc.old)
			}
			m[tc.file].Data = []byte(strings.Replace(src, tc.old, tc.new, 1))
			_, err := renderFS(t, m)
			if err == nil {
				t.Fatal("no error")
			}
			if lines := strings.Split(err.Error(), "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], tc.want) {
				t.Errorf("want the one problem %s…, got:\n%v", tc.want, err)
			}
		})
	}
}

// TestLayoutLinkReportedOnce plants a broken link in the layout, written
// out and computed: each is reported once, at the layout, though every
// page of the site shows it.
func TestLayoutLinkReportedOnce(t *testing.T) {
	tests := []struct{ name, link, want string }{
		{"literal", `<a href="/finnes-ikke/">x</a>`, `templates/layouts/base.html:1:27: lenken "/finnes-ikke/" peker ikke til noen side i nettstedet`},
		{"computed", `<a href="{{.Rel "finnes-ikke/"}}">x</a>`, `templates/layouts/base.html: malen lager en lenke til /finnes-ikke/, som ikke finnes i nettstedet`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := archiveFS(smallWith(t, "content/om.md", "+++\ntitle = \"Om\"\n+++\nA\n"))
			repoTemplates(t, m)
			base := m["templates/layouts/base.html"]
			base.Data = []byte(strings.Replace(string(base.Data), `{{define "base"}}`, `{{define "base"}}`+tc.link, 1))
			_, err := renderFS(t, m)
			if err == nil || err.Error() != tc.want {
				t.Errorf("want only\n%s\ngot:\n%v", tc.want, err)
			}
		})
	}
}

// TestTemplateErrorHidesNothing plants a mistake in a partial, which
// stops every page from rendering, beside a Markdown problem: both are
// reported, by Site and by Incremental.
func TestTemplateErrorHidesNothing(t *testing.T) {
	m := archiveFS(smallWith(t, "content/om.md", "+++\ntitle = \"Om\"\n+++\nSe {{< tall ukjent >}}.\n"))
	repoTemplates(t, m)
	m["templates/partials/news.html"].Data = []byte("{{define \"newslist\"}}{{nofunc}}{{end}}\n")
	want := "content/om.md:4:4: ukjent tall \"ukjent\"" // sorted first
	_, err := renderFS(t, m)
	s, lerr := site.Load(m, site.Options{Now: testNow})
	if lerr != nil {
		t.Fatal(lerr)
	}
	_, incErr := renderWith(NewEngine(Remember), s, Options{Root: m})
	for _, err := range []error{err, incErr} {
		if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "templates/partials/news.html:1: malfeil") {
			t.Errorf("want %s… and the template error, got:\n%v", want, err)
		}
	}
}

// TestKindsHaveTemplates checks that every kind of page has its template
// under templates/pages and every template there a kind.
func TestKindsHaveTemplates(t *testing.T) {
	entries, err := os.ReadDir("../../" + pagesDir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]bool{}
	for _, e := range entries {
		files[strings.TrimSuffix(e.Name(), ".html")] = true
	}
	for _, k := range Kinds {
		if !files[string(k)] {
			t.Errorf("kind %q has no template %s/%s.html", k, pagesDir, k)
		}
		delete(files, string(k))
	}
	for f := range files {
		t.Errorf("%s/%s.html belongs to no kind", pagesDir, f)
	}
}
