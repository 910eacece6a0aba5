package render

import (
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"alisnord/generator/norsk"
	"alisnord/generator/site"
)

// TestChromeShared renders the header and footer of pages at several
// depths, menu states, languages and link forms through one cache, in an
// order where each key is met first on another page, and checks each
// against the page's own render without a cache.
func TestChromeShared(t *testing.T) {
	m, s := smallSite(t)
	tmpl, err := parseTemplates(m)
	if err != nil {
		t.Fatal(err)
	}
	set := tmpl.byKind["page"]
	var pages []*Page
	for _, form := range []LinkForm{LinkFolders, LinkFiles} {
		r := &renderer{site: s, opt: Options{Links: form}, photos: &photoSet{}}
		for _, c := range []struct{ url, nav, lang string }{
			{"", "", ""}, {"nyheter/", "nyheter", ""}, {"nyheter/sak/", "nyheter", ""},
			{"tagger/", "tagger", ""}, {"tagger/emne/", "tagger", ""}, {"nyheter/side/2/", "nyheter", ""},
			{"en/", "", "en"}, {"sok/", "", ""}, {"om/", "om", ""}, {"404.html", "", ""},
		} {
			p := newPage(r, "page", c.url, "Tittel "+c.url)
			p.Nav, p.Lang = c.nav, c.lang
			pages = append(pages, p)
		}
	}
	pages[len(pages)-1].root = "/"
	shared := &chromeCache{}
	for i := len(pages) - 1; i >= 0; i-- { // twice over, so the second pass reads the cache
		for _, j := range []int{i, len(pages) - 1 - i} {
			if err := shared.render(set, pages[j]); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, p := range pages {
		alone := *p
		if err := (*chromeCache)(nil).render(set, &alone); err != nil {
			t.Fatal(err)
		}
		if p.Header != alone.Header || p.Footer != alone.Footer {
			t.Errorf("%s (%v, nav %q, lang %q): the cached chrome differs from the page's own:\n%s\n%s\nwant\n%s\n%s",
				p.URL, p.form, p.Nav, p.Lang, p.Header, p.Footer, alone.Header, alone.Footer)
		}
	}
	if len(shared.done) < 10 {
		t.Errorf("%d chromes for %d pages: the cache does not share", len(shared.done), len(pages))
	}
}

// TestNewsItemFields renders the "newsitem" partial for a draft on a page
// of the dev server: the link, the dates and the badge come from the
// fields Item works out, as they came from method calls before.
func TestNewsItemFields(t *testing.T) {
	m := archiveFS(&txtar.Archive{})
	repoTemplates(t, m)
	tmpl, err := parseTemplates(m)
	if err != nil {
		t.Fatal(err)
	}
	s := &site.Site{}
	r := &renderer{site: s, opt: Options{Serve: true}, photos: &photoSet{}}
	p := newPage(r, "news", "tagger/emne/", "Emne")
	a := news("2020-03-05 a")[0]
	a.Slug, a.Draft = "nyheter/utkast", true
	got, err := tmpl.partial("newsitem", p.Item(a, 2))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`href="../../nyheter/utkast/"`, `datetime="2020-03-05"`, ">" + norsk.Date(a.Date) + "</time>", `<span class="badge">Utkast</span>`} {
		if !strings.Contains(got, want) {
			t.Errorf("newsitem lacks %s:\n%s", want, got)
		}
	}
}
