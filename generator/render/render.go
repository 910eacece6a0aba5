// Package render turns the checked site model into the files of the public
// site, in memory: HTML pages from html/template, Markdown through goldmark,
// charts as inline SVG, the Atom feed, the sitemap and the static assets.
package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/yuin/goldmark"
	"golang.org/x/sync/errgroup"

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
	memo     *Incremental  // the dev server's caches; nil in a full build
	svgDone  chan struct{} // closed when drawCharts has set every SVG
	svgDiags site.Diagnostics
	follow   followOn  // problems that follow from a broken input
	photos   *photoSet // filled by preparePhotos, shared with every Page
}

// Site renders every file of the public site, sorted by path. Every
// problem the render finds comes back, sorted, as site.Diagnostics: in
// templates, in Markdown (unknown or malformed figures, unknown charts,
// unsafe or broken links, nesting too deep), in drawing charts, and two
// pages claiming one path. One problem never hides another.
func Site(s *site.Site, opt Options) ([]output.File, error) {
	var c collector
	if err := Stream(s, opt, &c); err != nil {
		return nil, err
	}
	sort.Slice(c.files, func(i, j int) bool { return c.files[i].Path < c.files[j].Path })
	return c.files, nil
}

// Sink receives the files of a render; *output.Staging writes them to disk.
type Sink interface {
	// Prepare is given the path of every file before the first Write.
	Prepare(paths []string) error
	// Write is given one file. It is called from several goroutines at
	// once and must not keep f.Data: the buffer is reused.
	Write(f output.File) error
}

// collector is the Sink of Site: the files in memory.
type collector struct {
	mu    sync.Mutex
	files []output.File
}

func (c *collector) Prepare(paths []string) error {
	c.files = make([]output.File, 0, len(paths))
	return nil
}

func (c *collector) Write(f output.File) error {
	f.Data = bytes.Clone(f.Data)
	c.mu.Lock()
	c.files = append(c.files, f)
	c.mu.Unlock()
	return nil
}

// Stream renders every file of the public site and hands each to the sink
// as soon as it is ready, from several goroutines at once, so a build never
// holds the whole site in memory. When Stream returns an error (the
// problems Site reports, or the sink's first error), the files already
// written are not a site and must be thrown away (output.Staging.Abort).
func Stream(s *site.Site, opt Options, sink Sink) error {
	tmpl, err := parseTemplates(opt.Root)
	if err != nil {
		return withoutTemplates(s, opt, err)
	}
	// The renderer does not keep the chart renderer: once the SVGs are
	// drawn, its JavaScript runtimes can be collected while pages render.
	charts := opt.Charts
	opt.Charts = nil
	r := &renderer{site: s, opt: opt, md: newMarkdown(), slides: newSlidesMarkdown(), tmpl: tmpl, svgDone: make(chan struct{}), follow: newFollowOn(s, opt.Suspect), photos: &photoSet{}}
	r.buildViews()
	all := r.buildCharts()
	go func() {
		r.svgDiags = r.drawCharts(charts, all)
		close(r.svgDone)
	}()
	assets, err := r.assets()
	if err != nil {
		<-r.svgDone
		return err
	}
	pages := r.pages()
	ds := r.preparePhotos()
	assets = append(assets, r.photos.files...)
	paths := outputPaths(pages, r.extraPaths(), assets)
	checkCollisions(paths, pages, &ds)
	if err := sink.Prepare(paths); err != nil {
		<-r.svgDone
		return err
	}
	pageDiags, err := r.renderPages(pages, paths, sink.Write)
	<-r.svgDone
	if err != nil {
		return err
	}
	ds = append(ds, r.svgDiags...)
	for _, d := range pageDiags {
		ds = append(ds, d...)
	}
	if err := ds.Err(); err != nil {
		return err
	}
	for _, f := range append(r.extras(pages), assets...) {
		if err := sink.Write(f); err != nil {
			return err
		}
	}
	return nil
}

// withoutTemplates returns, when the templates do not parse (tmplErr),
// those problems with the ones the rest of the render finds without
// them: in drawing the charts and in every article's Markdown.
func withoutTemplates(s *site.Site, opt Options, tmplErr error) error {
	var ds site.Diagnostics
	if !errors.As(tmplErr, &ds) {
		return tmplErr
	}
	r := &renderer{site: s, opt: opt, md: newMarkdown(), slides: newSlidesMarkdown(), svgDone: drawn, follow: newFollowOn(s, opt.Suspect), photos: &photoSet{}}
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

// renderPages renders the pages in parallel and hands each page without
// problems to emit as it is done; pages that show charts go last, so the
// SVGs are drawn meanwhile. Each page's problems (Markdown, template,
// links) land in its own slot, so the report never depends on
// scheduling, and one problem never hides another. The error is emit's.
func (r *renderer) renderPages(pages []*Page, paths []string, emit func(output.File) error) ([]site.Diagnostics, error) {
	exists := make(map[string]bool, len(paths))
	for _, p := range paths {
		exists[p] = true
	}
	feed := map[*site.Article]bool{}
	for _, a := range firstN(r.site.Articles, feedSize) {
		feed[a] = true
	}
	diags := make([]site.Diagnostics, len(pages))
	g, ctx := errgroup.WithContext(context.Background())
	g.SetLimit(runtime.GOMAXPROCS(0) * 2) // twice the cores: a page waiting on the disk frees its core
	for _, i := range renderOrder(pages) {
		p := pages[i]
		g.Go(func() error {
			if ctx.Err() != nil {
				return nil
			}
			buf := buffers.Get().(*bytes.Buffer)
			defer buffers.Put(buf)
			buf.Reset()
			ds, ok := r.page(p, buf)
			if ok {
				ds = append(ds, checkLinks(p, buf.Bytes(), func(t string) bool { return exists[t] || r.follow.missingPage(t) }, r.tmpl)...)
			}
			if diags[i] = ds; len(ds) > 0 {
				return nil
			}
			if !feed[p.Article] {
				p.Body, p.links = "", nil // only the feed needs a body after its page
			}
			return emit(output.File{Path: p.Path, Data: buf.Bytes()})
		})
	}
	return diags, g.Wait()
}

// buffers holds page buffers for reuse; each grows to the largest page.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

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
func (r *renderer) page(p *Page, buf *bytes.Buffer) (ds site.Diagnostics, ok bool) {
	if p.Article != nil {
		p.Body, p.links, ds = r.convert(p)
		if p.Kind == "slides" {
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

// convert renders the Markdown of p's article for p: a slide deck with
// its slide markers.
func (r *renderer) convert(p *Page) (template.HTML, []mdLink, site.Diagnostics) {
	md := r.md
	if p.Kind == "slides" {
		md = r.slides
	}
	return convert(md, p.Article, mdEnv{figures: r.viewOf(p).figures, chart: r.chartHTML(p), rel: p.relLink, photo: r.photoHTML(p), lenient: r.follow.unknownName()})
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

func checkCollisions(paths []string, pages []*Page, ds *site.Diagnostics) {
	seen := make(map[string]int, len(paths))
	for i, p := range paths {
		if j, dup := seen[p]; dup {
			ds.Add(site.Pos{Path: source(paths, pages, i)}, "to sider skrives til %s (også %s)", p, source(paths, pages, j))
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
