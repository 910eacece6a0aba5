package render

import (
	"bytes"
	"html/template"
	"reflect"
	"runtime"
	"sync"

	"github.com/yuin/goldmark"

	"alisnord/generator/diag"
	"alisnord/generator/output"
	"alisnord/generator/site"
)

// Engine is the one way the site is rendered: the build, the check, the
// offline bundle and the dev server all call Render (through the build
// package). An engine that Remembers keeps the parsed templates, the drawn
// charts and every page it rendered, and the next Render executes only
// the pages whose inputs changed; a full build is the same code starting
// from an empty engine that Forgets each page once the sink has it.
//
// A page's inputs are summed up in a key: the templates and the data for
// every page; then an article page's own source (its site.Meta, hashed
// whole, and its body) and its neighbours' meta, a list page's articles,
// and for every other page the meta of all articles. Templates of article
// and list pages must therefore read only those of the site's articles
// (TestEngineRemembersLikeFresh holds it to the shipped templates). An
// Engine is not safe for concurrent use.
type Engine struct {
	memory  Memory
	md      goldmark.Markdown
	slides  goldmark.Markdown
	tmplKey uint64
	tmpl    *templates
	dataKey uint64
	charts  map[string]*chartData
	// chartDiags are the problems of drawing charts, reported by every
	// build until the data changes.
	chartDiags diag.Diagnostics
	pages      map[string]*renderedPage // by output path, when remembering
	order      []*renderedPage          // the same, by the page's place in the last build
	spare      map[string]*renderedPage // the map before pages, to fill for the next build
	pathsKey   uint64                   // the output paths the last link check saw
	rootLinks  *rootLinks               // the links from the site root to them
	siteKey    uint64                   // what the sitemap was made from
	siteMap    []byte
	feeds      map[string]madeFeed     // by path, when remembering
	feedsMu    sync.Mutex              // the feeds are made on every core
	related    *relatedMemo            // the related news of the last build, when remembering
	known      bodyMemo[articleKeys]   // the articles' hashes, by their body's address
	charted    bodyMemo[[]string]      // the articles' chart blocks, likewise
	photoRefs  bodyMemo[articlePhotos] // the articles' photos, likewise
	photoMemo  *photoMemo
	cardKey    string // the share card's text, and the card
	cardData   []byte
	last       *lastBuild // for Refresh; nil after a failed build
	stats      Stats
	// stdTemplates runs every page with html/template alone (tests).
	stdTemplates bool
}

// Memory says what an Engine keeps between calls of Render.
type Memory int

const (
	// Forget renders every page and keeps none: a build, a check, a
	// bundle. Pages reach the sink in buffers that are reused after Write.
	Forget Memory = iota
	// Remember keeps every page for the next Render, as the dev server
	// does. Pages reach the sink in buffers that are never changed again,
	// so the sink may keep them.
	Remember
)

// Stats tells what the last call to Render or Refresh did.
type Stats struct {
	Pages    int // HTML pages in the site
	Rendered int // of them, pages executed (the rest came from memory)
}

// renderedPage is one page as the last build left it.
type renderedPage struct {
	key     uint64
	data    []byte
	body    template.HTML
	links   []mdLink
	targets []string         // output paths its links and assets point to
	checked bool             // every target existed when the page was last checked
	diags   diag.Diagnostics // the page's own problems, reported again while it is unchanged
	feed    *string          // the article's body as the feeds show it, escaped for XML, once made
}

// NewEngine returns an engine with nothing rendered yet.
func NewEngine(m Memory) *Engine {
	return &Engine{memory: m, md: newMarkdown(), slides: newSlidesMarkdown(), pages: map[string]*renderedPage{}}
}

// Stats returns what the last call to Render or Refresh did.
func (e *Engine) Stats() Stats { return e.stats }

// Sink receives the files of a render; *output.Staging writes them to disk.
type Sink interface {
	// Prepare is given the path of every file before the first Write.
	Prepare(paths []string) error
	// Write is given one file. It is called from several goroutines at
	// once. f.Data is the sink's to keep only when the engine Remembers.
	Write(f output.File) error
}

// flusher is a sink that can start writing the files it has to disk
// before the last ones come (output.Staging): Render tells it when the
// pages are done.
type flusher interface{ Flush() }

