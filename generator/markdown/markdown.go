package markdown

import (
	"html/template"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	gmrenderer "github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"alisnord/generator/diag"
	"alisnord/generator/site"
)

// New configures goldmark once for every page: GitHub-flavoured Markdown,
// heading ids, Norwegian typography, raw HTML shown as text, and our
// extensions (figures, chart blocks, photos, tables). The result is safe
// to share between goroutines.
//
// Its parser is two (linkify.go): GitHub's autolinks of bare URLs and
// e-mail addresses cost a third of the parsing, and are only parsed for
// when the text may hold one.
func New() goldmark.Markdown {
	md := configured(extension.GFM)
	plain := configured(extension.Table, extension.Strikethrough, extension.TaskList)
	md.SetParser(&linkifyWhenNeeded{full: md.Parser(), plain: plain.Parser()})
	return md
}

// configured is goldmark with the GitHub extensions given (gfm) and our
// own.
func configured(gfm ...goldmark.Extender) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(append(gfm,
			extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation]string{
				extension.LeftDoubleQuote:  "&laquo;",
				extension.RightDoubleQuote: "&raquo;",
			})),
			figureExtension{},
			photoExtension{},
		)...),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(gmrenderer.WithNodeRenderers(util.Prioritized(escapeHTML{}, 10)),
			gmhtml.WithWriter(plainWriter{gmhtml.DefaultWriter})),
	)
}

// Env is what one page's Markdown may refer to.
type Env struct {
	Figures map[string]string                                    // figure key -> formatted value
	Chart   func(name string) (html, problem string, known bool) // chart name -> its HTML, for this page
	Rel     func(target string) string                           // a link as written -> as the page links it
	Lenient bool                                                 // a data file is broken: unknown names may follow from it
	Photo   func(img Image) (html string, ok bool)               // a processed photo's HTML, if img is one
}

// Link is a link or image destination as written in the article (Orig),
// as the page now links it (Rel), and where it was written.
type Link struct {
	Orig, Rel string
	Pos       diag.Pos
}

// Convert renders the body of a to HTML with md (New or NewSlides),
// resolving figures, chart blocks, photos and links through env. Every
// problem (unknown names, malformed shortcodes, unsafe links, nesting too
// deep to parse) comes back as a diagnostic at its line in the file,
// beside the HTML, so the caller can go on to find the page's other
// problems. The links are every link and image destination that Rel
// rewrote, in order, for the caller's link check.
func Convert(md goldmark.Markdown, a *site.Article, env Env) (template.HTML, []Link, diag.Diagnostics) {
	src := a.Body
	ix, ds := scan(a)
	defer ix.release()
	if len(ds) > 0 {
		return "", nil, ds // goldmark would take minutes
	}
	doc := parse(md, src)
	c := converter{src: src, env: env, ix: ix}
	_ = ast.Walk(doc, c.visit)
	for _, s := range c.swaps {
		s.old.Parent().ReplaceChild(s.old.Parent(), s.old, s.new)
	}
	out := buffers.Get().(*buffer)
	defer buffers.Put(out)
	out.Reset()
	if err := md.Renderer().Render(out, src, doc); err != nil {
		c.ds.Add(diag.Pos{Path: a.Path, Line: a.BodyLine}, "kan ikke vise Markdown: %v", err)
		return "", nil, c.ds
	}
	return template.HTML(out.String()), c.links, c.ds // goldmark escapes text; raw HTML is escaped by escapeHTML
}

// converter is the state of one walk over a parsed article: what it
// resolves nodes with, and what it has found.
type converter struct {
	src   []byte
	env   Env
	ix    *lineIndex
	links []Link
	swaps []swap // nodes to replace once the walk is done
	ds    diag.Diagnostics
}

// swap is a node of the document to replace by another.
type swap struct{ old, new ast.Node }

