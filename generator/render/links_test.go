package render

import (
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"alisnord/generator/bench/corpus"
	"alisnord/generator/site"
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
		if got, want := scannedLinks(doc); !slices.Equal(got, want) {
			t.Errorf("in %.80q…: got %q, want %q", doc, got, want)
		}
	}
}

var linkAttrRE = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)

// scannedLinks is what attrLinks finds in doc (got), and what the regular
// expression does (want).
func scannedLinks(doc string) (got, want []string) {
	for _, m := range linkAttrRE.FindAllStringSubmatch(doc, -1) {
		want = append(want, m[1])
	}
	attrLinks([]byte(doc), func(v []byte) { got = append(got, string(v)) })
	return got, want
}

// FuzzAttrLinks holds attrLinks to the regular expression it replaced,
// on any bytes.
func FuzzAttrLinks(f *testing.F) {
	for _, s := range []string{`<a href="a" src="b">`, `<a title=" src="x" href="y">`, "\thref=\"", `xsrc="a" href="b`, ` href="a"src="b" src=""`, `<a href="a href=" x">`, `<a src="a src=" href="b">`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		if got, want := scannedLinks(doc); !slices.Equal(got, want) {
			t.Fatalf("in %q: got %q, want %q", doc, got, want)
		}
	})
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
// the links from the site root: the same problems either way, and a link
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
	calls := 0
	check := func(known *rootLinks) []string {
		var got []string
		for _, pg := range pages {
			p := &Page{Path: pg.path, Kind: KindPage}
			for _, d := range checkLinks(p, []byte(pg.html), func(t string) bool { calls++; return exists[t] }, &templates{}, known, nil) {
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
		t.Fatalf("without the root's links:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	without := calls
	calls = 0
	known := newRootLinks(slices.Sorted(maps.Keys(exists)), 0, LinkFolders)
	if got := check(known); !slices.Equal(got, want) {
		t.Fatalf("with the root's links:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// "../x/" from a/, "x/" from the root and "../../x/" from n/b/ (twice)
	// need no lookup; the rest do.
	if calls != without-4 {
		t.Errorf("%d targets looked up with the root's links, %d without: want 4 fewer", calls, without)
	}
	if got := check(newRootLinks(slices.Sorted(maps.Keys(exists)), 0, LinkFiles)); !slices.Equal(got, want) {
		t.Fatalf("with the root's links of another form:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestRootLinksOfPaths: the links from the root to each path, in each form.
func TestRootLinksOfPaths(t *testing.T) {
	paths := []string{"index.html", "x/index.html", "assets/s.css", "a/./b.html", "n/y/index.html", "xindex.html", ".skjult/index.html"}
	for form, want := range map[LinkForm][]string{
		LinkFolders: {"assets/s.css", "n/y/", "x/", "xindex.html"},
		LinkFiles:   {"assets/s.css", "index.html", "n/y/index.html", "x/index.html", "xindex.html"},
	} {
		if got := slices.Sorted(maps.Keys(newRootLinks(paths, 0, form).fine)); !slices.Equal(got, want) {
			t.Errorf("form %d: %q, want %q", form, got, want)
		}
	}
}

// FuzzFromSiteRoot holds the claims rootLinks rests on: each link it
// holds for a path leads from the root to that path with no problem; and
// a link that climbs to the site root leads where its rest leads from the
// root, from a page at any depth, and has the same problem of form, when
// the rest is rememberable.
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
		for _, form := range []LinkForm{LinkFolders, LinkFiles} {
			for r, path := range newRootLinks([]string{rest}, 0, form).fine {
				if to, ok := resolve(".", r); to != rest || path != rest || !ok || form.problem(r) != "" {
					t.Fatalf("form %d: the root's links to %q hold %q for %q, which leads to %q, %v (problem %q)", form, rest, r, path, to, ok, form.problem(r))
				}
			}
		}
		if !rememberable(rest) {
			return // never in the root's links
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

// TestCheckedTargetsAsPageTargets checks that the targets a remembering
// engine keeps for each page, found by the link check in its one pass
// over the page (through the root's links where it can), are the ones
// pageTargets finds by resolving every link: for every page of a
// synthetic site, and of the smallest site with a relative link in its
// Markdown, in both link forms.
func TestCheckedTargetsAsPageTargets(t *testing.T) {
	synthetic, err := corpus.FS(corpus.ArticlesOnly(80), os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	small := archiveFS(smallWith(t, "content/om.md", "+++\ntitle = \"Om\"\n+++\nSe [emnene](../tagger/), [nyhetene](../nyheter/index.html) og [toppen](#topp).\n"))
	repoTemplates(t, small)
	checked := 0
	for name, m := range map[string]fstest.MapFS{"synthetic": synthetic, "small": small} {
		for _, form := range []LinkForm{LinkFolders, LinkFiles} {
			s, err := site.Load(m, site.Options{Now: testNow})
			if err != nil {
				t.Fatal(err)
			}
			e := NewEngine(Remember)
			if _, err := renderWith(e, s, Options{Root: m, Links: form}); err != nil {
				t.Fatalf("%s, form %d: %v", name, form, err)
			}
			for i, p := range e.last.pages {
				rp := e.order[i]
				if want := pageTargets(p, rp.data); !slices.Equal(rp.targets, want) {
					t.Fatalf("%s, form %d, %s: kept targets\n%q\npageTargets\n%q", name, form, p.Path, rp.targets, want)
				}
				if len(p.links) > 0 {
					checked++
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no page had a relative link in its Markdown")
	}
}
