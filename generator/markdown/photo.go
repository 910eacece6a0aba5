package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	gmrenderer "github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"alisnord/generator/diag"
	"alisnord/generator/site"
)

// photoBlock stands where a paragraph held only a photo: a <figure> with
// its caption. photoInline stands where a photo sat in running text: a
// <picture> alone. Both carry HTML made from templates/partials/picture.html.
type photoBlock struct {
	ast.BaseBlock
	html string
}

type photoInline struct {
	ast.BaseInline
	html string
}

var (
	kindPhotoBlock  = ast.NewNodeKind("PhotoBlock")
	kindPhotoInline = ast.NewNodeKind("PhotoInline")
)

func (n *photoBlock) Kind() ast.NodeKind          { return kindPhotoBlock }
func (n *photoBlock) Dump(src []byte, level int)  { ast.DumpHelper(n, src, level, nil, nil) }
func (n *photoInline) Kind() ast.NodeKind         { return kindPhotoInline }
func (n *photoInline) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// photoExtension renders the photo nodes convert puts in place of images.
type photoExtension struct{}

func (photoExtension) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(gmrenderer.WithNodeRenderers(util.Prioritized(photoExtension{}, 100)))
}

func (photoExtension) RegisterFuncs(reg gmrenderer.NodeRendererFuncRegisterer) {
	reg.Register(kindPhotoBlock, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(n.(*photoBlock).html)
			_ = w.WriteByte('\n')
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(kindPhotoInline, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(n.(*photoInline).html)
		}
		return ast.WalkSkipChildren, nil
	})
}

// alone tells whether img is the only thing in its paragraph.
func alone(img *ast.Image) bool {
	_, para := img.Parent().(*ast.Paragraph)
	return para && img.Parent().ChildCount() == 1
}

// photoSwap is the node a photo puts in place of its image: a figure for
// the whole paragraph when the image is alone in it, else a picture.
func photoSwap(img *ast.Image, html string) swap {
	if alone(img) {
		return swap{old: img.Parent(), new: &photoBlock{html: html}}
	}
	return swap{old: img, new: &photoInline{html: html}}
}

// Image is an image written in an article, as Env.Photo and Images see it.
type Image struct {
	Dest  string   // the destination as written
	Title string   // the title after the destination: caption and credit
	Alt   string   // the text between the brackets
	Alone bool     // the only thing in its paragraph: a figure
	Pos   diag.Pos // where "![" is, or the start of the body when not found
}

// newImage describes img of src.
func newImage(img *ast.Image, src []byte, ix *lineIndex) Image {
	pos := diag.Pos{Path: ix.path, Line: ix.first}
	if off := imageOffset(img, src); off >= 0 {
		pos = ix.at(off)
	}
	return Image{Dest: string(img.Destination), Title: string(img.Title), Alt: altText(img, src), Alone: alone(img), Pos: pos}
}

// Images lists every image in the Markdown of a, in order, parsed with
// md: the photos a build must prepare before it converts the article.
func Images(md goldmark.Markdown, a *site.Article) []Image {
	if !bytes.Contains(a.Body, []byte("![")) {
		return nil
	}
	ix, _ := scan(a)
	defer ix.release()
	var out []Image
	doc := md.Parser().Parse(text.NewReader(a.Body))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			out = append(out, newImage(img, a.Body, ix))
		}
		return ast.WalkContinue, nil
	})
	return out
}

// altText is the text between the brackets of an image.
func altText(img *ast.Image, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(img, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// imageOffset finds where "![" of img starts in src: goldmark keeps no
// position for inline images, so it searches the block's lines for the
// destination and goes back to the nearest "![". -1 when not found.
func imageOffset(img *ast.Image, src []byte) int {
	block := img.Parent()
	for block != nil && block.Type() != ast.TypeBlock {
		block = block.Parent()
	}
	if block == nil || block.Lines().Len() == 0 {
		return -1
	}
	lines := block.Lines()
	start, stop := lines.At(0).Start, lines.At(lines.Len()-1).Stop
	seg := src[start:stop]
	i := bytes.Index(seg, append([]byte("]("), img.Destination...))
	if i < 0 {
		return start
	}
	if j := bytes.LastIndex(seg[:i], []byte("![")); j >= 0 {
		return start + j
	}
	return start
}
