package render

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	gmrenderer "github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
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

// photoSwap is an image to replace once the walk over the document is done.
type photoSwap struct {
	img    *ast.Image
	figure bool
	html   string
}

// alone tells whether img is the only thing in its paragraph.
func alone(img *ast.Image) bool {
	_, para := img.Parent().(*ast.Paragraph)
	return para && img.Parent().ChildCount() == 1
}

// swapPhotos puts the photo nodes in place of their images.
func swapPhotos(swaps []photoSwap) {
	for _, s := range swaps {
		if s.figure {
			para := s.img.Parent()
			para.Parent().ReplaceChild(para.Parent(), para, &photoBlock{html: s.html})
			continue
		}
		s.img.Parent().ReplaceChild(s.img.Parent(), s.img, &photoInline{html: s.html})
	}
}
