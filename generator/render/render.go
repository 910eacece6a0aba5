package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"time"

	"github.com/yuin/goldmark"

	"alisnord/generator/diag"
	"alisnord/generator/markdown"
	"alisnord/generator/output"
	"alisnord/generator/photo"
	"alisnord/generator/site"
)

// Options configure a render.
type Options struct {
	// Root holds templates/ (layouts, partials, pages and assets).
	Root fs.FS
	// Charts renders chart specs to SVG; nil leaves every chart out, which
	// only tests of unrelated pages should want.
	Charts ChartRenderer
	// Serve marks drafts and future posts for the dev server.
	Serve bool
	// Suspect names input files (site-relative paths) that have problems
	// of their own: problems that may only follow from them, such as an
	// unknown figure key while the file that would define it is wrong,
	// are passed over. site.Site.Broken counts as suspect too.
	Suspect map[string]bool
	// Photos keeps processed photos between builds; nil processes every
	// photo again.
	Photos PhotoStore
	// Links is how pages link to folder pages: LinkFolders (the zero
	// value) for the web, LinkFiles for the offline bundle.
	Links LinkForm
	// Generator identifies the generator's code and the ECharts bundle
	// (hashes of both), for every page's key. When it is set and the sink
	// holds the last build's files (PreviousFiles), a page whose key
	// the last build recorded is taken from there (reuse.go).
	Generator string
}

// PhotoStore keeps processed photos between builds (output.Cache is one).
type PhotoStore = photo.Store

type renderer struct {
	site     *site.Site
	opt      Options
	md       goldmark.Markdown
	slides   goldmark.Markdown // md with slide and notes markers, for decks
	tmpl     *templates
	figures  map[string]string // the latest view's
	latest   *view
	dated    map[time.Time]*view         // by epoch (views.go)
	epochs   map[*site.Article]time.Time // the epoch of each article with a dated view
	charts   map[string]*chartData
	memo     *Engine       // the engine rendering, which keeps the sitemap
	svgDone  chan struct{} // closed when drawCharts has set every SVG
	svgDiags diag.Diagnostics
	follow   followOn  // problems that follow from a broken input
	photos   *photoSet // filled by preparePhotos, shared with every Page
	// feedText holds, for each article a feed carries, its text as the
	// feed shows it, when its page's conversion could stand for the feed's
	// (feedbody.go); nil when no page is rendered for it.
	feedText map[*site.Article]*feedText
}

// withoutTemplates returns, when the templates do not parse (tmplErr),
// those problems with the ones the rest of the render finds without
// them: in drawing the charts and in every article's Markdown.
func withoutTemplates(s *site.Site, opt Options, tmplErr error, e *Engine) error {
	var ds diag.Diagnostics
	if !errors.As(tmplErr, &ds) {
		return tmplErr
	}
	r := &renderer{site: s, opt: opt, md: e.md, slides: e.slides, memo: e, svgDone: drawn, follow: newFollowOn(s, opt.Suspect), photos: &photoSet{}}
	r.buildViews()
	ds = append(ds, r.drawCharts(opt.Charts, r.buildCharts())...)
	for _, p := range r.pages() {
		if p.Article == nil {
			continue
		}
		_, _, d := r.convert(p)
		ds = append(ds, d...)
	}
	return ds.Err()
}

// renderOrder lists the pages without charts first.
func renderOrder(pages []*Page) []int {
	out := make([]int, 0, len(pages))
	for i, p := range pages {
		if len(p.Charts) == 0 {
			out = append(out, i)
		}
	}
	for i, p := range pages {
		if len(p.Charts) > 0 {
			out = append(out, i)
		}
	}
	return out
}

// page renders one page into buf: its Markdown body, then its template,
// and returns every problem found on the way. ok is false when the
// template failed, so buf holds no page to check links in.
func (r *renderer) page(p *Page, buf *bytes.Buffer) (ds diag.Diagnostics, ok bool) {
	if p.Article != nil {
		var sameForFeed bool
		p.Body, p.links, ds, sameForFeed = r.convertPage(p)
		if t := r.feedText[p.Article]; t != nil && p.Kind == KindArticle {
			t.body, t.ok = "", sameForFeed // a page rendered again may now ask for a chart
			if sameForFeed {
				t.body = feedBodyOf(p.Body)
			}
		}
		if p.Kind == KindSlides {
			p.Slides = splitSlides(p.Body)
		}
	}
	if len(p.Charts) > 0 {
		<-r.svgDone
		ds = append(ds, r.chartProblems(p)...)
	}
	if err := r.tmpl.execute(buf, p); err != nil {
		return append(ds, templateDiag(err, r.tmpl)), false
	}
	return ds, true
}

// renderPage renders one page into a buffer of its own.
func (r *renderer) renderPage(p *Page) (output.File, diag.Diagnostics) {
	var buf bytes.Buffer
	ds, _ := r.page(p, &buf)
	return output.File{Path: p.Path, Data: buf.Bytes()}, ds
}

// convert renders the Markdown of p's article for p: a slide deck with
// its slide markers.
func (r *renderer) convert(p *Page) (template.HTML, []mdLink, diag.Diagnostics) {
	h, links, ds, _ := r.convertPage(p)
	return h, links, ds
}

// convertPage is convert, and tells whether the feeds' conversion of the
// same article (feedBody) would give the same HTML: it differs from the
// page's only in how it shows charts and photos, so the two agree when
// the text asked for neither.
func (r *renderer) convertPage(p *Page) (template.HTML, []mdLink, diag.Diagnostics, bool) {
	md := r.md
	if p.Kind == KindSlides {
		md = r.slides
	}
	asked := false
	chart, photo := r.chartHTML(p), r.photoHTML(p)
	env := mdEnv{figures: r.viewOf(p).figures, rel: p.relLink, lenient: r.follow.unknownName(),
		chart: func(name string) (string, string, bool) { asked = true; return chart(name) }}
	if photo != nil {
		env.photo = func(img markdown.Image) (string, bool) { asked = true; return photo(img) }
	}
	h, links, ds := convert(md, p.Article, env)
	return h, links, ds, !asked && md == r.md
}

// outputPaths lists the path of every file of the build, pages first in
// their order, so the link check knows every target before any page is
// rendered.
func outputPaths(pages []*Page, extras []string, assets []output.File) []string {
	out := make([]string, 0, len(pages)+len(extras)+len(assets))
	for _, p := range pages {
		out = append(out, p.Path)
	}
	out = append(out, extras...)
	for _, f := range assets {
		out = append(out, f.Path)
	}
	return out
}

func checkCollisions(paths []string, pages []*Page, ds *diag.Diagnostics) {
	seen := make(map[string]int, len(paths))
	for i, p := range paths {
		if j, dup := seen[p]; dup {
			ds.Add(diag.Pos{Path: source(paths, pages, i)}, "to sider skrives til %s (også %s)", p, source(paths, pages, j))
			continue
		}
		seen[p] = i
	}
}

// source names the input behind output file i, for collision messages.
func source(paths []string, pages []*Page, i int) string {
	if i < len(pages) && pages[i].Article != nil {
		return pages[i].Article.Path
	}
	return fmt.Sprintf("generert side %s", paths[i])
}

// Discard is a Sink that keeps nothing: rendering into it only finds the
// problems, as a check of a site whose input has problems does.
var Discard Sink = discard{}

type discard struct{}

func (discard) Prepare([]string) error  { return nil }
func (discard) Write(output.File) error { return nil }
