package markdown

import (
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	gmrenderer "github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A slide deck is one Markdown document (front matter layout = "lysbilder"):
// a thematic break (a line with only ---, after a blank line) ends a slide,
// and a paragraph of only ??? starts the presenter's notes of that slide.
// The whole deck is converted as one document, so heading ids stay unique
// and error lines stay right; the renderer marks the breaks with comments
// that Markdown cannot forge (raw HTML in content is escaped).
const (
	slideBreak = "<!--lysbilde-->"
	notesMark  = "<!--notater-->"
)

// Slide is one slide of a deck.
type Slide struct {
	Number int
	Body   template.HTML
	Notes  template.HTML
}

// NewSlides is New with the slide and notes markers, for decks (SplitSlides).
func NewSlides() goldmark.Markdown {
	md := New()
	md.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(notesTransformer{}, 100)))
	md.Renderer().AddOptions(gmrenderer.WithNodeRenderers(util.Prioritized(slideMarks{}, 10)))
	return md
}

// notesNode stands where a deck's ??? paragraph was.
type notesNode struct{ ast.BaseBlock }

var kindNotes = ast.NewNodeKind("Notes")

func (n *notesNode) Kind() ast.NodeKind           { return kindNotes }
func (n *notesNode) Dump(src []byte, level int)   { ast.DumpHelper(n, src, level, nil, nil) }
func (n *notesNode) IsRaw() bool                  { return false }
func (n *notesNode) HasBlankPreviousLines() bool  { return true }
func (n *notesNode) SetBlankPreviousLines(v bool) {}
func (n *notesNode) Lines() *text.Segments        { return text.NewSegments() }
func (n *notesNode) SetLines(*text.Segments)      {}
func (n *notesNode) LinesCount() int              { return 0 }
func (n *notesNode) AppendLine(text.Segment)      {}

// notesTransformer replaces each top-level paragraph that reads exactly
// "???" by a notesNode.
type notesTransformer struct{}

func (notesTransformer) Transform(doc *ast.Document, r text.Reader, pc parser.Context) {
	src := r.Source()
	for n := doc.FirstChild(); n != nil; {
		next := n.NextSibling()
		if p, ok := n.(*ast.Paragraph); ok && p.Lines().Len() == 1 {
			if seg := p.Lines().At(0); strings.TrimSpace(string(seg.Value(src))) == "???" {
				doc.ReplaceChild(doc, p, &notesNode{})
			}
		}
		n = next
	}
}

// slideMarks writes the markers in place of thematic breaks and notes.
type slideMarks struct{}

func (slideMarks) RegisterFuncs(reg gmrenderer.NodeRendererFuncRegisterer) {
	mark := func(s string) gmrenderer.NodeRendererFunc {
		return func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering {
				_, _ = w.WriteString(s)
			}
			return ast.WalkSkipChildren, nil
		}
	}
	reg.Register(ast.KindThematicBreak, mark(slideBreak))
	reg.Register(kindNotes, mark(notesMark))
}

// SplitSlides cuts a deck converted with NewSlides at its markers. Empty
// slides (a break at the very start or end) are dropped.
func SplitSlides(h template.HTML) []Slide {
	var out []Slide
	for _, part := range strings.Split(string(h), slideBreak) {
		body, notes, _ := strings.Cut(part, notesMark)
		if strings.TrimSpace(body) == "" && strings.TrimSpace(notes) == "" {
			continue
		}
		out = append(out, Slide{
			Number: len(out) + 1,
			Body:   template.HTML(strings.TrimSpace(body)),  // from goldmark, escaped
			Notes:  template.HTML(strings.TrimSpace(notes)), // likewise
		})
	}
	return out
}
