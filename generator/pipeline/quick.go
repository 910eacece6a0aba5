package pipeline

import (
	"errors"
	"os"
	"time"

	"alisnord/generator/render"
	"alisnord/generator/site"
)

// remember keeps, after a good build of a builder that serves, the
// articles by path and the day, for the quick path.
func (b *Builder) remember(s *site.Site, now time.Time) {
	if !b.cfg.Serve {
		return
	}
	if b.spare == nil {
		b.spare = make(map[string]*site.Article, len(s.Articles)+len(s.Pages))
	}
	clear(b.spare)
	b.articles, b.day = b.spare, now.Format(time.DateOnly)
	for _, list := range [][]*site.Article{s.Articles, s.Pages} {
		for _, a := range list {
			b.articles[a.Path] = a
		}
	}
}

// quick handles the commonest edit without loading the whole site again:
// the text of articles, and nothing else of them (site.SameMeta), changed
// since the last good build on the same day. It puts the new bodies into
// that build's model and has the engine refresh their pages and the feed.
// ok is false when the change is anything else, or the engine cannot
// refresh it: then the whole pipeline runs.
func (b *Builder) quick(ch Changes, now time.Time, sink render.Sink) (res Result, ok bool, err error) {
	if b.articles == nil || ch.All || len(ch.Paths) == 0 || now.Format(time.DateOnly) != b.day {
		return Result{}, false, nil
	}
	fsys := os.DirFS(b.cfg.Root)
	olds := make([]*site.Article, len(ch.Paths))
	bodies := make([][]byte, len(ch.Paths))
	for i, p := range ch.Paths {
		if olds[i] = b.articles[p]; olds[i] == nil {
			return Result{}, false, nil
		}
		a, err := b.cache.Article(fsys, p)
		if err != nil || !site.SameMeta(a, olds[i]) {
			return Result{}, false, nil
		}
		bodies[i] = a.Body
	}
	if !b.engine.CanRefresh(olds, bodies) {
		return Result{}, false, nil
	}
	for i, a := range olds {
		a.Body = bodies[i]
	}
	err = b.engine.Refresh(sink, olds...)
	if errors.Is(err, render.ErrNoLastBuild) {
		b.articles = nil
		return Result{}, false, nil
	}
	if err != nil {
		b.articles = nil
	}
	return Result{Stats: b.engine.Stats(), Quick: true}, true, err
}
