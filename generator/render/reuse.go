package render

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"alisnord/generator/output"
)

// A build into an output folder that already holds a site mostly renders
// the pages the last build rendered, from the same inputs. The engine
// records each page's key (keys.go: the generator, templates, data,
// photos and the page's own sources) and the hash of its bytes in a file
// of the build, pagesRecord; the next build takes a page whose key is the
// one recorded from the files the sink still holds (PreviousFiles), when
// those bytes are still the ones recorded, instead of executing it again.
// Its links are checked again against this build's files, unless the
// build writes the same paths as the last one (the record holds a hash of
// them), in which case they hold as they did.

// pagesRecord is the file of the build that records its pages' keys.
const pagesRecord = ".alisnord-pages"

// recordHeader is the record's first line; a record with another is not
// read, so a change of the format makes the next build render every page.
const recordHeader = "alisnord pages 1"

// PreviousFiles is a sink that holds the files the last build wrote
// (*output.Staging).
type PreviousFiles interface {
	// Previous returns the bytes of file path as the last build left
	// it, if the sink holds it.
	Previous(path string) ([]byte, bool)
}

// recorded is one page of the record: its key and the hash of its bytes.
type recorded struct{ key, sum uint64 }

// reuser takes unchanged pages from the last build and records this
// build's pages for the next.
type reuser struct {
	from      PreviousFiles
	last      map[string]recorded // by path
	lastPaths uint64              // the hash of the last build's paths (pathsKey)
	samePaths bool                // this build writes the same paths
	paths     uint64              // this build's pathsKey
	now       []recorded          // this build's, by page; zero for a page not written
	taken     atomic.Int64
}

// newReuser returns a reuser when the sink holds the last build's files
// and the render knows its generator, else nil: a nil reuser takes and
// records nothing.
func newReuser(sink Sink, opt Options, pages int) *reuser {
	from, ok := sink.(PreviousFiles)
	if !ok || opt.Generator == "" {
		return nil
	}
	u := &reuser{from: from, now: make([]recorded, pages)}
	if data, ok := from.Previous(pagesRecord); ok {
		u.last, u.lastPaths = parseRecord(data)
	}
	return u
}

// setPaths tells the reuser the hash of this build's output paths
// (renderPages's pathsKey) before any page is taken.
func (u *reuser) setPaths(key uint64) {
	if u != nil {
		u.paths, u.samePaths = key, u.last != nil && key == u.lastPaths
	}
}

// take returns the last build's bytes of page i, p, when they may stand
// for this build's: its key is the one recorded, the bytes are the ones recorded, and every
// link and asset it points to exists in this build (which a successful
// last build with the same paths proved).
func (u *reuser) take(p *Page, i int, key uint64, exists func(string) bool) ([]byte, bool) {
	if u == nil {
		return nil, false
	}
	was, ok := u.last[p.Path]
	if !ok || was.key != key {
		return nil, false
	}
	data, ok := u.from.Previous(p.Path)
	if !ok || hashBytes(data) != was.sum {
		return nil, false
	}
	if !u.samePaths {
		for _, t := range pageTargets(p, data) {
			if !exists(t) {
				return nil, false
			}
		}
	}
	u.now[i] = was
	u.taken.Add(1)
	return data, true
}

// note records page i, written with data.
func (u *reuser) note(i int, key uint64, data []byte) {
	if u != nil {
		u.now[i] = recorded{key: key, sum: hashBytes(data)}
	}
}

// record is the record of this build's pages, sorted by path.
func (u *reuser) record(pages []*Page) output.File {
	order := make([]int, 0, len(pages))
	for i := range pages {
		if u.now[i] != (recorded{}) {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(i, j int) int { return strings.Compare(pages[i].Path, pages[j].Path) })
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\npaths %016x\n", recordHeader, u.paths)
	for _, i := range order {
		fmt.Fprintf(&b, "%016x %016x %s\n", u.now[i].key, u.now[i].sum, pages[i].Path)
	}
	return output.File{Path: pagesRecord, Data: b.Bytes()}
}

// parseRecord reads a record: its pages and the hash of its paths. A
// line it cannot read is left out (its page is rendered), and a record
// of another format is empty.
func parseRecord(data []byte) (map[string]recorded, uint64) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	if !sc.Scan() || sc.Text() != recordHeader || !sc.Scan() {
		return nil, 0
	}
	hex, ok := strings.CutPrefix(sc.Text(), "paths ")
	paths, err := strconv.ParseUint(hex, 16, 64)
	if !ok || err != nil {
		return nil, 0
	}
	out := map[string]recorded{}
	for sc.Scan() {
		key, rest, _ := strings.Cut(sc.Text(), " ")
		sum, path, _ := strings.Cut(rest, " ")
		k, err1 := strconv.ParseUint(key, 16, 64)
		s, err2 := strconv.ParseUint(sum, 16, 64)
		if err1 == nil && err2 == nil && path != "" {
			out[path] = recorded{key: k, sum: s}
		}
	}
	return out, paths
}