// Render renders every file of the site and hands each to the sink as soon
// as it is ready, from several goroutines at once, so a build never holds
// the whole site in memory. Every problem the render finds comes back,
// sorted, as diag.Diagnostics: in templates, in Markdown (unknown or
// malformed figures, unknown charts, unsafe or broken links, nesting too
// deep), in drawing charts, and two pages claiming one path. One problem
// never hides another. After an error the files already written are not a
// site and must be thrown away (output.Staging.Abort).
func (e *Engine) Render(s *site.Site, opt Options, sink Sink) error {
	e.last = nil
	defer e.seenBodies()
	r, global, err := e.prepare(s, opt)
	if err != nil {
		return err
	}
	defer func() { <-r.svgDone }()
	assets, err := r.assets()
	if err != nil {
		return err
	}
	pages := r.pages()
	ds := r.preparePhotos()
	photos := r.photos.files
	paths := outputPaths(pages, r.extraPaths(), append(assets[:len(assets):len(assets)], photos...))
	checkCollisions(paths, pages, &ds)
	if err := sink.Prepare(paths); err != nil {
		return err
	}
	rec := &recorder{sink: sink, keep: e.memory == Remember}
	if rec.keep {
		rec.files = make([]output.File, 0, len(paths))
	}
	// The processed photos go out first, so that an engine that forgets
	// can let their bytes go before the pages render.
	for _, f := range photos {
		if err := rec.Write(f); err != nil {
			return err
		}
	}
	if e.memory == Forget {
		r.photos.release()
	}
	reuse := newReuser(sink, opt, len(pages))
	keys := e.keys(s, pages, global^r.photos.key(), reuse != nil)
	r.keepFeedTexts()
	pageDiags, err := e.renderPages(r, pages, keys, paths, reuse, rec.Write)
	<-r.svgDone
	if err != nil {
		return err
	}
	for _, d := range pageDiags {
		ds = append(ds, d...)
	}
	if err := append(ds, e.chartDiags...).Err(); err != nil {
		return err
	}
	if f, ok := sink.(flusher); ok {
		f.Flush() // the pages are written and good
	}
	files := append(r.extras(pages), assets...)
	if reuse != nil {
		files = append(files, reuse.record(pages))
		e.stats.Rendered -= int(reuse.taken.Load())
	}
	for _, f := range files {
		if err := rec.Write(f); err != nil {
			return err
		}
	}
	if rec.keep {
		e.keep(r, pages, rec.files)
	}
	return nil
}

// recorder passes files on to a sink and, when the engine remembers,
// keeps them for Refresh.
type recorder struct {
	sink  Sink
	keep  bool
	mu    sync.Mutex
	files []output.File
}

func (rec *recorder) Write(f output.File) error {
	if rec.keep {
		rec.mu.Lock()
		rec.files = append(rec.files, f)
		rec.mu.Unlock()
	}
	return rec.sink.Write(f)
}

// prepare parses the templates and builds the charts again only when the
// templates or the data changed, and returns the renderer and the part of
// every page's key that stands for them. The charts are drawn meanwhile:
// pages that show one wait for r.svgDone.
func (e *Engine) prepare(s *site.Site, opt Options) (*renderer, uint64, error) {
	tmplKey, err := templatesKey(opt.Root)
	if err != nil {
		return nil, 0, err
	}
	if e.tmpl == nil || tmplKey != e.tmplKey {
		tmpl, err := parseTemplates(opt.Root)
		if err != nil {
			return nil, 0, withoutTemplates(s, opt, err, e)
		}
		tmpl.std = e.stdTemplates
		e.tmpl, e.tmplKey = tmpl, tmplKey
	}
	// The renderer does not keep the chart renderer: once the SVGs are
	// drawn, its JavaScript runtimes can be collected while pages render.
	charts := opt.Charts
	opt.Charts = nil
	r := &renderer{site: s, opt: opt, md: e.md, slides: e.slides, tmpl: e.tmpl, memo: e,
		follow: newFollowOn(s, opt.Suspect), photos: &photoSet{}, svgDone: drawn}
	r.buildViews()
	f := newFingerprint()
	f.value(dataOf(s))
	f.str(r.viewKeys()...)
	f.flag(charts != nil)
	if dataKey := f.sum(); e.charts == nil || dataKey != e.dataKey {
		all := r.buildCharts()
		e.charts, e.dataKey = r.charts, dataKey
		done := make(chan struct{})
		r.svgDone = done
		go func() {
			e.chartDiags = r.drawCharts(charts, all)
			close(done)
		}()
	}
	r.charts = e.charts
	f.num(e.tmplKey)
	f.flag(opt.Serve)
	f.num(uint64(opt.Links))
	f.str(opt.Generator)
	for _, a := range s.Pages {
		f.str(a.Slug) // every page may ask HasPage
	}
	return r, f.sum(), nil
}

