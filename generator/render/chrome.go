package render

import (
	"html/template"
	"strconv"
	"strings"
	"sync"

	"alisnord/generator/render/program"
	"alisnord/generator/site"
)

// Chrome is what the site's header and footer (the "header" and "footer"
// templates of the layout) see: the same on every page at one depth with
// one current menu entry. Each is rendered once per build for each such
// combination, not once per page: at 10,000 articles the two were a third
// of the template actions a page runs. Chrome holds only what the cache
// key covers, so a template that asks it for anything else fails, and a
// header can never show one page's title on another page.
type Chrome struct {
	Site         *site.Site
	SiteLanguage string     // see Page.SiteLanguage
	Menu         []MenuItem // see Page.Menu
	root         string
	form         LinkForm
}

// Rel is Page.Rel for the pages the chrome is shown on.
func (c *Chrome) Rel(target string) string { return relLink(c.root, c.form, target) }

// HasPage is Page.HasPage.
func (c *Chrome) HasPage(slug string) bool { return hasPage(c.Site, slug) }

// key identifies the pages whose chrome is the same, within one build
// (one site, one set of templates).
func (c *Chrome) key() string {
	var b strings.Builder
	b.WriteString(c.root)
	b.WriteByte(0)
	b.WriteString(strconv.Itoa(int(c.form)))
	b.WriteByte(0)
	b.WriteString(c.SiteLanguage)
	for _, m := range c.Menu {
		b.WriteByte(0)
		b.WriteString(m.Current)
	}
	return b.String()
}

// chromeCache keeps the header and footer rendered for each Chrome key
// during one build; pages() makes one per build and gives it every page.
type chromeCache struct {
	mu    sync.Mutex
	done  map[string][2]template.HTML
	links map[linkKey]template.HTML // see ArticleLink
}

// chromeParts are the layout's templates that Chrome renders, in order.
var chromeParts = [2]string{"header", "footer"}

// render sets p.Header and p.Footer from set's "header" and "footer"
// templates, from the cache when a page with the same chrome had them.
// A nil cache renders them for p alone.
func (cc *chromeCache) render(set *template.Template, p *Page) error {
	c := &Chrome{Site: p.Site, SiteLanguage: p.SiteLanguage(), Menu: p.Menu(), root: p.root, form: p.form}
	key := c.key()
	if cc != nil {
		cc.mu.Lock()
		parts, ok := cc.done[key]
		cc.mu.Unlock()
		if ok {
			p.Header, p.Footer = parts[0], parts[1]
			return nil
		}
	}
	var parts [2]template.HTML
	for i, name := range chromeParts {
		var b strings.Builder
		if err := set.ExecuteTemplate(&b, name, c); err != nil {
			return err
		}
		parts[i] = template.HTML(b.String())
	}
	if cc != nil {
		cc.mu.Lock()
		if cc.done == nil {
			cc.done = map[string][2]template.HTML{}
		}
		cc.done[key] = parts
		cc.mu.Unlock()
	}
	p.Header, p.Footer = parts[0], parts[1]
	return nil
}

// ArticleLink is what a link template (such as "related-item" of the
// article page) sees: one article, linked from the pages at one depth in
// one link form. Page.Link renders such a template once per build for
// each article and depth, not once for every page that shows the link: at
// 10,000 articles each article stood in about five lists of related news,
// and those lists were a tenth of a build's CPU time. Like Chrome it holds
// only what the cache key covers.
type ArticleLink struct {
	Article *site.Article
	root    string
	form    LinkForm
}

// Rel is Page.Rel for the pages the link is shown on.
func (l *ArticleLink) Rel(target string) string { return relLink(l.root, l.form, target) }

// linkKey identifies a rendered link template within one build.
type linkKey struct {
	set     *template.Template
	name    string
	article *site.Article
	root    string
	form    LinkForm
}

// link renders template name of set for l, from the cache when a page at
// the same depth showed the same link. A nil cache renders it for the
// caller alone. prog, when not nil, runs the template; html/template runs
// it where prog cannot.
func (cc *chromeCache) link(set *template.Template, prog *program.Program, name string, l *ArticleLink) (template.HTML, error) {
	key := linkKey{set, name, l.Article, l.root, l.form}
	if cc != nil {
		cc.mu.Lock()
		h, ok := cc.links[key]
		cc.mu.Unlock()
		if ok {
			return h, nil
		}
	}
	var b strings.Builder
	if prog == nil || prog.Execute(&b, name, l) != nil {
		b.Reset()
		if err := set.ExecuteTemplate(&b, name, l); err != nil {
			return "", err
		}
	}
	h := template.HTML(b.String())
	if cc != nil {
		cc.mu.Lock()
		if cc.links == nil {
			cc.links = map[linkKey]template.HTML{}
		}
		cc.links[key] = h
		cc.mu.Unlock()
	}
	return h, nil
}
