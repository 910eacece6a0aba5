// Package render turns the checked site model into the files of the public
// site, in memory: HTML pages from html/template, Markdown through goldmark,
// charts as inline SVG, the Atom feed, the sitemap and the static assets.
package render

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"runtime"
	"sort"
	"sync"

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
	// Photos keeps processed photos between builds; nil processes every
	// photo again.
	Photos PhotoStore
}

// PhotoStore keeps processed photos between builds (output.Cache is one).
type PhotoStore = photo.Store

type renderer struct {
	site    *site.Site
	opt     Options
	md      goldmark.Markdown
	slides  goldmark.Markdown // md with slide and notes markers, for decks
	tmpl    *templates
	figures map[string]string
	charts  map[string]*chartData
	memo    *Incremental  // the dev server's caches; nil in a full build
	svgDone chan struct{} // closed when drawCharts has set every SVG
	svgErr  error
	photos  *photoSet // filled by preparePhotos, shared with every Page
}

// Site renders every file of the public site, sorted by path. Problems in
// templates, in Markdown (unknown figures or charts) and two pages claiming
// one path come back as site.Diagnostics.
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
		return err
	}
	// The renderer does not keep the chart renderer: once the SVGs are
	// drawn, its JavaScript runtimes can be collected while pages render.
	charts := opt.Charts
	opt.Charts = nil
	r := &renderer{site: s, opt: opt, md: newMarkdown(), slides: newSlidesMarkdown(), tmpl: tmpl, figures: figures(s), svgDone: make(chan struct{}), photos: &photoSet{}}
	all := r.buildCharts()
	go func() {
		r.svgErr = r.drawCharts(charts, all)
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
	pageDiags, linkDiags, err := r.renderPages(pages, paths, sink.Write)
	<-r.svgDone
	if err != nil {
		return err
	}
	if r.svgErr != nil {
		return r.svgErr
	}
	for _, d := range pageDiags {
		ds = append(ds, d...)
	}
	if len(ds) == 0 {
		for _, d := range linkDiags {
			ds = append(ds, d...)
		}
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

// renderPages renders the pages in parallel and hands each to emit as it
// is done;
// pages that show charts go last, so the SVGs are drawn meanwhile. Each
// page's problems land in its own slot, so the report never depends on
// scheduling. The error is emit's.
func (r *renderer) renderPages(pages []*Page, paths []string, emit func(output.File) error) (pageDiags, linkDiags []site.Diagnostics, err error) {
	exists := make(map[string]bool, len(paths))
	for _, p := range paths {
		exists[p] = true
	}
	feed := map[*site.Article]bool{}
	for _, a := range firstN(r.site.Articles, feedSize) {
		feed[a] = true
	}
	pageDiags = make([]site.Diagnostics, len(pages))
	linkDiags = make([]site.Diagnostics, len(pages))
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
			if pageDiags[i] = r.page(p, buf); pageDiags[i] != nil {
				return nil
			}
			linkDiags[i] = checkLinks(p, buf.Bytes(), exists)
			if !feed[p.Article] {
				p.Body, p.links = "", nil // only the feed needs a body after its page
			}
			return emit(output.File{Path: p.Path, Data: buf.Bytes()})
		})
	}
	return pageDiags, linkDiags, g.Wait()
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

// page renders one page into buf: its Markdown body, then its template.
func (r *renderer) page(p *Page, buf *bytes.Buffer) site.Diagnostics {
	if p.Article != nil {
		md := r.md
		if p.Kind == "slides" {
			md = r.slides
		}
		body, links, ds := convert(md, p.Article, mdEnv{figures: r.figures, chart: r.chartHTML(p), rel: p.relLink, photo: r.photoHTML(p)})
		if len(ds) > 0 {
			return ds
		}
		p.Body, p.links = body, links
		if p.Kind == "slides" {
			p.Slides = splitSlides(body)
		}
	}
	if len(p.Charts) > 0 {
		<-r.svgDone
	}
	if err := r.tmpl.execute(buf, p); err != nil {
		return site.Diagnostics{templateDiag(err, r.tmpl)}
	}
	return nil
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