// dataOf is the site without its articles: what data/ holds.
func dataOf(s *site.Site) reflect.Value {
	d := *s
	d.Articles, d.Pages, d.Tags = nil, nil, nil
	return reflect.ValueOf(d)
}

// drawn is a closed channel: the charts are drawn before pages render.
var drawn = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// renderPages renders the pages in parallel, takes from memory each page
// whose key is unchanged, and hands each page without problems to emit as
// it is done; pages that show charts go last, so the SVGs are drawn
// meanwhile. Each page's problems (Markdown, template, links) land in its
// own slot, so the report never depends on scheduling, and one problem
// never hides another. The error is emit's.
func (e *Engine) renderPages(r *renderer, pages []*Page, keys []uint64, paths []string, reuse *reuser, emit func(output.File) error) ([]diag.Diagnostics, error) {
	exists := make(map[string]bool, len(paths))
	var pathsKey uint64 // a sum, so the order of paths does not matter
	for _, p := range paths {
		exists[p] = true
		pathsKey += hashString(p)
	}
	recheck := pathsKey != e.pathsKey
	e.pathsKey = pathsKey
	reuse.setPaths(pathsKey)
	found := func(t string) bool { return exists[t] || r.follow.missingPage(t) }
	if k := e.rootLinks; k == nil || k.paths != pathsKey || k.form != r.opt.Links {
		e.rootLinks = newRootLinks(paths, pathsKey, r.opt.Links)
	}
	known := e.rootLinks
	done := sourceReleaser(e.memory, r.site)
	diags := make([]diag.Diagnostics, len(pages))
	fresh := make([]*renderedPage, len(pages))
	render := func(i int) error {
		p := pages[i]
		if data, ok := reuse.take(p, i, keyOf(keys, i), found); ok {
			defer done(p)
			return emit(output.File{Path: p.Path, Data: data})
		}
		buf := e.buffer()
		defer e.release(buf)
		ds, ok := r.page(p, buf)
		var linkDs diag.Diagnostics
		var targets []string
		if ok {
			var into *[]string // a remembered page keeps its targets, found by the check
			if e.memory == Remember {
				into = &targets
			}
			linkDs = checkLinks(p, buf.Bytes(), found, r.tmpl, known, into)
		}
		if e.memory == Remember {
			if ok {
				targets = sortedTargets(targets)
			} else {
				targets = pageTargets(p, buf.Bytes())
			}
			rp := &renderedPage{key: keys[i], data: buf.Bytes(), body: p.Body, links: p.links, targets: targets, diags: ds}
			rp.checked = ok && rp.allFound(found)
			fresh[i] = rp
		}
		ds = append(ds, linkDs...)
		if diags[i] = ds; len(ds) > 0 {
			return nil
		}
		if e.memory == Forget {
			p.Body, p.links = "", nil // the feeds convert the text for themselves (feedBody)
			done(p)
		}
		reuse.note(i, keyOf(keys, i), buf.Bytes())
		return emit(output.File{Path: p.Path, Data: buf.Bytes()})
	}
	w := startWorkers(runtime.GOMAXPROCS(0)*2, drawingHeld(r.svgDone), r.svgDone, render) // twice the cores: a page waiting on the disk frees its core
	for _, i := range renderOrder(pages) {
		p := pages[i]
		if old := e.remembered(p, keys, i); old != nil {
			fresh[i] = old
			diags[i] = old.recheck(p, recheck, found, r.tmpl)
			if len(diags[i]) == 0 {
				if err := emit(output.File{Path: p.Path, Data: old.data}); err != nil {
					w.wait()
					return diags, err
				}
			}
			continue
		}
		w.do(i)
	}
	err := w.wait()
	e.remember(pages, fresh)
	return diags, err
}

