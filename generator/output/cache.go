package output

import (
	"os"
	"path/filepath"
	"regexp"
)

// Cache is a folder of files kept from build to build, such as drawn
// charts (.cache/charts): Get reads one by key, Put writes one whole or not
// at all. Keys are hex hashes; anything else is refused.
type Cache struct{ dir string }

// NewCache returns the cache in dir; the folder is made on the first Put.
func NewCache(dir string) *Cache { return &Cache{dir: dir} }

var cacheKey = regexp.MustCompile(`^[0-9a-f]{16,128}$`)

// Get returns the file stored under key, if there is one.
func (c *Cache) Get(key string) ([]byte, bool) {
	if !cacheKey.MatchString(key) {
		return nil, false
	}
	b, err := os.ReadFile(filepath.Join(c.dir, key))
	return b, err == nil
}

// Put stores data under key. A cache is a shortcut, so failures are
// ignored: the next build does the work again.
func (c *Cache) Put(key string, data []byte) {
	if !cacheKey.MatchString(key) || os.MkdirAll(c.dir, 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(c.dir, ".put-")
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), filepath.Join(c.dir, key)) != nil {
		os.Remove(tmp.Name())
	}
}

// Prune deletes every entry not in keep, so the cache holds what the last
// build used and no more: each data edit would otherwise leave its charts
// behind for ever. Only files named like keys are touched; anything else
// in the folder is not the cache's and stays.
func (c *Cache) Prune(keep map[string]bool) {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if name := e.Name(); e.Type().IsRegular() && cacheKey.MatchString(name) && !keep[name] {
			os.Remove(filepath.Join(c.dir, name))
		}
	}
}

// ReadOnly returns the cache as a store that reads entries but never adds
// one, for a run that must write nothing, such as a check.
func (c *Cache) ReadOnly() ReadOnlyCache { return ReadOnlyCache{c} }

// ReadOnlyCache is a Cache that ignores Put.
type ReadOnlyCache struct{ c *Cache }

// Get returns the file stored under key, if there is one.
func (r ReadOnlyCache) Get(key string) ([]byte, bool) { return r.c.Get(key) }

// Put does nothing.
func (ReadOnlyCache) Put(string, []byte) {}
