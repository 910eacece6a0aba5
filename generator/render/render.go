// Package render turns the checked site model into the files of the public
// site, in memory: HTML pages from html/template, Markdown through goldmark,
// charts as inline SVG, the Atom feed, the sitemap and the static assets.
package render

import (
	"bytes"
	"fmt"
	"io/fs"
	"runtime"
	"sort"

	"github.com/yuin/goldmark"
	"golang.org/x/sync/errgroup"

	"alisnord/generator/output"
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
}

type renderer struct {
	site    *site.Site
	opt     Options
	md      goldmark.Markdown
	slides  goldmark.Markdown // md with slide and notes markers, for decks
	tmpl    *templates
	figures map[string]string
	charts  map[string]*chartData
	memo    *Incremental // the dev server's caches; nil in a full build
}

// Site renders every file of the public site. Problems in templates, in
// Markdown (unknown figures or charts) and two pages claiming one path come
// back as site.Diagnostics.
func Site(s *site.Site, opt Options) ([]output.File, error) {
	tmpl, err := parseTemplates(opt.Root)
	if err != nil {
		return nil, err
	}
	r := &renderer{site: s, opt: opt, md: newMarkdown(), slides: newSlidesMarkdown(), tmpl: tmpl, figures: figures(s)}
	if r.charts, err = r.buildCharts(); err != nil {
		return nil, err
	}
	pages := r.pages()
	files := make([]output.File, len(pages))
	diags := make([]site.Diagnostics, len(pages))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, p := range pages {
		g.Go(func() error {
			files[i], diags[i] = r.page(p)
			return nil
		})
	}
	_ = g.Wait()
	var ds site.Diagnostics
	for _, d := range diags {
		ds = append(ds, d...)
	}
	return r.finish(files, pages, ds, checkLinks)
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
	checkCollisions(files, pages, &ds)
	if len(ds) == 0 {
		check(files, pages, &ds)
	}
	if err := ds.Err(); err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// page renders one page: its Markdown body, then its template.
func (r *renderer) page(p *Page) (output.File, site.Diagnostics) {
	if p.Article != nil {
		md := r.md
		if p.Kind == "slides" {
			md = r.slides
		}
		body, links, ds := convert(md, p.Article, mdEnv{figures: r.figures, chart: r.chartHTML(p), rel: p.relLink})
		if len(ds) > 0 {
			return output.File{}, ds
		}
		p.Body, p.links = body, links
		if p.Kind == "slides" {
			p.Slides = splitSlides(body)
		}
	}
	var buf bytes.Buffer
	if err := r.tmpl.execute(&buf, p); err != nil {
		return output.File{}, site.Diagnostics{templateDiag(err, r.tmpl)}
	}
	return output.File{Path: p.Path, Data: buf.Bytes()}, nil
}

func checkCollisions(files []output.File, pages []*Page, ds *site.Diagnostics) {
	seen := map[string]int{}
	for i, f := range files {
		if f.Path == "" {
			continue
		}
		if j, dup := seen[f.Path]; dup {
			ds.Add(site.Pos{Path: source(files, pages, i)}, "to sider skrives til %s (også %s)", f.Path, source(files, pages, j))
			continue
		}
		seen[f.Path] = i
	}
}

// source names the input behind output file i, for collision messages.
func source(files []output.File, pages []*Page, i int) string {
	if i < len(pages) && pages[i].Article != nil {
		return pages[i].Article.Path
	}
	return fmt.Sprintf("generert side %s", files[i].Path)
}