// visit fills in a figure, chart or photo node for this page, checks and
// rewrites a link, and notes what is wrong.
func (c *converter) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	switch n := n.(type) {
	case *figureNode:
		c.figure(n)
	case *ast.FencedCodeBlock:
		if chart := chartBlock(n, c.src); chart != nil {
			c.chart(chart)
			c.swaps = append(c.swaps, swap{old: n, new: chart})
		}
	case *ast.Link:
		c.rewrite(&n.Destination, n)
	case *ast.Image:
		if c.env.Photo != nil {
			if h, ok := c.env.Photo(newImage(n, c.src, c.ix)); ok {
				c.swaps = append(c.swaps, photoSwap(n, h))
				return ast.WalkSkipChildren, nil
			}
		}
		c.rewrite(&n.Destination, n)
	case *ast.AutoLink:
		if scheme, bad := unsafeScheme(n.URL(c.src)); bad {
			c.ds.Add(c.ix.at(nodeOffset(n)), unsafeLinkMsg, scheme+":")
		}
	}
	return ast.WalkContinue, nil
}

func (c *converter) figure(n *figureNode) {
	if n.problem != "" {
		c.ds.Add(c.ix.at(n.offset), "%s", n.problem)
		return
	}
	v, ok := c.env.Figures[n.key]
	if !ok && !c.env.Lenient {
		c.ds.Add(c.ix.at(n.offset), "ukjent tall %q i {{< tall … >}} (kjente: %s)", n.key, strings.Join(slices.Sorted(maps.Keys(c.env.Figures)), ", "))
	}
	n.value = v
}

func (c *converter) chart(n *chartNode) {
	h, problem, ok := c.env.Chart(n.name)
	switch {
	case !ok && c.env.Lenient:
	case !ok:
		c.ds.Add(c.ix.at(n.offset), "ukjent figur %q i ```chart-blokken", n.name)
	case problem != "":
		c.ds.Add(c.ix.at(n.offset), "%s", problem)
	}
	n.html = h
}

// rewrite makes a destination the link the page needs (env.Rel) and
// records it, with its position. A destination with an unsafe scheme is
// an error instead.
func (c *converter) rewrite(dest *[]byte, n ast.Node) {
	if scheme, bad := unsafeScheme(*dest); bad {
		c.ds.Add(c.ix.at(nodeOffset(n)), unsafeLinkMsg, scheme+":")
		*dest = nil
		return
	}
	orig := string(*dest)
	rel := c.env.Rel(orig)
	if rel != orig {
		*dest = []byte(rel)
	}
	c.links = append(c.links, Link{Orig: orig, Rel: rel, Pos: c.ix.at(nodeOffset(n))})
}

// unsafeLinkMsg says why a link was refused; the argument is its scheme.
const unsafeLinkMsg = "lenken bruker et utrygt skjema (%s); bare http:, https:, mailto:, tel: og lenker innenfor nettstedet er lov"

// headingIDs gives headings Norwegian-friendly ids ("Første" → "forste",
// where goldmark's own would drop the ø), unique within the document. The
// next suffix to try is kept per base, so a thousand equal headings cost
// a thousand look-ups, not half a million.
type headingIDs struct {
	seen map[string]bool
	next map[string]int // base -> the next suffix to try
}

// newHeadingIDs reserves "innhold", the id of <main>.
func newHeadingIDs() *headingIDs {
	return &headingIDs{seen: map[string]bool{"innhold": true}, next: map[string]int{}}
}

// Generate returns the id of a heading with the text value.
func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := site.Slugify(string(value))
	if base == "" {
		base = "overskrift"
	}
	id := base
	for i := max(h.next[base], 1); h.seen[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
		h.next[base] = i + 1
	}
	h.seen[id] = true
	return []byte(id)
}

// Put reserves an id written in the Markdown.
func (h *headingIDs) Put(value []byte) { h.seen[string(value)] = true }

// escapeHTML renders raw HTML in Markdown as visible text instead of passing
// it through, so content can never inject markup or script.
type escapeHTML struct{}

func (escapeHTML) RegisterFuncs(reg gmrenderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			segs := n.(*ast.RawHTML).Segments
			for i := 0; i < segs.Len(); i++ {
				seg := segs.At(i)
				template.HTMLEscape(w, seg.Value(src))
			}
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := n.(*ast.HTMLBlock)
		_, _ = w.WriteString("<p>")
		lines := b.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			template.HTMLEscape(w, seg.Value(src))
		}
		if b.HasClosure() {
			template.HTMLEscape(w, b.ClosureLine.Value(src))
		}
		_, _ = w.WriteString("</p>\n")
		return ast.WalkSkipChildren, nil
	})
}