// drawingHeld is how many of renderPages' slots wait for the charts while
// they are drawn (svgDone still open), so that the pages render one at a
// time per core but one: the drawings (one node process, or goja workers)
// keep a core of their own instead of a third of one. On two cores a cold
// 10k build took 4.87-5.27 s this way against 5.59-5.72 s (3 alternating
// each): the pages that show a chart no longer wait at the end for the
// last drawings. Once the charts are drawn, every slot is free again.
func drawingHeld(svgDone <-chan struct{}) int {
	select {
	case <-svgDone:
		return 0
	default:
	}
	cores := runtime.GOMAXPROCS(0)
	return 2*cores - max(cores-1, 1)
}

// sourceReleaser returns what renderPages calls when an article's page is
// done. An engine that forgets lets the article's Markdown go then, unless
// a feed carries the article (feedBody converts it again after the pages):
// nothing else reads it after the pages are made (pages() took the
// description, keys the hash, the chart and photo lists the names). At
// 10,000 articles the sources were half of what a build kept alive.
func sourceReleaser(memory Memory, s *site.Site) func(*Page) {
	if memory != Forget {
		return func(*Page) {}
	}
	keep := make(map[*site.Article]bool)
	for _, a := range feedEntries(s) {
		keep[a] = true
	}
	return func(p *Page) {
		if p.Kind == KindArticle && !keep[p.Article] {
			p.Article.Body = nil
		}
	}
}

// remembered is the page as the last build left it, when its key is
// unchanged; it gives p the body the feed may need.
func (e *Engine) remembered(p *Page, keys []uint64, i int) *renderedPage {
	if e.memory != Remember {
		return nil
	}
	old := e.lastPage(i, keys[i], p.Path)
	if old == nil || old.key != keys[i] {
		return nil
	}
	p.Body, p.links = old.body, old.links
	return old
}

// lastPage is the page the last build left at place i, when its key is key,
// or else the one it left at path. A page's key stands for its path too
// (pageIdentity), and the pages come in the same order from one build to
// the next unless one was added or removed before it, so this finds most
// pages without a lookup by path (12,000 of them, in a map of 12,000
// paths, in each dev-server build after a new title at 10k).
func (e *Engine) lastPage(i int, key uint64, path string) *renderedPage {
	if i < len(e.order) && e.order[i] != nil && e.order[i].key == key {
		return e.order[i]
	}
	return e.pages[path]
}

// keyOf is page i's key, 0 when there are none.
func keyOf(keys []uint64, i int) uint64 {
	if keys == nil {
		return 0
	}
	return keys[i]
}

// recheck returns the problems of a remembered page: its own, and its
// links when the site's paths changed or a target was missing last time.
func (rp *renderedPage) recheck(p *Page, pathsChanged bool, exists func(string) bool, tmpl *templates) diag.Diagnostics {
	if rp.checked && !pathsChanged {
		return rp.diags
	}
	if rp.checked = rp.allFound(exists); rp.checked {
		return rp.diags
	}
	return append(rp.diags[:len(rp.diags):len(rp.diags)], checkLinks(p, rp.data, exists, tmpl, nil, nil)...)
}

// allFound tells whether every target of the page exists.
func (rp *renderedPage) allFound(exists func(string) bool) bool {
	for _, t := range rp.targets {
		if !exists(t) {
			return false
		}
	}
	return true
}

// remember keeps the pages of this build, when the engine remembers.
func (e *Engine) remember(pages []*Page, fresh []*renderedPage) {
	e.stats = Stats{Pages: len(pages), Rendered: len(pages)}
	if e.memory != Remember {
		return
	}
	next := e.spare // the map of the build before last, cleared, not made anew
	if next == nil {
		next = make(map[string]*renderedPage, len(pages))
	}
	clear(next)
	e.stats.Rendered = 0
	for i, p := range pages {
		if fresh[i] == nil {
			continue
		}
		if fresh[i] != e.lastPage(i, fresh[i].key, p.Path) {
			e.stats.Rendered++
		}
		next[p.Path] = fresh[i]
	}
	e.pages, e.order, e.spare = next, fresh, e.pages
}

// buffer returns a buffer to render a page into: a reused one when the
// page is forgotten once written, else one of its own.
func (e *Engine) buffer() *bytes.Buffer {
	if e.memory == Remember {
		return new(bytes.Buffer)
	}
	buf := buffers.Get().(*bytes.Buffer)
	buf.Reset()
	return buf
}

func (e *Engine) release(buf *bytes.Buffer) {
	if e.memory != Remember {
		buffers.Put(buf)
	}
}

// buffers holds page buffers for reuse; each grows to the largest page.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}
