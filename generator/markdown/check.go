package markdown

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// maxNesting is how deep lists and block quotes may nest. goldmark's work
// per line grows with the depth, so a hostile file nested thousands deep
// would take minutes; no real article nests more than a handful.
const maxNesting = 100

// maxReferenceRun is how many link reference definitions ("[navn]:
// adresse") may follow each other without a blank line. goldmark reads the
// rest of a paragraph again after each definition it takes from it, so a
// run of a hundred thousand takes minutes; separated by blank lines, each
// is a paragraph of its own and costs nothing extra.
const maxReferenceRun = 1000

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

// firstOffset finds the source offset of a node's first text, or -1.
func firstOffset(n ast.Node) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	return -1
}
