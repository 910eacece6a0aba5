package render

import (
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark"

	"alisnord/generator/diag"
	"alisnord/generator/markdown"
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
	pos    diag.Pos
}

// photoRefs finds every image in the Markdown of the articles and their
// main images: the photos to process, and a diagnostic for each image
// without alt text, from another host or of a type the build does not
// take.
// Each article's part comes from of (articlePhotoRefs, or what an engine
// remembers of it).
func photoRefs(articles []*site.Article, of func(*site.Article) articlePhotos) ([]photoRef, diag.Diagnostics) {
	var refs []photoRef
	var ds diag.Diagnostics
	for _, a := range articles {
		p := of(a)
		refs, ds = append(refs, p.refs...), append(ds, p.ds...)
	}
	return refs, ds
}

// articlePhotos is what photoRefs finds in one article.
type articlePhotos struct {
	refs []photoRef
	ds   diag.Diagnostics
}

// articlePhotoRefs is photoRefs for one article.
func articlePhotoRefs(md goldmark.Markdown, a *site.Article) articlePhotos {
	var p articlePhotos
	if a.Image != "" {
		p.refs = mainImageRef(a, p.refs, &p.ds)
	}
	for _, img := range markdown.Images(md, a) {
		p.refs = imageRef(a, img, p.refs, &p.ds)
	}
	return p
}

func mainImageRef(a *site.Article, refs []photoRef, ds *diag.Diagnostics) []photoRef {
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

func imageRef(a *site.Article, img markdown.Image, refs []photoRef, ds *diag.Diagnostics) []photoRef {
	dest, pos := img.Dest, img.Pos
	if strings.TrimSpace(img.Alt) == "" {
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
