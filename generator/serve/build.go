package serve

import (
	"bytes"
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
	inc    *render.Incremental
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
	if b.all {
		bl.cache.Clear()
	}
	for _, p := range b.paths {
		bl.cache.Forget(p)
	}
	opt := bl.opt
	opt.Now = time.Now()
	s, err := bl.cache.Load(bl.fsys, opt)
	if err != nil {
		return nil, err
	}
	return bl.inc.Site(s, render.Options{Root: bl.fsys, Charts: bl.charts, Serve: true})
}

// change is what a new build means for the browsers.
type change int

const (
	unchanged change = iota
	stylesOnly
	pagesChanged
)

// compare tells how files differ from the served snapshot. Pages taken from
// the renderer's cache share their bytes with the old snapshot, so most
// comparisons stop at the first byte's address.
func compare(old map[string][]byte, files []output.File) change {
	if len(old) != len(files) {
		return pagesChanged
	}
	c := unchanged
	for _, f := range files {
		prev, ok := old[f.Path]
		if ok && sameBytes(prev, f.Data) {
			continue
		}
		if !ok || !strings.HasSuffix(f.Path, ".css") {
			return pagesChanged
		}
		c = max(c, stylesOnly)
	}
	return c
}

func sameBytes(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	return len(a) == 0 || &a[0] == &b[0] || bytes.Equal(a, b)
}
