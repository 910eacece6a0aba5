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

// TestRootLinksRemembered checks pages at three depths with and without
// the set of links remembered: the same problems either way, and a link
// that climbs less than all the way to the root is not taken for one that
// does.
func TestRootLinksRemembered(t *testing.T) {
	exists := map[string]bool{"index.html": true, "x/index.html": true, "a/index.html": true, "n/b/index.html": true, "n/y/index.html": true}
	pages := []struct{ path, html string }{
		{"a/index.html", `<a href="../x/"><a href="../x/index.html">`},
		{"n/b/index.html", `<a href="../x/"> <a href="../../x/"> <a href="../y/">`},
		{"index.html", `<a href="x/"><a href="n/x/">`},
		{"n/b/index.html", `<a href="../x/"> <a href="../../x/"> <a href="../../y/">`},
	}
	check := func(known *rootLinks) []string {
		var got []string
		for _, pg := range pages {
			p := &Page{Path: pg.path, Kind: KindPage}
			for _, d := range checkLinks(p, []byte(pg.html), func(t string) bool { return exists[t] }, &templates{}, known) {
				got = append(got, pg.path+": "+d.Msg)
			}
		}
		return got
	}
	want := []string{
		`a/index.html: lenken "../x/index.html" ender på index.html; nettstedet lenker til mappen (…/)`,
		`n/b/index.html: malen lager en lenke til /n/x/, som ikke finnes i nettstedet`,
		`index.html: malen lager en lenke til /n/x/, som ikke finnes i nettstedet`,
		`n/b/index.html: malen lager en lenke til /n/x/, som ikke finnes i nettstedet`,
		`n/b/index.html: malen lager en lenke til /y/, som ikke finnes i nettstedet`,
	}
	if got := check(nil); !slices.Equal(got, want) {
		t.Fatalf("without remembering:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	known := newRootLinks()
	for range 2 {
		if got := check(known); !slices.Equal(got, want) {
			t.Fatalf("remembering:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// FuzzFromSiteRoot holds the claim rootLinks rests on: a link that climbs
// to the site root leads where its rest leads from the root, from a page
// at any depth, and has the same problem of form, when the rest is
// rememberable.
func FuzzFromSiteRoot(f *testing.F) {
	for _, s := range []string{"x/", "", "/x", "../x", "x/index.html", "./", "x?a#b", "%2e%2e/x", "x//y", "..", "https://a.no/"} {
		f.Add(s, uint8(2))
	}
	f.Fuzz(func(t *testing.T, rest string, depth uint8) {
		d := int(depth % 4)
		dir := strings.TrimSuffix(strings.Repeat("d/", d), "/")
		if dir == "" {
			dir = "."
		}
		link := strings.Repeat("../", d) + rest
		got, climbs := fromSiteRoot([]byte(link), d)
		if !climbs || string(got) != rest {
			if !strings.Contains(link, "&") {
				t.Fatalf("fromSiteRoot(%q, %d) = %q, %v", link, d, got, climbs)
			}
			return
		}
		if !rememberable([]byte(rest)) {
			return // not remembered
		}
		t1, ok1 := resolve(dir, link)
		t2, ok2 := resolve(".", rest)
		if t1 != t2 || ok1 != ok2 {
			t.Fatalf("%q from %s leads to %q, %v; %q from the root to %q, %v", link, dir, t1, ok1, rest, t2, ok2)
		}
		for _, form := range []LinkForm{LinkFolders, LinkFiles} {
			if p1, p2 := form.problem(link), form.problem(rest); (p1 == "") != (p2 == "") {
				t.Fatalf("form %d: %q has problem %q, %q has %q", form, link, p1, rest, p2)
			}
		}
	})
}
