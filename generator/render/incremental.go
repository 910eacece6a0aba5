package render

import (
	"bytes"
	"hash/maphash"
	"html/template"
	"io/fs"
	"path"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"unique"

	"github.com/yuin/goldmark"
	"golang.org/x/sync/errgroup"

	"alisnord/generator/output"
	"alisnord/generator/site"
)

// Incremental renders the site as Site does, for the dev server: it keeps
// the templates, the charts and every page it rendered, and on the next
// call executes only the pages whose inputs changed. A page's inputs are
// summed up in a fingerprint: the templates and the data for every page;
// then an article page's own source and its neighbours' titles, a list
// page's articles, and for every other page the metadata of all articles.
// Templates of article and list pages must therefore read only those of
// the site's articles (TestIncrementalMatchesSite holds it to the shipped
// templates). An Incremental is not safe for concurrent use.
type Incremental struct {
	seed    maphash.Seed
	md      goldmark.Markdown
	slides  goldmark.Markdown
	tmplKey uint64
	tmpl    *templates
	dataKey uint64
	charts  map[string]*chartData
	// chartDiags are the problems of drawing charts, reported by every
	// build until the data changes.
	chartDiags site.Diagnostics
	pages      map[string]*renderedPage // by output path
	pathsKey   uint64                   // the output paths the last link check saw
	siteKey    uint64                   // what the sitemap was made from
	siteMap    []byte
	last       *lastBuild // for Refresh; nil after a failed build
	stats      Stats
}

// Stats tells what the last call to Incremental.Site did.
type Stats struct {
	Pages    int // HTML pages in the site
	Rendered int // of them, pages executed (the rest came from the cache)
}

// renderedPage is one page as the last build left it.
type renderedPage struct {
	key     uint64
	data    []byte
	body    template.HTML
	links   []mdLink
	targets []string         // output paths its links and assets point to
	checked bool             // every target existed when the page was last checked
	diags   site.Diagnostics // the page's own problems, reported again while it is unchanged
}

// NewIncremental returns an incremental renderer with nothing cached.
func NewIncremental() *Incremental {
	return &Incremental{seed: maphash.MakeSeed(), md: newMarkdown(), slides: newSlidesMarkdown(), pages: map[string]*renderedPage{}}
}

// Stats returns what the last call to Site did.
func (inc *Incremental) Stats() Stats { return inc.stats }

// Site renders every file of the site, like the package function Site,
// with the same output and the same diagnostics.
func (inc *Incremental) Site(s *site.Site, opt Options) ([]output.File, error) {
	r, global, err := inc.prepare(s, opt)
	if err != nil {
		return nil, err
	}
	pages := r.pages()
	photoDiags := r.preparePhotos()
	keys := inc.keys(s, pages, global^r.photos.key())
	files, ds := inc.renderPages(r, pages, keys)
	ds = append(photoDiags, ds...)
	ds = append(ds, inc.chartDiags...)
	inc.last = nil
	files, err = r.finish(files, pages, ds, inc.checkLinks)
	if err == nil {
		inc.keep(r, pages, files)
	}
	return files, err
}

// prepare parses the templates and builds the charts again only when the
// templates or the data changed, and returns the renderer and the part of
// every page's fingerprint that stands for them.
func (inc *Incremental) prepare(s *site.Site, opt Options) (*renderer, uint64, error) {
	tmplKey, err := inc.templatesKey(opt.Root)
	if err != nil {
		return nil, 0, err
	}
	if inc.tmpl == nil || tmplKey != inc.tmplKey {
		tmpl, err := parseTemplates(opt.Root)
		if err != nil {
			return nil, 0, withoutTemplates(s, opt, err)
		}
		inc.tmpl, inc.tmplKey = tmpl, tmplKey
	}
	r := &renderer{site: s, opt: opt, md: inc.md, slides: inc.slides, tmpl: inc.tmpl, memo: inc, photos: &photoSet{}}
	r.buildViews()
	f := newFingerprint(inc.seed)
	f.value(dataOf(s))
	f.str(r.viewKeys()...)
	f.flag(opt.Charts != nil)
	if dataKey := f.sum(); inc.charts == nil || dataKey != inc.dataKey {
		inc.chartDiags = r.drawCharts(opt.Charts, r.buildCharts())
		inc.charts, inc.dataKey = r.charts, dataKey
	}
	r.charts = inc.charts
	r.svgDone = drawn // the charts are drawn before any page renders
	f.num(inc.tmplKey)
	f.flag(opt.Serve)
	for _, a := range s.Pages {
		f.str(a.Slug) // every page may ask HasPage
	}
	return r, f.sum(), nil
}

