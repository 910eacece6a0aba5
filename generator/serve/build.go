package serve

import (
	"bytes"
	"errors"
	"io/fs"
	"strings"
	"time"

	"alisnord/generator/output"
	"alisnord/generator/render"
	"alisnord/generator/site"
)

// builder runs the pipeline for the dev server, keeping between builds the
// parsed articles (site.Cache), the rendered pages (render.Incremental) and
// the chart renderer with its compiled ECharts bundle and SVG cache.
type builder struct {
	fsys   fs.FS
	opt    site.Options
	charts render.ChartRenderer
	cache  *site.Cache
	photos render.PhotoStore // processed photos kept between builds; nil in tests
	inc    *render.Incremental

	// The articles of the last good build by path, and its day (which
	// decides what is a future post), for edits of an article's text only.
	articles map[string]*site.Article
	day      string
	quickly  bool     // the last build took the quick path
	calendar []string // the publishing calendar of the last full build
}

func newBuilder(fsys fs.FS, expired bool, charts render.ChartRenderer) *builder {
	return &builder{
		fsys:   fsys,
		opt:    site.Options{Drafts: true, Future: true, Expired: expired},
		charts: charts,
		cache:  site.NewCache(),
		inc:    render.NewIncremental(),
	}
}

// build loads and renders the site after the changes in b.
func (bl *builder) build(b batch) ([]output.File, error) {
	now := time.Now()
	files, ok, err := bl.quick(b, now)
	if bl.quickly = ok; ok {
		return files, err
	}
	bl.articles = nil
	if b.all {
		bl.cache.Clear()
	}
	for _, p := range b.paths {
		bl.cache.Forget(p)
	}
	opt := bl.opt
	opt.Now = now
	s, err := bl.cache.Load(bl.fsys, opt)
	if err != nil {
		return nil, err
	}
	files, err = bl.inc.Site(s, render.Options{Root: bl.fsys, Charts: bl.charts, Serve: true, Photos: bl.photos})
	if err == nil {
		bl.calendar = s.CalendarLines()
		bl.articles, bl.day = map[string]*site.Article{}, now.Format(time.DateOnly)
		for _, a := range append(append([]*site.Article{}, s.Articles...), s.Pages...) {
			bl.articles[a.Path] = a
		}
	}
	return files, err
}

// quick handles the commonest edit without going over the whole site: the
// text of articles, and nothing else of them, changed since the last good
// build. It puts the new bodies into that build's model and lets the
// renderer refresh their pages and the feed. ok is false when the batch is
// anything else; then the whole pipeline runs.
func (bl *builder) quick(b batch, now time.Time) (files []output.File, ok bool, err error) {
	if bl.articles == nil || b.all || len(b.paths) == 0 || now.Format(time.DateOnly) != bl.day {
		return nil, false, nil
	}
	olds := make([]*site.Article, len(b.paths))
	news := make([]*site.Article, len(b.paths))
	for i, p := range b.paths {
		if olds[i] = bl.articles[p]; olds[i] == nil {
			return nil, false, nil
		}
		if news[i], err = bl.cache.Article(bl.fsys, p); err != nil || !site.SameMeta(news[i], olds[i]) {
			return nil, false, nil
		}
		// Photos are found, processed and listed by the whole pipeline:
		// a body that shows or showed one takes it.
		if bytes.Contains(news[i].Body, []byte("![")) || bytes.Contains(olds[i].Body, []byte("![")) {
			return nil, false, nil
		}
	}
	for i, a := range olds {
		a.Body, a.BodyLine = news[i].Body, news[i].BodyLine
	}
	files, err = bl.inc.Refresh(olds...)
	if errors.Is(err, render.ErrNoLastBuild) {
		bl.articles = nil
		return nil, false, nil // a page Refresh does not know: the whole pipeline runs
	}
	if err != nil {
		bl.articles = nil
	}
	return files, true, err
}

// change is what a new build means for the browsers.
type change int

const (
	unchanged change = iota
	stylesOnly
	pagesChanged
)

// diff returns the files that are new or changed since the served
// snapshot, what that means for the browsers, and whether a path of the
// snapshot is gone. Pages taken from the renderer's cache share their bytes
// with the snapshot, so most comparisons stop at the first byte's address.
func diff(old map[string][]byte, files []output.File) (changed []output.File, c change, removed bool) {
	added := 0
	for _, f := range files {
		prev, ok := old[f.Path]
		if ok && sameBytes(prev, f.Data) {
			continue
		}
		changed = append(changed, f)
		if !ok {
			added++
		}
		if !ok || !strings.HasSuffix(f.Path, ".css") {
			c = pagesChanged
		}
		c = max(c, stylesOnly)
	}
	if removed = len(old)+added != len(files); removed {
		c = pagesChanged
	}
	return changed, c, removed
}

func sameBytes(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	return len(a) == 0 || &a[0] == &b[0] || bytes.Equal(a, b)
}
