package markdown

import (
	"bytes"
	"fmt"
	"sort"
	"sync"

	"alisnord/generator/diag"
	"alisnord/generator/site"
)

// lineIndex turns byte offsets of an article body into file positions by
// binary search over the offsets where lines start, so positioning every
// link of a long article costs a logarithm each, not a pass over the text.
type lineIndex struct {
	path   string
	first  int   // line of the file where the body starts
	starts []int // offset of each line's first byte
}

var lineIndexes = sync.Pool{New: func() any { return new(lineIndex) }}

// release returns ix to the pool; positions taken from it stay valid.
func (ix *lineIndex) release() {
	ix.starts = ix.starts[:0]
	lineIndexes.Put(ix)
}

// at returns the position of the byte at offset.
func (ix *lineIndex) at(offset int) diag.Pos {
	line := sort.Search(len(ix.starts), func(i int) bool { return ix.starts[i] > offset }) - 1
	return diag.Pos{Path: ix.path, Line: ix.first + line, Col: offset - ix.starts[line] + 1}
}

// scan reads a's body once before goldmark sees it: it indexes where each
// line starts and finds the first line that nests lists or quotes deeper
// than maxNesting and the first run of more than maxReferenceRun link
// reference definitions, which goldmark would take minutes over. The
// caller releases the index.
func scan(a *site.Article) (*lineIndex, diag.Diagnostics) {
	ix := lineIndexes.Get().(*lineIndex)
	ix.path, ix.first = a.Path, a.BodyLine
	var deep, refs diag.Diagnostics
	run, runStart := 0, 0
	for start := 0; ; {
		ix.starts = append(ix.starts, start)
		nl := bytes.IndexByte(a.Body[start:], '\n')
		end := len(a.Body)
		if nl >= 0 {
			end = start + nl + 1
		}
		line := a.Body[start:end]
		if depth := lineDepth(line); depth > maxNesting && deep == nil {
			deep = diag.Diagnostics{{Pos: ix.at(start),
				Msg: fmt.Sprintf("lister eller sitater er nestet %d nivåer dypt; høyst %d er lov", depth, maxNesting)}}
		}
		if !looksLikeReference(line) {
			run = 0
		} else if run++; run == 1 {
			runStart = start
		} else if run == maxReferenceRun+1 && refs == nil {
			refs = diag.Diagnostics{{Pos: ix.at(runStart),
				Msg: fmt.Sprintf("over %d lenkedefinisjoner ([navn]: adresse) står etter hverandre; skill dem med tomme linjer", maxReferenceRun)}}
		}
		if nl < 0 {
			break
		}
		start = end
	}
	return ix, append(deep, refs...)
}
