package pipeline

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"

	"alisnord/generator/chart"
	"alisnord/generator/diag"
	"alisnord/generator/output"
	"alisnord/generator/render"
	"alisnord/generator/site"
)

// Config configures a Builder.
type Config struct {
	Root    string       // the site folder: content/, data/ and templates/
	Echarts string       // the ECharts bundle; <Root>/.cache/echarts/echarts.min.js when empty
	Load    site.Options // which articles are shown; Now is each build's clock
	Serve   bool         // the dev server: drafts and future posts are marked, pages remembered
	Links   render.LinkForm
	Cache   CacheUse
	Charts  ChartEngine
}

// ChartEngine says what runs ECharts. Both draw the same bytes; Node.js
// needs about a tenth of goja's CPU time per drawing.
type ChartEngine string

const (
	// AutoEngine is Node.js when a node program is on PATH, else goja.
	AutoEngine ChartEngine = "auto"
	// NodeEngine is Node.js, which must be on PATH.
	NodeEngine ChartEngine = "node"
	// GojaEngine is goja, inside the generator.
	GojaEngine ChartEngine = "goja"
)

// nodeProgram finds the node program the engine asks for: "" for goja.
func nodeProgram(e ChartEngine) (string, error) {
	switch e {
	case "", AutoEngine:
		path, _ := exec.LookPath("node")
		return path, nil
	case NodeEngine:
		path, err := exec.LookPath("node")
		if err != nil {
			return "", errors.New("figurene skal tegnes med Node.js (-charts node), men node finnes ikke på PATH; installer Node.js eller bruk -charts goja")
		}
		return path, nil
	case GojaEngine:
		return "", nil
	}
	return "", fmt.Errorf("ukjent verdi %q for -charts; gyldige verdier: auto, node, goja", string(e))
}

// CacheUse says how a build uses the caches of drawn charts and processed
// photos under <Root>/.cache.
type CacheUse int

const (
	// ReadWrite reads the caches and adds what it draws and processes:
	// the build, the bundle and the dev server.
	ReadWrite CacheUse = iota
	// ReadOnly reads the caches and adds nothing: the check, which must
	// write nothing.
	ReadOnly
	// NoCache draws and processes everything again and keeps nothing.
	NoCache
)

// Builder runs the pipeline. It keeps the parsed articles (site.Cache) and
// the engine between builds; it is not safe for concurrent use.
type Builder struct {
	cfg    Config
	bundle []byte
	node   string          // the node program that draws the charts; goja when empty
	charts *chart.Renderer // made at the first build whose data loads
	cold   bool            // the first build draws every chart (ColdCharts)
	grown  bool            // chartWorkersFor gave the renderer a worker per core
	cache  *site.Cache
	engine *render.Engine
	files  *fileMemo // what the render read, when serving
	// The articles of the last good build by path, and its day (which
	// decides what is a future post), for edits of an article's text only.
	articles map[string]*site.Article
	day      string
	spare    map[string]*site.Article // articles' map, kept to be filled again
}

// New returns a Builder for cfg. It reads the ECharts bundle, so that a
// missing bundle is reported before anything else.
func New(cfg Config) (*Builder, error) {
	b := &Builder{cfg: cfg, cache: site.NewCache(), engine: render.NewEngine(render.Forget)}
	if cfg.Serve {
		b.engine = render.NewEngine(render.Remember)
		b.files = newFileMemo(cfg.Root)
	}
	if cfg.Echarts == "" {
		cfg.Echarts = filepath.Join(cfg.Root, ".cache", "echarts", "echarts.min.js")
	}
	bundle, err := chart.LoadBundle(cfg.Echarts)
	if err != nil {
		return nil, err
	}
	b.bundle = bundle
	if b.node, err = nodeProgram(cfg.Charts); err != nil {
		return nil, err
	}
	if cfg.Charts == NodeEngine {
		// Asked for by name: one message now rather than one per chart.
		if err := chart.CheckNode(b.node, bundle); err != nil {
			return nil, fmt.Errorf("figurene skal tegnes med Node.js (-charts node), men %s kan ikke tegne dem: %v", b.node, err)
		}
	}
	if cfg.Cache == ReadWrite && !cfg.Serve {
		go generatorID() // read (or, without a build ID, hashed) while the site loads
	}
	if b.cold = b.coldCharts(); b.cold {
		if _, err := b.chartRenderer(); err != nil {
			return nil, err
		}
		b.charts.Prestart() // while the site loads
	}
	return b, nil
}

// ColdCharts reports whether the builder's first build draws every chart:
// New found the chart cache unused or empty. Such a build runs its chart
// workers (Node.js processes) beside the generator from the start.
func (b *Builder) ColdCharts() bool { return b.cold }

// coldCharts reports whether the first build will draw every chart: the
// chart cache is not used, or holds nothing.
func (b *Builder) coldCharts() bool {
	if b.cfg.Cache == NoCache {
		return true
	}
	entries, err := os.ReadDir(b.cachePath("charts"))
	return err != nil || len(entries) == 0
}

// Changes says what changed since the last build: the zero value, for a
// first build, means everything.
type Changes struct {
	All   bool     // anything may have changed
	Paths []string // site-relative paths of the files that changed
}

// Result is what a build did.
type Result struct {
	Site  *site.Site   // the site built, for its warnings and calendar; nil on the quick path
	Stats render.Stats // pages in the site and pages rendered
	Quick bool         // only the bodies of articles changed, and only their pages were rendered
}

