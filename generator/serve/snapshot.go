package serve

import (
	"maps"

	"alisnord/generator/output"
)

// snapshot is one successful build as the server serves it. version
// counts the builds that changed what is served. A snapshot is never
// changed once served: the next build makes the next one. It shares the
// map of an earlier snapshot (base) and keeps what the builds since
// changed in a small map of its own (newer), looked at first, so that an
// edit does not copy the 13,000 entries of a large site; once newer holds
// more than an eighth of base, the two are merged into a new base.
type snapshot struct {
	version int
	base    map[string][]byte // output path -> content
	newer   map[string][]byte // likewise, over base
	count   int               // the paths served
}

// file returns the content served at an output path.
func (s *snapshot) file(name string) ([]byte, bool) {
	if data, ok := s.newer[name]; ok {
		return data, true
	}
	data, ok := s.base[name]
	return data, ok
}

// all returns every file served, by output path, in a map of its own.
func (s *snapshot) all() map[string][]byte {
	out := maps.Clone(s.base)
	maps.Copy(out, s.newer)
	return out
}

// next returns the snapshot after a build of files, of which changed
// are new or changed since s; removed says a path of s is gone.
func (s *snapshot) next(files, changed []output.File, removed bool) *snapshot {
	n := &snapshot{version: s.version + 1}
	switch {
	case removed:
		n.base = make(map[string][]byte, len(files))
		changed = files
	case len(s.newer)+len(changed) > len(s.base)/8:
		n.base = s.all()
	default:
		n.base, n.newer = s.base, make(map[string][]byte, len(s.newer)+len(changed))
		maps.Copy(n.newer, s.newer)
	}
	for _, f := range changed {
		if n.newer != nil {
			n.newer[f.Path] = f.Data
		} else {
			n.base[f.Path] = f.Data
		}
	}
	n.count = len(n.base)
	for p := range n.newer {
		if _, ok := n.base[p]; !ok {
			n.count++
		}
	}
	return n
}