// templatesKey hashes every file under templates/ but the assets, which
// pages only link to.
func (inc *Incremental) templatesKey(root fs.FS) (uint64, error) {
	f := newFingerprint(inc.seed)
	err := fs.WalkDir(root, "templates", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case p == assetsDir:
			return fs.SkipDir
		case d.IsDir():
			return nil
		}
		b, err := fs.ReadFile(root, p)
		f.str(p, string(b))
		return err
	})
	if err != nil {
		return 0, site.Diagnostics{{Pos: site.Pos{Path: "templates"}, Msg: "kan ikke lese malene: " + err.Error()}}
	}
	return f.sum(), nil
}

// dataOf is the site without its articles: what data/ holds.
func dataOf(s *site.Site) reflect.Value {
	d := *s
	d.Articles, d.Pages, d.Tags = nil, nil, nil
	return reflect.ValueOf(d)
}

// keys returns each page's fingerprint.
func (inc *Incremental) keys(s *site.Site, pages []*Page, global uint64) []uint64 {
	meta := make(map[*site.Article]uint64, len(s.Articles)+len(s.Pages))
	var f, all fingerprint
	f.h.SetSeed(inc.seed)
	all.h.SetSeed(inc.seed)
	for _, list := range [][]*site.Article{s.Articles, s.Pages} {
		for _, a := range list {
			f.h.Reset()
			f.articleMeta(a)
			meta[a] = f.sum()
			all.num(meta[a])
		}
	}
	allKey := all.sum()
	tags := map[*site.Tag]uint64{}
	keys := make([]uint64, len(pages))
	for i, p := range pages {
		f.h.Reset()
		f.num(global)
		pageIdentity(&f, p)
		switch {
		case p.Kind == "article" || p.Kind == "page" || p.Kind == "slides":
			a := p.Article
			f.num(meta[a], maphash.Bytes(inc.seed, a.Body), meta[a.Prev], meta[a.Next], uint64(len(p.Related)))
			for _, b := range p.Related {
				f.num(meta[b])
			}
		case p.Kind == "news":
			for _, a := range p.Articles {
				f.num(meta[a])
			}
			if p.Tag != nil {
				if _, ok := tags[p.Tag]; !ok {
					tags[p.Tag] = tagKey(inc.seed, p.Tag)
				}
				f.num(tags[p.Tag])
			}
		default:
			f.num(allKey)
		}
		keys[i] = f.sum()
	}
	return keys
}

// sitemap returns the sitemap, made again only when a page's address or
// date changed. A nil Incremental (a full build) always makes it.
func (inc *Incremental) sitemap(r *renderer, pages []*Page) []byte {
	if inc == nil {
		return r.sitemap(pages)
	}
	var f fingerprint
	f.h.SetSeed(inc.seed)
	f.str(r.site.Settings.BaseURL)
	for _, p := range pages {
		f.str(p.Kind, p.URL)
		f.flag(p.Article != nil)
		f.time(p.lastMod())
	}
	if key := f.sum(); inc.siteMap == nil || key != inc.siteKey {
		inc.siteMap, inc.siteKey = r.sitemap(pages), key
	}
	return inc.siteMap
}

// pageIdentity hashes what pages() sets on a page besides its articles.
func pageIdentity(f *fingerprint, p *Page) {
	f.str(p.Kind, p.Path, p.URL, p.Title, p.Description, p.Nav, p.root)
	for _, c := range p.Crumbs {
		f.str(c.Title, c.URL)
	}
	if p.Pager != nil {
		f.num(uint64(p.Pager.Number), uint64(p.Pager.Total))
		f.str(p.Pager.PrevURL, p.Pager.NextURL)
	}
	for _, c := range p.Charts {
		f.str(c.Spec.ID, c.CSVURL, c.JSONURL)
	}
	f.num(uint64(len(p.Articles)), uint64(len(p.Years)))
	for _, y := range p.Years {
		f.num(uint64(y.Year), uint64(y.Count))
	}
}

// tagKey stands for what a tag's list pages show of the tag itself; the
// articles on each page are hashed with the page.
func tagKey(seed maphash.Seed, t *site.Tag) uint64 {
	f := newFingerprint(seed)
	f.str(t.Name, t.Slug)
	f.num(uint64(len(t.Articles)))
	return f.sum()
}

