package render

import (
	"html/template"
	"strings"

	"alisnord/generator/render/program"
	"alisnord/generator/site"
)

// Page is what one page template sees: the whole site, where the page lives,
// and the one thing it is about.
type Page struct {
	Site        *site.Site
	Kind        Kind
	Path        string // output file, e.g. "omrader/unn/index.html"
	URL         string // public path below the base URL, e.g. "omrader/unn/"
	Title       string
	Description string
	Nav         string // which main-menu entry is current
	Crumbs      []Crumb
	Body        template.HTML
	Article     *site.Article
	Area        *site.Area
	Participant *site.Participant
	Articles    []*site.Article
	Tag         *site.Tag
	Pager       *Pager
	Year        *ArchiveYear    // the archive's year, on its page
	Years       []ArchiveYear   // every year of the archive, on the news list and the archive
	Related     []*site.Article // news that shares tags with the article
	Charts      []ChartView
	Progress    []ChartView   // positions by status over time; none while the data has no history
	Event       *site.Event   // the conference, on its pages and on the front page while upcoming
	Links       []Crumb       // further pages, such as a conference's material
	Slides      []Slide       // a slide deck's slides
	CSS         []string      // extra stylesheets (site paths) for this page
	Scripts     []string      // deferred external scripts (site paths); never inline
	Serve       bool          // built by the dev server: drafts and future posts are marked
	Lang        string        // the page's language where it is not the site's ("en")
	Alternates  []Alternate   // the page in each language, itself included (hreflang)
	Header      template.HTML // the site's header, rendered from Chrome (chrome.go)
	Footer      template.HTML // the site's footer, likewise

	root   string   // relative path from this page up to the site root
	form   LinkForm // how this build links to folder pages
	fig    map[string]string
	latest *site.Figures // the newest figures (pagedates.go)
	photos *photoSet
	links  []mdLink // relative links written in the page's Markdown
	chrome *chromeCache
	set    *template.Template // the templates the page is executed with (Link)
	prog   *program.Program   // set's program, nil when html/template alone runs it
}

// Crumb is one step of the breadcrumb trail above a page's heading.
type Crumb struct {
	Title, URL string
}

// Pager links one page of a paginated list to its neighbours.
type Pager struct {
	Number, Total int
	PrevURL       string
	NextURL       string
}

// newPage sets where a page lives; url is "" for the front page, a path
// ending in "/" for a folder page, or a file name such as "404.html".
func newPage(r *renderer, kind Kind, url, title string) *Page {
	path := url
	if url == "" || strings.HasSuffix(url, "/") {
		path = url + "index.html"
	}
	return newPageAt(r, kind, url, path, title)
}

// newPageAt is newPage for a page whose output path is known too.
func newPageAt(r *renderer, kind Kind, url, path, title string) *Page {
	p := &Page{Site: r.site, Kind: kind, URL: url, Path: path, Title: title, fig: r.figures, Serve: r.opt.Serve, photos: r.photos, form: r.opt.Links}
	if r.latest != nil {
		p.latest = r.latest.fig
	}
	p.root = rootOf(path)
	return p
}

// ups are the relative paths up to the site root from the first depths.
var ups = func() []string {
	out := make([]string, 8)
	for i := range out {
		out[i] = strings.Repeat("../", i)
	}
	return out
}()

// rootOf is the relative path from the page at path up to the site root.
func rootOf(path string) string {
	n := strings.Count(path, "/")
	if n < len(ups) {
		return ups[n]
	}
	return strings.Repeat("../", n)
}

// newFolderPage is newPage for the folder page at dir ("nyheter/sak"),
// whose URL is dir+"/": the URL is a prefix of the page's path, made in
// one string, which matters for the 10,000 articles of an edit.
func newFolderPage(r *renderer, kind Kind, dir, title string) *Page {
	path := dir + "/index.html"
	return newPageAt(r, kind, path[:len(dir)+1], path, title)
}

