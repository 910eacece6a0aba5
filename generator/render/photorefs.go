package render

import (
	"bytes"
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"alisnord/generator/site"
)

// Photo sources. An image in an article names a file relative to the
// Markdown file (bilde.jpg beside content/nyheter/sak/index.md, or
// bilder/bilde.jpg below content/nyheter/), or, with a leading slash, a
// file below content/ (/bilder/logo.png is content/bilder/logo.png, the
// folder for pictures many pages share). /assets/… stays a design asset
// from templates/assets/, used as is.
const (
	imagePhoto  = iota // a photo to process; fsPath says where it lies
	imageAsset         // a design asset under /assets/, linked as is
	imageRemote        // on another host: refused
	imageFormat        // a file type the build does not process: refused
)

// photoExts are the file types processed as photos.
var photoExts = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".webp": true}

// decorative is the alt text that marks an image as decoration only: it
// gets alt="" and screen readers skip it.
const decorative = "-"

// classifyImage tells what an image destination written in article file
// refers to, and for a photo its path below the site root.
func classifyImage(file, dest string) (kind int, fsPath string) {
	if u, err := url.Parse(dest); err != nil || u.Scheme != "" || strings.HasPrefix(dest, "//") {
		return imageRemote, ""
	}
	dest, _, _ = strings.Cut(dest, "#")
	dest, _, _ = strings.Cut(dest, "?")
	if strings.HasPrefix(dest, "/assets/") {
		return imageAsset, ""
	}
	if u, err := url.PathUnescape(dest); err == nil {
		dest = u
	}
	if strings.HasPrefix(dest, "/") {
		fsPath = path.Join("content", dest)
	} else {
		fsPath = path.Join(path.Dir(file), dest)
	}
	if !photoExts[strings.ToLower(path.Ext(fsPath))] {
		return imageFormat, fsPath
	}
	return imagePhoto, fsPath
}

// photoRef is one place a photo is used.
type photoRef struct {
	fsPath string
	pos    site.Pos
}

// photoRefs finds every image in the Markdown of the articles and their
// main images: the photos to process, and a diagnostic for each image
// without alt text, from another host or of a type the build does not
// take.
func photoRefs(md goldmark.Markdown, articles []*site.Article) ([]photoRef, site.Diagnostics) {
	var refs []photoRef
	var ds site.Diagnostics
	for _, a := range articles {
		if a.Image != "" {
			refs = mainImageRef(a, refs, &ds)
		}
		if !bytes.Contains(a.Body, []byte("![")) {
			continue
		}
		doc := md.Parser().Parse(text.NewReader(a.Body))
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if img, ok := n.(*ast.Image); ok && entering {
				refs = imageRef(a, img, refs, &ds)
			}
			return ast.WalkContinue, nil
		})
	}
	return refs, ds
}

func mainImageRef(a *site.Article, refs []photoRef, ds *site.Diagnostics) []photoRef {
	switch kind, p := classifyImage(a.Path, a.Image); kind {
	case imagePhoto:
		return append(refs, photoRef{fsPath: p, pos: a.ImagePos})
	case imageRemote:
		ds.Add(a.ImagePos, "hovedbildet %q ligger på et annet nettsted; last det ned og legg det ved siden av saken", a.Image)
	default:
		ds.Add(a.ImagePos, "hovedbildet %q må være en JPEG-, PNG- eller WebP-fil ved siden av saken", a.Image)
	}
	return refs
}

func imageRef(a *site.Article, img *ast.Image, refs []photoRef, ds *site.Diagnostics) []photoRef {
	dest := string(img.Destination)
	pos := bodyPos(a, imageOffset(img, a.Body))
	if strings.TrimSpace(altText(img, a.Body)) == "" {
		ds.Add(pos, "bildet %q mangler alternativ tekst: skriv hva bildet viser mellom [ og ], eller [%s] for et bilde som bare er pynt", dest, decorative)
	}
	switch kind, p := classifyImage(a.Path, dest); kind {
	case imagePhoto:
		refs = append(refs, photoRef{fsPath: p, pos: pos})
	case imageRemote:
		ds.Add(pos, "bildet %q ligger på et annet nettsted; last det ned og legg det ved siden av saken, så lastes det ikke fra andre", dest)
	case imageFormat:
		ds.Add(pos, "bildet %q har et filformat som ikke støttes; bruk JPEG, PNG eller WebP", dest)
	}
	return refs
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

// bodyPos turns an offset in a's body into a position in its file.
func bodyPos(a *site.Article, offset int) site.Pos {
	if offset < 0 {
		return site.Pos{Path: a.Path, Line: a.BodyLine}
	}
	src := a.Body[:offset]
	line := bytes.Count(src, []byte("\n"))
	col := offset - bytes.LastIndexByte(src, '\n')
	return site.Pos{Path: a.Path, Line: a.BodyLine + line, Col: col}
}
