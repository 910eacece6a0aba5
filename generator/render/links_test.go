package render

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestTemplateBrokenLink plants a link to a missing page in a template:
// it is reported at the template, naming the page it appears on.
func TestTemplateBrokenLink(t *testing.T) {
	ar := smallWith(t, "content/om.md", "+++\ntitle = \"Om\"\n+++\nA\n")
	m := archiveFS(ar)
	repoTemplates(t, m)
	m["templates/pages/page.html"] = &fstest.MapFile{Data: []byte(
		"{{define \"main\"}}<h1>{{.Title}}</h1><p><a class=\"x\" href=\"{{.Rel \"finnes-ikke/\"}}\">x</a></p>{{end}}\n")}
	_, err := renderFS(t, m)
	want := `templates/pages/page.html: malen lager en lenke til /finnes-ikke/, som ikke finnes i nettstedet`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("want …%s…, got %v", want, err)
	}
}

// TestAttrLinksMatchesRegexp compares the byte scanner with the regular
// expression it replaced, on the golden site's pages and odd snippets.
func TestAttrLinksMatchesRegexp(t *testing.T) {
	re := regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	docs := []string{
		`<a href="a">`, `<a  href="">`, `<img src="b.svg" alt="c">`, `<a xhref="no">`, `<a href="open`,
		"<a\nhref=\"nl\">", "<a\thref=\"tab\" src=\"s\">", `href="start"`, `<a title="x" href="y">`, `<p>=" href="q"</p>`,
	}
	ar := smallWith(t, "content/om.md", "+++\ntitle = \"Om\"\n+++\n[a](/nyheter/) ![b](/assets/favicon.svg)\n")
	files, err := buildArchive(t, ar)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		docs = append(docs, string(f.Data))
	}
	for _, doc := range docs {
		var want, got []string
		for _, m := range re.FindAllStringSubmatch(doc, -1) {
			want = append(want, m[1])
		}
		attrLinks([]byte(doc), func(v []byte) { got = append(got, string(v)) })
		if !slices.Equal(got, want) {
			t.Errorf("in %.80q…: got %q, want %q", doc, got, want)
		}
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		dir, link, want string
		ok              bool
	}{
		{"nyheter/x", "../../index.html", "index.html", true},
		{"nyheter/x", "../y/", "nyheter/y/index.html", true},
		{"omrader/unn", "/statistikk/", "statistikk/index.html", true},
		{".", "a%20b.html", "a b.html", true},
		{"a", "b.html?x=1#y", "a/b.html", true},
		{"a", "#top", "", false},
		{"a", "https://example.org/", "", false},
		{"a", "//example.org/x", "", false},
		{"a", "mailto:a@b.no", "", false},
		{"a", "", "", false},
	}
	for _, tc := range tests {
		got, ok := resolve(tc.dir, tc.link)
		if got != tc.want || ok != tc.ok {
			t.Errorf("resolve(%q, %q) = %q, %v; want %q, %v", tc.dir, tc.link, got, ok, tc.want, tc.ok)
		}
	}
}
