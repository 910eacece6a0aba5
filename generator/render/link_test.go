package render

import (
	"strings"
	"testing"
)

// TestLinkShared renders the article page's "related-item" for two
// articles at three depths in both link forms through one cache, each
// article and place twice, and checks each against the same link
// rendered without a cache by html/template alone; the cached ones are
// run by the article page's program, which must not leave one to
// html/template.
func TestLinkShared(t *testing.T) {
	m, s := smallSite(t)
	tmpl, err := parseTemplates(m)
	if err != nil {
		t.Fatal(err)
	}
	set, prog := tmpl.byKind[string(KindArticle)], tmpl.programs[string(KindArticle)]
	if len(s.Articles) < 2 {
		t.Fatal("the small site has fewer than two articles")
	}
	cc := &chromeCache{}
	seen := map[string]bool{}
	for range 2 {
		for _, form := range []LinkForm{LinkFolders, LinkFiles} {
			for _, root := range []string{"", "../", "../../"} {
				for _, a := range s.Articles[:2] {
					l := &ArticleLink{Article: a, root: root, form: form}
					got, err := cc.link(set, prog, "related-item", l)
					if err != nil {
						t.Fatal(err)
					}
					want, err := (*chromeCache)(nil).link(set, nil, "related-item", l)
					if err != nil {
						t.Fatal(err)
					}
					if got != want {
						t.Errorf("%s at %q (form %d): the cache gave\n%s\nwant\n%s", a.Slug, root, form, got, want)
					}
					if !strings.Contains(string(want), a.Title) {
						t.Errorf("%s: the link does not show its title: %s", a.Slug, want)
					}
					seen[string(want)] = true
				}
			}
		}
	}
	if n, why := prog.Fallbacks(); n > 0 {
		t.Errorf("the program left %d links to html/template: %s", n, why)
	}
	if len(seen) != 12 || len(cc.links) != 12 {
		t.Errorf("%d distinct links, %d cached; want 12 of each (2 articles, 3 depths, 2 forms)", len(seen), len(cc.links))
	}
}
