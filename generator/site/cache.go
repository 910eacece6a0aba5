package site

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"alisnord/generator/diag"
)

// Cache keeps the parsed articles and the folder listings of earlier
// loads, so that the dev server reads and parses again only what changed.
// The caller says what changed with Forget; a file the cache has not seen
// is always read. Data files are decoded on every load: they are few and
// small, and the checks link their entries to each other. A Cache is not
// safe for concurrent use.
type Cache struct {
	articles  map[string]*cachedArticle // by path
	dirs      map[string][]fs.DirEntry  // folder listings, by path
	forgotten map[string]bool           // paths forgotten since the last load
	gen       int                       // the current load, to drop files no longer there
	// walked is what the last walk of content/ found, while every folder
	// listing it read is still the cache's: nil once one is dropped.
	walked []string
	tags   *tagMemo   // the tags of the last load (tagmemo.go)
	loaded int        // the files the last load's walk found, each now in articles
	order  *orderMemo // the news' order at the last load (ordermemo.go)
	slugs  []string   // the last load's slugs, when all differ (ordermemo.go)
}

// cachedArticle is one parsed file and the problems parsing it found. a is
// never handed out: each load gets its own copy, which publish changes.
type cachedArticle struct {
	a   *Article
	ds  diag.Diagnostics
	gen int
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{articles: map[string]*cachedArticle{}, dirs: map[string][]fs.DirEntry{}, forgotten: map[string]bool{}}
}

// Forget drops what the cache knows about path (slash-separated, relative
// to the site root) and, when path is a folder, about everything below it.
func (c *Cache) Forget(path string) {
	c.forgotten[path] = true
	prefix := strings.TrimSuffix(path, "/") + "/"
	delete(c.articles, path)
	for p := range c.articles {
		if strings.HasPrefix(p, prefix) {
			delete(c.articles, p)
		}
	}
	c.dropListing(path)
	for p := range c.dirs {
		if strings.HasPrefix(p, prefix) {
			c.dropListing(p)
		}
	}
}

// dropListing forgets the listing of the folder dir, and with it the
// walk of content/ that read it.
func (c *Cache) dropListing(dir string) {
	if _, ok := c.dirs[dir]; ok {
		delete(c.dirs, dir)
		c.walked = nil
	}
}

// Clear forgets everything, for when the caller has lost track of changes.
func (c *Cache) Clear() {
	clear(c.articles)
	clear(c.dirs)
	clear(c.forgotten)
	c.walked = nil
}

// Len is the number of files the cache holds.
func (c *Cache) Len() int { return len(c.articles) }

// Load is Load through the cache: articles not forgotten since the last
// load are not read or parsed again, and folders whose entries did not
// change are not listed again.
func (c *Cache) Load(fsys fs.FS, opt Options) (*Site, error) {
	return orError(c.LoadAll(fsys, opt))
}

// LoadAll is LoadAll through the cache, as Load is Load.
func (c *Cache) LoadAll(fsys fs.FS, opt Options) (*Site, diag.Diagnostics) {
	c.gen++
	c.checkListings(fsys)
	s, ds := load(cachedFS{fsys, c}, opt, c)
	if len(c.articles) == c.loaded {
		return s, ds // every file held was found again
	}
	for p, e := range c.articles {
		if e.gen != c.gen {
			delete(c.articles, p) // no longer under content/
		}
	}
	return s, ds
}

// checkListings drops the listing of each folder in which a forgotten path
// appeared, disappeared or changed between file and folder. A file edited
// in place leaves its folder's listing as it was.
func (c *Cache) checkListings(fsys fs.FS) {
	for p := range c.forgotten {
		dir, name := path.Split(p)
		dir = strings.TrimSuffix(dir, "/")
		entries, ok := c.dirs[dir]
		if !ok {
			continue
		}
		i := sort.Search(len(entries), func(i int) bool { return entries[i].Name() >= name })
		listed := i < len(entries) && entries[i].Name() == name
		fi, err := fs.Stat(fsys, p)
		exists := err == nil
		if !errors.Is(err, fs.ErrNotExist) && err != nil || listed != exists || listed && entries[i].IsDir() != fi.IsDir() {
			c.dropListing(dir)
		}
	}
	clear(c.forgotten)
}

// cachedFS answers ReadDir from the cache's listings (which the walk of
// content/ uses) and passes everything else through.
type cachedFS struct {
	fs.FS
	c *Cache
}

func (f cachedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if entries, ok := f.c.dirs[name]; ok {
		return entries, nil
	}
	entries, err := fs.ReadDir(f.FS, name)
	if err == nil {
		f.c.dirs[name] = entries
	}
	return entries, err
}

func (f cachedFS) ReadFile(name string) ([]byte, error) { return fs.ReadFile(f.FS, name) }

func (f cachedFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(f.FS, name) }

// cached returns the article parsed earlier from p with the problems
// found then; ok is false when p must be read. It is called for many
// paths at once, each its own entry, while nothing adds to the cache.
func (l *loader) cached(p string) (a *Article, ds diag.Diagnostics, ok bool) {
	if l.cache == nil {
		return nil, nil, false
	}
	e := l.cache.articles[p]
	if e == nil {
		return nil, nil, false
	}
	e.gen = l.cache.gen
	ds = append(diag.Diagnostics(nil), e.ds...)
	if e.a == nil {
		return nil, ds, true
	}
	cp := *e.a
	return &cp, ds, true
}

func (l *loader) remember(p string, a *Article, ds diag.Diagnostics) {
	if l.cache == nil {
		return
	}
	e := &cachedArticle{ds: append(diag.Diagnostics(nil), ds...), gen: l.cache.gen}
	if a != nil {
		cp := *a
		e.a = &cp
	}
	l.cache.articles[p] = e
}

// Article reads and parses the file at p again, as Load would (a path
// the walk of content/ would report gives the walk's diagnostic), and
// remembers the result. The article is not published: Prev, Next, Future
// and Expired are unset. It is nil when the file has problems, which come
// back as Diagnostics.
func (c *Cache) Article(fsys fs.FS, p string) (*Article, error) {
	var ds diag.Diagnostics
	l := loader{fsys: fsys, ds: &ds, cache: c}
	c.Forget(p)
	var a *Article
	if builtByWalk(fsys, p, &ds) {
		a = readArticle(fsys, p, &ds)
	}
	l.remember(p, a, ds)
	if len(ds) > 0 {
		return nil, ds.Err()
	}
	return a, nil
}
