package render

import (
	"bufio"
	"bytes"
	"html/template"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	gmrenderer "github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"alisnord/generator/site"
)

// newMarkdown configures goldmark once for every page: GitHub-flavoured
// Markdown, heading ids, Norwegian typography, raw HTML shown as text, and
// our two extensions (chart blocks and data-bound figures).
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation]string{
				extension.LeftDoubleQuote:  "&laquo;",
				extension.RightDoubleQuote: "&raquo;",
			})),
			figureExtension{},
			chartExtension{},
			photoExtension{},
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(gmrenderer.WithNodeRenderers(util.Prioritized(escapeHTML{}, 10))),
	)
}

// mdEnv is what one page's Markdown may refer to.
type mdEnv struct {
	figures map[string]string                                    // figure key -> formatted value
	chart   func(name string) (html, problem string, known bool) // chart name -> its HTML, for this page
	rel     func(target string) string                           // root-relative link -> page-relative
	lenient bool                                                 // a data file is broken: unknown names may follow from it
	photo   func(img *ast.Image, src []byte) (string, bool)      // a processed photo's HTML, if img is one
}

// convert renders the body of a to HTML, resolving figures, chart blocks and
// root-relative links for the page it appears on. Every problem (unknown
// names, malformed shortcodes, unsafe links, nesting too deep to parse)
// comes back as a diagnostic at its line in the file, beside the HTML,
// so the caller can go on to find the page's other problems; relative
// links are returned for the link check.
func convert(md goldmark.Markdown, a *site.Article, env mdEnv) (template.HTML, []mdLink, site.Diagnostics) {
	src := a.Body
	ix := newLineIndex(a)
	if ds := append(checkNesting(src, ix), checkReferenceRuns(src, ix)...); len(ds) > 0 {
		return "", nil, ds // goldmark would take minutes
	}
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	var ds site.Diagnostics
	var links []mdLink
	var photos []photoSwap
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if img, ok := n.(*ast.Image); ok && env.photo != nil {
			if h, ok := env.photo(img, src); ok {
				photos = append(photos, photoSwap{img: img, figure: alone(img), html: h})
				return ast.WalkSkipChildren, nil
			}
		}
		links = resolveNode(n, src, env, ix, links, &ds)
		return ast.WalkContinue, nil
	})
	swapPhotos(photos)
	out := mdBuffers.Get().(*mdBuffer)
	defer mdBuffers.Put(out)
	out.buf.Reset()
	out.w.Reset(&out.buf)
	if err := md.Renderer().Render(out.w, src, doc); err != nil {
		ds.Add(site.Pos{Path: a.Path, Line: a.BodyLine}, "kan ikke vise Markdown: %v", err)
		return "", nil, ds
	}
	return template.HTML(out.buf.String()), links, ds // goldmark escapes text; raw HTML is escaped by escapeHTML
}

// resolveNode fills in a figure or chart node for this page, checks and
// rewrites a link, and adds what is wrong to ds.
func resolveNode(n ast.Node, src []byte, env mdEnv, ix lineIndex, links []mdLink, ds *site.Diagnostics) []mdLink {
	switch n := n.(type) {
	case *figureNode:
		if n.problem != "" {
			ds.Add(ix.at(n.offset), "%s", n.problem)
			break
		}
		v, ok := env.figures[n.key]
		if !ok && !env.lenient {
			ds.Add(ix.at(n.offset), "ukjent tall %q i {{< tall … >}} (kjente: %s)", n.key, strings.Join(sortedNames(env.figures), ", "))
		}
		n.value = v
	case *chartNode:
		h, problem, ok := env.chart(n.name)
		switch {
		case !ok && env.lenient:
		case !ok:
			ds.Add(ix.at(n.offset), "ukjent figur %q i ```chart-blokken", n.name)
		case problem != "":
			ds.Add(ix.at(n.offset), "%s", problem)
		}
		n.html = h
	case *ast.Link:
		return rewrite(&n.Destination, n, env, ix, links, ds)
	case *ast.Image:
		return rewrite(&n.Destination, n, env, ix, links, ds)
	case *ast.AutoLink:
		if scheme, bad := unsafeScheme(n.URL(src)); bad {
			ds.Add(ix.at(nodeOffset(n)), unsafeLinkMsg, scheme+":")
		}
	}
	return links
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

func (h *headingIDs) Put(value []byte) { h.seen[string(value)] = true }

// mdBuffer is goldmark's output buffer with the buffered writer goldmark
// writes through; both are reused from article to article.
type mdBuffer struct {
	buf bytes.Buffer
	w   *bufio.Writer
}

var mdBuffers = sync.Pool{New: func() any {
	b := &mdBuffer{}
	b.w = bufio.NewWriter(&b.buf)
	return b
}}

// rewrite makes a root-relative destination page-relative and records
// every link that stays inside the site, with its position, for the link
// check. A destination with an unsafe scheme is an error instead.
func rewrite(dest *[]byte, n ast.Node, env mdEnv, ix lineIndex, links []mdLink, ds *site.Diagnostics) []mdLink {
	if scheme, bad := unsafeScheme(*dest); bad {
		ds.Add(ix.at(nodeOffset(n)), unsafeLinkMsg, scheme+":")
		*dest = nil
		return links
	}
	orig := string(*dest)
	rel := env.rel(orig)
	*dest = []byte(rel)
	if _, inside := resolve(".", rel); !inside {
		return links
	}
	return append(links, mdLink{orig: orig, rel: rel, pos: ix.at(nodeOffset(n))})
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

func sortedNames[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sortStrings(out)
	return out
}
