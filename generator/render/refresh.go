package render

import (
	"bytes"
	"errors"
	"sort"

	"alisnord/generator/diag"
	"alisnord/generator/output"
	"alisnord/generator/site"
)

// lastBuild is what the last successful Render of a remembering engine
// wrote, kept so that Refresh can change it without going over the whole
// site again.
type lastBuild struct {
	r         *renderer
	pages     []*Page
	files     []output.File // sorted by path
	byArticle map[*site.Article]int
	exists    map[string]bool
}

func (e *Engine) keep(r *renderer, pages []*Page, files []output.File) {
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	l := &lastBuild{r: r, pages: pages, files: files,
		byArticle: make(map[*site.Article]int, len(pages)), exists: make(map[string]bool, len(files))}
	for i, p := range pages {
		if p.Article != nil && p.Kind.ShowsArticle() {
			l.byArticle[p.Article] = i
		}
	}
	for _, f := range files {
		l.exists[f.Path] = true
	}
	e.last = l
}

// ErrNoLastBuild is returned by Refresh when there is no successful build
// to refresh, or the change is more than the bodies of articles it
// rendered: then the caller renders the whole site again.
var ErrNoLastBuild = errors.New("render: nothing to refresh; render the whole site")

// CanRefresh tells whether Refresh can take an edit of the bodies of the
// given articles of the last build, and nothing else of them: each has a
// page of its own, shows no photo (a photo may be new, and photos are
// processed by a whole render) and no chart its figures' view lacks.
// news are the new bodies.
func (e *Engine) CanRefresh(olds []*site.Article, news [][]byte) bool {
	l := e.last
	if l == nil {
		return false
	}
	for i, a := range olds {
		if _, ok := l.byArticle[a]; !ok || bytes.Contains(a.Body, []byte("![")) || bytes.Contains(news[i], []byte("![")) {
			return false
		}
		if !l.r.hasCharts(a, news[i]) { // a new chart block in a dated article: its view lacks the chart
			return false
		}
	}
	return true
}

// Refresh renders again the pages of articles of the last build whose
// Markdown body, and nothing else, the caller has changed in place, and
// the feed, which carries the newest bodies. No other page shows a body,
// so the rest of the last build stands; every file of the site goes to the
// sink, as Render sends it. The caller asks CanRefresh first. After an
// error the next call must be to Render.
func (e *Engine) Refresh(sink Sink, changed ...*site.Article) error {
	l := e.last
	e.last = nil
	if l == nil {
		return ErrNoLastBuild
	}
	files := append([]output.File(nil), l.files...)
	var ds diag.Diagnostics
	for _, a := range changed {
		i, ok := l.byArticle[a]
		if !ok {
			return ErrNoLastBuild
		}
		p := l.pages[i]
		p.Description = description(a) // taken from the body when there is no summary
		delete(e.pages, p.Path)        // the next Render renders it again
		file, d := l.r.renderPage(p)
		ds = append(ds, d...)
		for _, t := range pageTargets(p, file.Data) {
			if !l.exists[t] {
				ds = append(ds, checkLinks(p, file.Data, func(t string) bool { return l.exists[t] }, l.r.tmpl, nil, nil)...)
				break
			}
		}
		replace(files, file)
	}
	if err := ds.Err(); err != nil {
		return err
	}
	for _, f := range l.r.feeds(l.pages) {
		replace(files, f)
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	if err := sink.Prepare(paths); err != nil {
		return err
	}
	for _, f := range files {
		if err := sink.Write(f); err != nil {
			return err
		}
	}
	e.stats = Stats{Pages: len(l.pages), Rendered: len(changed)}
	l.files = files
	e.last = l
	return nil
}

// replace puts f in place of the file with its path in sorted files.
func replace(files []output.File, f output.File) {
	i := sort.Search(len(files), func(i int) bool { return files[i].Path >= f.Path })
	if i < len(files) && files[i].Path == f.Path {
		files[i] = f
	}
}
