package render

import (
	"bytes"
	"errors"
	"sort"

	"alisnord/generator/output"
	"alisnord/generator/site"
)

// lastBuild is what the last successful Incremental.Site rendered, kept so
// that Refresh can change it without going over the whole site again.
type lastBuild struct {
	r         *renderer
	pages     []*Page
	files     []output.File // sorted by path
	byArticle map[*site.Article]int
	exists    map[string]bool
}

func (inc *Incremental) keep(r *renderer, pages []*Page, files []output.File) {
	l := &lastBuild{r: r, pages: pages, files: files,
		byArticle: make(map[*site.Article]int, len(pages)), exists: make(map[string]bool, len(files))}
	for i, p := range pages {
		if p.Article != nil && (p.Kind == "article" || p.Kind == "page" || p.Kind == "slides") {
			l.byArticle[p.Article] = i
		}
	}
	for _, f := range files {
		l.exists[f.Path] = true
	}
	inc.last = l
}

// ErrNoLastBuild is returned by Refresh when there is no successful build
// to refresh, or the article is not in it.
var ErrNoLastBuild = errors.New("render: nothing to refresh; render the whole site")

// Refresh renders again the pages of articles of the last rendered site
// whose Markdown body, and nothing else, the caller has changed in place,
// and the feed, which carries the newest bodies. No other page shows a
// body, so the rest of the last build stands. It returns all files of the
// site, as Site does. After an error the next call must be to Site.
func (inc *Incremental) Refresh(changed ...*site.Article) ([]output.File, error) {
	l := inc.last
	inc.last = nil
	if l == nil {
		return nil, ErrNoLastBuild
	}
	for _, a := range changed {
		if !l.r.hasCharts(a) { // a new chart block in a dated article: its view lacks the chart
			return inc.Site(l.r.site, l.r.opt)
		}
	}
	files := append([]output.File(nil), l.files...)
	var ds site.Diagnostics
	for _, a := range changed {
		i, ok := l.byArticle[a]
		if !ok || bytes.Contains(a.Body, []byte("![")) { // a photo may be new: process it in a full render
			return nil, ErrNoLastBuild
		}
		p := l.pages[i]
		p.Description = description(a) // taken from the body when there is no summary
		delete(inc.pages, p.Path)      // the next Site renders it again
		file, d := l.r.renderPage(p)
		ds = append(ds, d...)
		for _, t := range pageTargets(p, file.Data) {
			if !l.exists[t] {
				ds = append(ds, checkLinks(p, file.Data, func(t string) bool { return l.exists[t] }, l.r.tmpl)...)
				break
			}
		}
		replace(files, file)
	}
	if err := ds.Err(); err != nil {
		return nil, err
	}
	for _, f := range l.r.feeds(l.pages) {
		replace(files, f)
	}
	inc.stats = Stats{Pages: len(l.pages), Rendered: len(changed)}
	l.files = files
	inc.last = l
	return files, nil
}

// replace puts f in place of the file with its path in sorted files.
func replace(files []output.File, f output.File) {
	i := sort.Search(len(files), func(i int) bool { return files[i].Path >= f.Path })
	if i < len(files) && files[i].Path == f.Path {
		files[i] = f
	}
}
