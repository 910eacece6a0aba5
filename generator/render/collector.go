package render

import (
	"bytes"
	"sort"
	"sync"

	"alisnord/generator/output"
)

// Collector is a Sink that keeps every file in memory: for the offline
// bundle, the dev server and tests. It copies each file's bytes, as it
// must for an engine that Forgets (its buffers are reused after Write),
// unless Borrow is set: an engine that Remembers hands over bytes that
// never change, and the dev server keeps them without a copy.
type Collector struct {
	Borrow bool
	mu     sync.Mutex
	files  []output.File
}

func (c *Collector) Prepare(paths []string) error {
	c.files = make([]output.File, 0, len(paths))
	return nil
}

func (c *Collector) Write(f output.File) error {
	if !c.Borrow {
		f.Data = bytes.Clone(f.Data)
	}
	c.mu.Lock()
	c.files = append(c.files, f)
	c.mu.Unlock()
	return nil
}

// Files returns the files written, sorted by path.
func (c *Collector) Files() []output.File {
	sort.Slice(c.files, func(i, j int) bool { return c.files[i].Path < c.files[j].Path })
	return c.files
}

// Unsorted returns the files written in the order they came, for a
// caller that looks them up by path, as the dev server does: sorting
// 13,000 paths after every edit would be wasted.
func (c *Collector) Unsorted() []output.File { return c.files }
