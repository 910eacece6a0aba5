package render

import (
	"bytes"
	"fmt"
	"html"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

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

func newLineIndex(a *site.Article) lineIndex {
	starts := []int{0}
	for i, c := range a.Body {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{path: a.Path, first: a.BodyLine, starts: starts}
}

// at returns the position of the byte at offset.
func (ix lineIndex) at(offset int) site.Pos {
	line := sort.Search(len(ix.starts), func(i int) bool { return ix.starts[i] > offset }) - 1
	return site.Pos{Path: ix.path, Line: ix.first + line, Col: offset - ix.starts[line] + 1}
}

// maxNesting is how deep lists and block quotes may nest. goldmark's work
// per line grows with the depth, so a hostile file nested thousands deep
// would take minutes; no real article nests more than a handful.
const maxNesting = 100

// checkNesting finds the first line that opens more than maxNesting lists
// or block quotes, in one pass before goldmark sees the text. A line's
// depth is the list and quote markers it starts with plus its indentation
// in pairs of columns (a nested list item is indented under its parent).
func checkNesting(src []byte, ix lineIndex) site.Diagnostics {
	for i, start := range ix.starts {
		if depth := lineDepth(ix.line(src, i)); depth > maxNesting {
			return site.Diagnostics{{Pos: ix.at(start),
				Msg: fmt.Sprintf("lister eller sitater er nestet %d nivåer dypt; høyst %d er lov", depth, maxNesting)}}
		}
	}
	return nil
}

// line returns line i of src, with its line break.
func (ix lineIndex) line(src []byte, i int) []byte {
	end := len(src)
	if i+1 < len(ix.starts) {
		end = ix.starts[i+1]
	}
	return src[ix.starts[i]:end]
}

// maxReferenceRun is how many link reference definitions ("[navn]:
// adresse") may follow each other without a blank line. goldmark reads the
// rest of a paragraph again after each definition it takes from it, so a
// run of a hundred thousand takes minutes; separated by blank lines, each
// is a paragraph of its own and costs nothing extra.
const maxReferenceRun = 1000

// checkReferenceRuns finds the first run of more than maxReferenceRun
// lines that look like link reference definitions.
func checkReferenceRuns(src []byte, ix lineIndex) site.Diagnostics {
	run, first := 0, 0
	for i, start := range ix.starts {
		if !looksLikeReference(ix.line(src, i)) {
			run = 0
			continue
		}
		if run == 0 {
			first = start
		}
		if run++; run > maxReferenceRun {
			return site.Diagnostics{{Pos: ix.at(first),
				Msg: fmt.Sprintf("over %d lenkedefinisjoner ([navn]: adresse) står etter hverandre; skill dem med tomme linjer", maxReferenceRun)}}
		}
	}
	return nil
}

// looksLikeReference tells whether line starts, after white space, with
// "[" and has "]:" later: a link reference definition, or close to one.
func looksLikeReference(line []byte) bool {
	line = bytes.TrimLeft(line, " \t")
	return len(line) > 0 && line[0] == '[' && bytes.Contains(line, []byte("]:"))
}

// lineDepth counts the container markers ("-", "+", "*", "1." or "1)"
// followed by a space, and ">") a line starts with, plus half its leading
// indentation in columns.
func lineDepth(line []byte) int {
	i, indent := 0, 0
	for ; i < len(line) && (line[i] == ' ' || line[i] == '\t'); i++ {
		indent += 1 + 3*boolInt(line[i] == '\t')
	}
	depth := indent / 2
	for i < len(line) {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		n := markerLen(line[i:])
		if n == 0 {
			break
		}
		depth++
		i += n
	}
	return depth
}

// markerLen is the length of the list or quote marker at the start of b,
// or 0.
func markerLen(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	if b[0] == '>' {
		return 1
	}
	spaceAfter := func(n int) int {
		if n == len(b) || b[n] == ' ' || b[n] == '\t' || b[n] == '\n' || b[n] == '\r' {
			return n
		}
		return 0
	}
	switch b[0] {
	case '-', '+', '*':
		return spaceAfter(1)
	}
	d := 0
	for d < len(b) && d < 9 && b[d] >= '0' && b[d] <= '9' {
		d++
	}
	if d > 0 && d < len(b) && (b[d] == '.' || b[d] == ')') {
		return spaceAfter(d + 1)
	}
	return 0
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// safeSchemes are the URL schemes a link or image in an article may use;
// a link without a scheme (relative, root-relative or a fragment) is safe
// too. Everything else (javascript:, vbscript:, data:, file: …) is refused.
var safeSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true}

// unsafeScheme returns the scheme of a Markdown link destination when it is
// not one of safeSchemes, reading it as a browser would: with backslash
// escapes and character references resolved, surrounding spaces and
// control characters dropped, tabs and newlines removed, in any case.
func unsafeScheme(dest []byte) (string, bool) {
	s := html.UnescapeString(string(util.UnescapePunctuations(dest)))
	s = strings.TrimFunc(s, func(r rune) bool { return r <= ' ' })
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
	colon := strings.IndexByte(s, ':')
	if colon <= 0 || !isScheme(s[:colon]) {
		return "", false
	}
	scheme := strings.ToLower(s[:colon])
	return scheme, !safeSchemes[scheme]
}

// isScheme tells whether s is a URL scheme: a letter, then letters,
// digits, "+", "-" or ".".
func isScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		letter := c >= 'a' && c <= 'z'
		if !letter && (i == 0 || !(s[i] >= '0' && s[i] <= '9' || s[i] == '+' || s[i] == '-' || s[i] == '.')) {
			return false
		}
	}
	return true
}

// nodeOffset is the source offset of a link or image: its first text, or
// the end of the text before it, or else the start of its block.
func nodeOffset(n ast.Node) int {
	if off := firstOffset(n); off >= 0 {
		return off
	}
	if t, ok := n.PreviousSibling().(*ast.Text); ok {
		return t.Segment.Stop
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}
