package markdown

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	gmrenderer "github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A data-bound figure in running text: {{< tall soknader >}} prints the
// number the data holds for that key, formatted the Norwegian way.

var kindFigure = ast.NewNodeKind("Figure")

type figureNode struct {
	ast.BaseInline
	key     string
	offset  int
	problem string // set when the shortcode is malformed: what to write instead
	value   string // filled per page by convert
}

func (n *figureNode) Kind() ast.NodeKind { return kindFigure }
func (n *figureNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"key": n.key}, nil)
}

// figureForm is how a figure is written, for messages about a wrong one.
const figureForm = "{{< tall NØKKEL >}}"

// figureParser reads {{< tall KEY >}}. A shortcode in another form
// ({{% … %}}), split over two lines or never closed would otherwise be
// published as literal text, so it becomes a figure node with a problem.
// Code spans and code blocks never reach an inline parser: "{{<" there
// stays text.
type figureParser struct{}

func (figureParser) Trigger() []byte { return []byte{'{'} }

func (figureParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	switch {
	case bytes.HasPrefix(line, []byte("{{%")):
		block.Advance(closeAt(line, "%}}"))
		return &figureNode{offset: seg.Start, problem: "tall skrives " + figureForm + ", ikke med {{% … %}}"}
	case !bytes.HasPrefix(line, []byte("{{<")):
		return nil
	}
	end := bytes.Index(line, []byte(">}}"))
	if end < 0 {
		block.Advance(closeAt(line, ">}}"))
		return &figureNode{offset: seg.Start, problem: "{{< lukkes ikke med >}} på samme linje; skriv " + figureForm + " på én linje"}
	}
	fields := strings.Fields(string(line[3:end]))
	key := strings.Join(fields, " ")
	if len(fields) == 2 && fields[0] == "tall" {
		key = fields[1]
	}
	block.Advance(end + 3)
	return &figureNode{key: key, offset: seg.Start}
}

// closeAt is the length of line up to and including the closing
// delimiter, or the whole line but its line break when it never closes:
// a line of a hundred thousand "{{<" is one problem, read once.
func closeAt(line []byte, closing string) int {
	if end := bytes.Index(line, []byte(closing)); end >= 0 {
		return end + len(closing)
	}
	return len(bytes.TrimRight(line, "\r\n"))
}

// A chart block: a fenced code block whose info string is "chart NAME".

var kindChart = ast.NewNodeKind("Chart")

type chartNode struct {
	ast.BaseBlock
	name   string
	offset int
	html   string // filled per page by convert
}

func (n *chartNode) Kind() ast.NodeKind { return kindChart }
func (n *chartNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"name": n.name}, nil)
}

// chartBlock returns the chart node for a ```chart NAME block, or nil
// for any other fenced block. Convert finds them in its walk over the
// document, so charts cost no walk of their own.
func chartBlock(fc *ast.FencedCodeBlock, src []byte) *chartNode {
	if fc.Info == nil || string(fc.Language(src)) != "chart" {
		return nil
	}
	info := strings.Fields(string(fc.Info.Segment.Value(src)))
	name := ""
	if len(info) > 1 {
		name = info[1]
	}
	return &chartNode{name: name, offset: fc.Info.Segment.Start}
}

type figureExtension struct{}

func (figureExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(figureParser{}, 50)))
	m.Renderer().AddOptions(gmrenderer.WithNodeRenderers(util.Prioritized(extRenderer{}, 50)))
}

// extRenderer writes figures (escaped text) and charts (HTML built by our
// own templates), and wraps tables in a box that scrolls sideways.
type extRenderer struct{}

func (extRenderer) RegisterFuncs(reg gmrenderer.NodeRendererFuncRegisterer) {
	// A wide table scrolls inside its own box on a narrow screen or at 400 %
	// zoom instead of widening the page; the box takes keyboard focus so it
	// can be scrolled without a mouse.
	reg.Register(east.KindTable, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<div class=\"table-scroll\" role=\"region\" aria-label=\"Tabell\" tabindex=\"0\">\n<table class=\"stack\">\n")
		} else {
			_, _ = w.WriteString("</table>\n</div>\n")
		}
		return ast.WalkContinue, nil
	})
	reg.Register(east.KindTableCell, renderTableCell)
	reg.Register(kindFigure, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<span class="tall">`)
			template.HTMLEscape(w, []byte(n.(*figureNode).value))
			_, _ = w.WriteString(`</span>`)
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(kindChart, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(n.(*chartNode).html)
		}
		return ast.WalkSkipChildren, nil
	})
}
