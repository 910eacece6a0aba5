package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// linkifyWhenNeeded is goldmark's parser twice: full, with GitHub's
// autolinks of bare URLs and e-mail addresses (extension.Linkify), and
// plain, without them. Linkify is tried at every space of the text (and
// at '*', '_', '~', '('), which splits the text into pieces: a third of
// the time of parsing an article, for links that few articles have. parse
// uses plain where full cannot make an autolink, and full elsewhere; the
// two give the same document there (TestPlainParseSameAsFull, FuzzParse).
// Parse, for callers other than parse, is full.
type linkifyWhenNeeded struct {
	full, plain parser.Parser
}

func (p *linkifyWhenNeeded) Parse(r text.Reader, opts ...parser.ParseOption) ast.Node {
	return p.full.Parse(r, opts...)
}

func (p *linkifyWhenNeeded) AddOptions(opts ...parser.Option) {
	p.full.AddOptions(opts...)
	p.plain.AddOptions(opts...)
}

// parse parses src with md's parser.
func parse(md goldmark.Markdown, src []byte) ast.Node {
	doc, _ := parseChoosing(md, src)
	return doc
}

// parseChoosing is parse, and tells whether it took the full parser. Each
// parse has a context of its own (heading ids count the headings seen).
func parseChoosing(md goldmark.Markdown, src []byte) (doc ast.Node, full bool) {
	with := func(p parser.Parser) ast.Node {
		ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
		return p.Parse(text.NewReader(src), parser.WithContext(ctx))
	}
	two, ok := md.Parser().(*linkifyWhenNeeded)
	if !ok || bytes.IndexByte(src, '@') >= 0 {
		// An address may begin outside a code span and end inside
		// one: only the full parser knows.
		return with(md.Parser()), true
	}
	doc = with(two.plain)
	if !bytes.Contains(src, []byte("://")) && !bytes.Contains(src, []byte("www")) {
		return doc, false
	}
	if autolinkable(doc, src) {
		return with(two.full), true
	}
	return doc, false
}

// autolinkable reports whether plain text of doc holds "://" or "www",
// which every bare URL that Linkify links begins with ("http://",
// "https://", "ftp://", "www."). Linkify looks for them where a piece of
// text starts; parsed without it, the same characters are plain text
// (none of them starts any other inline syntax), so a bare URL leaves
// them in a text node, while a link's or image's destination or an
// <autolink> does not. (The text of a code span or a link is checked
// too: Linkify would not look there, but it costs little to be sure.)
func autolinkable(doc ast.Node, src []byte) bool {
	found := false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering {
			v := t.Segment.Value(src)
			if bytes.Contains(v, []byte("://")) || bytes.Contains(v, []byte("www")) {
				found = true
				return ast.WalkStop, nil
			}
		}
		return ast.WalkContinue, nil
	})
	return found
}
