package serve

import (
	"bytes"
	"strings"

	"alisnord/generator/output"
	"alisnord/generator/pipeline"
	"alisnord/generator/render"
)

// build runs the pipeline after the changes in b and returns every file
// of the site, in no order. The engine remembers its pages, so the files
// it hands over are never changed again and are kept without a copy.
func (s *Server) build(b batch) ([]output.File, pipeline.Result, error) {
	m := render.Collector{Borrow: true}
	res, err := s.builder.Build(pipeline.Changes{All: b.all, Paths: b.paths}, &m)
	if err != nil {
		return nil, res, err // what reached the sink is not a site
	}
	return m.Unsorted(), res, nil
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
func diff(old *snapshot, files []output.File) (changed []output.File, c change, removed bool) {
	added := 0
	for _, f := range files {
		prev, ok := old.file(f.Path)
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
	if removed = old.count+added != len(files); removed {
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