// Rel returns the link from this page to target, a site path such as
// "nyheter/" or "assets/style.css", in the build's link form: the folder
// on the web, its index.html in the offline bundle.
func (p *Page) Rel(target string) string { return relLink(p.root, p.form, target) }

// relLink is the link to site path target from a page at root (its
// relative path up to the site root), in link form form.
func relLink(root string, form LinkForm, target string) string {
	out := root + form.folderLink(strings.TrimPrefix(target, "/"))
	if out == "" {
		return "./" // the front page, from the front page
	}
	return out
}

// Link renders the link template name (see ArticleLink) for article a as
// this page shows it.
func (p *Page) Link(name string, a *site.Article) (template.HTML, error) {
	return p.chrome.link(p.set, p.prog, name, &ArticleLink{Article: a, root: p.root, form: p.form})
}

// Abs returns the absolute public URL of a site path, for feeds, sitemaps
// and sharing tags.
func (p *Page) Abs(target string) string {
	return p.Site.Settings.BaseURL + strings.TrimPrefix(target, "/")
}

// Fig returns a data-bound figure by key, as text.
func (p *Page) Fig(key string) string { return p.fig[key] }

// relLink rewrites a root-relative link written in Markdown ("/statistikk/")
// to a link relative to the page, and a relative link to a folder page
// into the build's link form, so writers need not care which form a
// build uses; links to other sites are left alone.
func (p *Page) relLink(dest string) string {
	target, frag, _ := strings.Cut(dest, "#")
	var out string
	switch {
	case strings.HasPrefix(dest, "//") || !plainPath(target):
		return dest
	case strings.HasPrefix(dest, "/"):
		out = p.Rel(target)
	default:
		out = p.form.folderLink(target)
	}
	if frag != "" {
		out += "#" + frag
	}
	return out
}

// MenuItem is one entry of the main menu. Current is "page" on the page
// itself, "section" below it, and empty elsewhere.
type MenuItem struct {
	Title, URL, Current string
}

var menu = []MenuItem{
	{Title: "Nyheter", URL: "nyheter/"},
	{Title: "Emner", URL: "tagger/"},
	{Title: "Statistikk", URL: "statistikk/"},
	{Title: "Områder", URL: "omrader/"},
	{Title: "Deltakere", URL: "deltakere/"},
	{Title: "Prosjektet", URL: "prosjektet/"},
	{Title: "Hendelser", URL: "hendelser/"},
	{Title: "Om ALIS-Nord", URL: "om/"},
}

// Menu returns the main menu as seen from this page.
func (p *Page) Menu() []MenuItem {
	out := make([]MenuItem, len(menu))
	for i, m := range menu {
		out[i] = m
		switch {
		case p.URL == m.URL:
			out[i].Current = "page"
		case p.Nav+"/" == m.URL:
			out[i].Current = "section"
		}
	}
	return out
}

// Badges returns the marks the dev server shows on a draft or a future
// post; the public build shows none.
func (p *Page) Badges(a *site.Article) []string {
	if !p.Serve || a == nil {
		return nil
	}
	var out []string
	if a.Draft {
		out = append(out, "Utkast")
	}
	if a.Future {
		out = append(out, "Planlagt")
	}
	return out
}

// SourceOf describes the sources of the areas' newest "applications" or
// "population" figures: every source and date used.
func (p *Page) SourceOf(figure string) string {
	return sourcesOf(p.Site, p.latest.Total(pickFigure(figure)).Sources)
}

// HasPage tells whether the content page with this slug (content/<slug>.md)
// is published, so templates link only to pages that exist.
func (p *Page) HasPage(slug string) bool { return hasPage(p.Site, slug) }

func hasPage(s *site.Site, slug string) bool {
	for _, a := range s.Pages {
		if a.Slug == slug {
			return true
		}
	}
	return false
}

// ConferenceID is the id of the event the conference page is about, or "".
func (p *Page) ConferenceID() string {
	if c := conference(p.Site); c != nil {
		return c.ID
	}
	return ""
}

// ParticipantsSource describes the source of the participant list.
func (p *Page) ParticipantsSource() string { return sourceOf(p.Site, participantsSource) }