// Build loads the site after the changes and renders it into sink. When
// the input has problems, the site is still rendered, to nowhere, so that
// one run reports the problems of every stage; what follows from a file
// with problems is left out. The error is diag.Diagnostics for problems
// in the input.
func (b *Builder) Build(ch Changes, sink render.Sink) (Result, error) {
	now := time.Now()
	if b.files != nil {
		b.files.forget(ch)
	}
	if res, ok, err := b.quick(ch, now, sink); ok {
		return res, err
	}
	b.articles = nil
	if ch.All || len(ch.Paths) == 0 {
		b.cache.Clear()
	}
	for _, p := range ch.Paths {
		b.cache.Forget(p)
	}
	opt := b.cfg.Load
	opt.Now = now
	s, loadDiags := b.load(opt)
	ropt := b.renderOptions()
	if len(loadDiags) > 0 {
		return Result{Site: s}, b.allProblems(s, ropt, loadDiags)
	}
	charts, err := b.chartRenderer()
	if err != nil {
		return Result{Site: s}, err
	}
	b.chartWorkersFor(s)
	ropt.Charts = charts
	if b.cfg.Cache == ReadWrite {
		ropt.Photos = output.NewCache(b.cachePath("photos"))
		// A sink that holds the last build's output gives back the pages
		// whose inputs did not change, and the build records its own; the
		// dev server keeps its pages in memory instead.
		if !b.cfg.Serve {
			ropt.Generator = b.generator()
		}
	}
	if err := b.engine.Render(s, ropt, sink); err != nil {
		return Result{Site: s}, err
	}
	b.remember(s, now)
	return Result{Site: s, Stats: b.engine.Stats()}, nil
}

// smallSite is the number of articles and pages below which a build
// draws its charts on every core: its pages take so little time that the
// cores would wait for one Node.js process to draw.
const smallSite = 1000

// chartWorkersFor lets a small site's charts be drawn by one Node.js
// process per core instead of one per two (chartRenderer), starting the
// new ones at once when the builder's first build draws every chart. On
// a large site one process leaves the other cores to the pages, and each
// process started costs CPU time before it draws.
func (b *Builder) chartWorkersFor(s *site.Site) {
	if b.grown || b.node == "" || len(s.Articles)+len(s.Pages) >= smallSite {
		return
	}
	b.grown = true
	b.charts.Grow(runtime.GOMAXPROCS(0))
	if b.cold {
		b.charts.Prestart()
	}
}

// load reads the whole site. The dev server keeps what it parsed for the
// next build (site.Cache); a build, check or bundle loads once, and keeps
// no copy of every article.
func (b *Builder) load(opt site.Options) (*site.Site, diag.Diagnostics) {
	if !b.cfg.Serve {
		return site.LoadAll(os.DirFS(b.cfg.Root), opt)
	}
	return b.cache.LoadAll(os.DirFS(b.cfg.Root), opt)
}

// renderOptions are the options of every render of this builder; a site
// with problems reads the photo cache but adds nothing to it.
func (b *Builder) renderOptions() render.Options {
	opt := render.Options{Root: os.DirFS(b.cfg.Root), Serve: b.cfg.Serve, Links: b.cfg.Links}
	if b.files != nil {
		opt.Root = b.files.fsys()
	}
	if b.cfg.Cache != NoCache {
		opt.Photos = output.NewCache(b.cachePath("photos")).ReadOnly()
	}
	return opt
}

func (b *Builder) cachePath(name string) string { return filepath.Join(b.cfg.Root, ".cache", name) }

// chartRenderer compiles the ECharts bundle once for the builder's life;
// drawn charts are kept between builds in <Root>/.cache/charts, keyed by
// their option: an unchanged chart is not drawn again. The store keeps
// what the last build used and no more; a check reads it and adds nothing.
func (b *Builder) chartRenderer() (render.ChartRenderer, error) {
	if b.charts == nil {
		// Node.js draws a chart while the pages render: one process per
		// two cores leaves the others to the pages, and each process
		// started costs a tenth of a second of CPU time before it draws.
		workers := 0
		if b.node != "" {
			workers = max(1, runtime.GOMAXPROCS(0)/2)
		}
		r, err := chart.NewRenderer(b.bundle, workers)
		if err != nil {
			return nil, err
		}
		b.charts = r
		if b.node != "" {
			r.UseNode(b.node, b.cfg.Charts != NodeEngine)
		}
		store := output.NewCache(b.cachePath("charts"))
		switch b.cfg.Cache {
		case ReadWrite:
			b.charts.UseStore(store)
		case ReadOnly:
			b.charts.UseReadOnlyStore(store)
		}
	}
	return b.charts, nil
}

// ChartWarning says, in Norwegian, that Node.js was given up for goja
// (-charts auto), and why; "" when it was not.
func (b *Builder) ChartWarning() string {
	if b.charts == nil {
		return ""
	}
	if err := b.charts.NodeGivenUp(); err != nil {
		return fmt.Sprintf("advarsel: figurene ble tegnet med goja, fordi Node.js ikke kunne brukes (%v); de blir like, men tar lengre tid", err)
	}
	return ""
}

// Close ends the workers that draw the charts (Node.js processes, which
// are waited for, so that their CPU time is the command's); the builder
// stays usable and starts them again when it next draws.
func (b *Builder) Close() {
	if b.charts != nil {
		b.charts.Close()
	}
}

// allProblems adds to the loader's problems those the render finds in
// what did load, leaving out what may follow from the files with problems.
// The charts of a site with bad data would only fail as a consequence;
// they are drawn once the data loads.
func (b *Builder) allProblems(s *site.Site, opt render.Options, ds diag.Diagnostics) error {
	opt.Suspect = map[string]bool{}
	for _, d := range ds {
		opt.Suspect[d.Path] = true
	}
	var rendered diag.Diagnostics
	if errors.As(render.NewEngine(render.Forget).Render(s, opt, render.Discard), &rendered) {
		ds = append(ds, rendered...)
	}
	return ds.Err()
}