// renderPages takes each page from the cache when its fingerprint is
// unchanged and renders the others in parallel.
func (inc *Incremental) renderPages(r *renderer, pages []*Page, keys []uint64) ([]output.File, site.Diagnostics) {
	files := make([]output.File, len(pages))
	diags := make([]site.Diagnostics, len(pages))
	fresh := make([]*renderedPage, len(pages))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, p := range pages {
		if old := inc.pages[p.Path]; old != nil && old.key == keys[i] {
			files[i] = output.File{Path: p.Path, Data: old.data}
			p.Body, p.links = old.body, old.links
			fresh[i], diags[i] = old, old.diags
			continue
		}
		g.Go(func() error {
			files[i], diags[i] = r.renderPage(p)
			fresh[i] = &renderedPage{key: keys[i], data: files[i].Data, body: p.Body, links: p.links,
				targets: pageTargets(p, files[i].Data), diags: diags[i]}
			return nil
		})
	}
	_ = g.Wait()
	next := make(map[string]*renderedPage, len(pages))
	inc.stats = Stats{Pages: len(pages)}
	var ds site.Diagnostics
	for i, p := range pages {
		ds = append(ds, diags[i]...)
		if fresh[i] == nil {
			continue
		}
		if fresh[i] != inc.pages[p.Path] {
			inc.stats.Rendered++
		}
		next[p.Path] = fresh[i]
	}
	inc.pages = next
	return files, ds
}

// pageTargets lists, deduplicated, the output paths that the links and
// asset references of a page resolve to, as checkLinks reads them.
func pageTargets(p *Page, data []byte) []string {
	if p.Kind == "404" {
		return nil
	}
	dir := path.Dir(p.Path)
	var out []string
	add := func(link string) {
		if t, ok := resolve(dir, link); ok {
			out = append(out, unique.Make(t).Value()) // pages share most targets
		}
	}
	for _, l := range p.links {
		add(l.rel)
	}
	attrLinks(data, func(v []byte) { add(htmlUnescape(v)) })
	slices.Sort(out)
	return slices.Compact(out)
}

// checkLinks checks again the pages rendered by this build, or all pages
// when the set of output paths changed, against the output paths. Only a
// page with a target that does not exist goes through checkLinks, which
// says where the bad link stands.
func (inc *Incremental) checkLinks(files []output.File, pages []*Page, ds *site.Diagnostics) {
	exists := make(map[string]bool, len(files))
	var pathsKey uint64 // a sum, so the order of files does not matter
	for _, file := range files {
		exists[file.Path] = true
		pathsKey += maphash.String(inc.seed, file.Path)
	}
	all := pathsKey != inc.pathsKey
	inc.pathsKey = pathsKey
	var badFiles []output.File
	var badPages []*Page
	for i, p := range pages {
		e := inc.pages[p.Path]
		if e == nil || e.checked && !all {
			continue
		}
		e.checked = true
		for _, t := range e.targets {
			if !exists[t] {
				e.checked = false
			}
		}
		if !e.checked {
			badFiles, badPages = append(badFiles, files[i]), append(badPages, p)
		}
	}
	for j, p := range badPages {
		*ds = append(*ds, checkLinks(p, badFiles[j].Data, func(t string) bool { return exists[t] }, inc.tmpl)...)
	}
}

// drawn is a closed channel: for the dev server the charts are drawn
// before pages render.
var drawn = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// renderPage renders one page into a buffer of its own, which the
// Incremental keeps.
func (r *renderer) renderPage(p *Page) (output.File, site.Diagnostics) {
	var buf bytes.Buffer
	ds, _ := r.page(p, &buf)
	return output.File{Path: p.Path, Data: buf.Bytes()}, ds
}

// finish adds the feed, the sitemap, the chart data and the assets to the
// pages' files, checks them all (collisions, then links with check) and
// sorts them by path.
func (r *renderer) finish(files []output.File, pages []*Page, ds site.Diagnostics, check func([]output.File, []*Page, *site.Diagnostics)) ([]output.File, error) {
	files = append(files, r.extras(pages)...)
	assets, err := r.assets()
	if err != nil {
		return nil, err
	}
	files = append(files, assets...)
	files = append(files, r.photos.files...)
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	checkCollisions(paths, pages, &ds)
	check(files, pages, &ds)
	if err := ds.Err(); err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}
