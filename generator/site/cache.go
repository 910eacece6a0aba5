package site

import (
	"io/fs"
	"strings"
)

// Cache keeps the parsed articles of earlier loads, so that the dev server
// parses again only the files that changed. The caller says what changed
// with Forget; a file the cache has not seen is always read. Data files
// are decoded on every load: they are few and small, and the checks link
// their entries to each other. A Cache is not safe for concurrent use.
type Cache struct {
	articles map[string]*cachedArticle // by path
	gen      int                       // the current load, to drop files no longer there
}

// cachedArticle is one parsed file and the problems parsing it found. a is
// never handed out: each load gets its own copy, which publish changes.
type cachedArticle struct {
	a   *Article
	ds  Diagnostics
	gen int
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{articles: map[string]*cachedArticle{}} }

// Forget drops what the cache knows about path (slash-separated, relative
// to the site root) and, when path is a folder, about every file below it.
func (c *Cache) Forget(path string) {
	delete(c.articles, path)
	prefix := strings.TrimSuffix(path, "/") + "/"
	for p := range c.articles {
		if strings.HasPrefix(p, prefix) {
			delete(c.articles, p)
		}
	}
}

// Clear forgets everything, for when the caller has lost track of changes.
func (c *Cache) Clear() { clear(c.articles) }

// Len is the number of files the cache holds.
func (c *Cache) Len() int { return len(c.articles) }

// Load is Load through the cache: articles not forgotten since the last
// load are not read or parsed again.
func (c *Cache) Load(fsys fs.FS, opt Options) (*Site, error) {
	c.gen++
	s, err := load(fsys, opt, c)
	for p, e := range c.articles {
		if e.gen != c.gen {
			delete(c.articles, p) // no longer under content/
		}
	}
	return s, err
}

// cached returns the article parsed earlier from p, adding the problems
// found then; ok is false when p must be read.
func (l *loader) cached(p string) (a *Article, ok bool) {
	if l.cache == nil {
		return nil, false
	}
	e := l.cache.articles[p]
	if e == nil {
		return nil, false
	}
	e.gen = l.cache.gen
	*l.ds = append(*l.ds, e.ds...)
	if e.a == nil {
		return nil, true
	}
	cp := *e.a
	return &cp, true
}

// remember stores what parsing p gave: the article (nil when it could not
// be parsed) and its problems.
func (l *loader) remember(p string, a *Article, ds Diagnostics) {
	if l.cache == nil {
		return
	}
	e := &cachedArticle{ds: append(Diagnostics(nil), ds...), gen: l.cache.gen}
	if a != nil {
		cp := *a
		e.a = &cp
	}
	l.cache.articles[p] = e
}
