package render

import (
	"strconv"
	"strings"

	"alisnord/generator/markdown"
	"alisnord/generator/photo"
	"alisnord/generator/site"
)

// Picture is what templates/partials/picture.html shows: one photo with
// its candidates, relative to the page.
type Picture struct {
	Alt             string
	Src             string // the fallback file
	SrcSet          string // fallback candidates, "url 480w, …"
	WebPSrcSet      string
	Sizes           string
	Width, Height   int // the upright size, for the aspect ratio before loading
	Eager           bool
	Figure          bool
	Caption, Credit string
	Class           string
}

// Sizes say how wide a photo is shown, for the browser's choice of
// candidate: the text column (42rem, less the 1.25rem margins on a phone),
// and the news list's thumbnail.
const (
	sizesProse = "(min-width: 44.5rem) 42rem, calc(100vw - 2.5rem)"
	sizesThumb = "8rem"
)

// picture makes the view of pp for this page.
func (p *Page) picture(pp *placedPhoto, alt, sizes string, eager bool) *Picture {
	pic := &Picture{Alt: alt, Sizes: sizes, Width: pp.Width, Height: pp.Height, Eager: eager}
	if alt == decorative {
		pic.Alt = ""
	}
	var webp, fallback []string
	for _, v := range pp.Variants {
		cand := p.Rel(pp.file(v)) + " " + strconv.Itoa(v.Width) + "w"
		if v.Format == "webp" {
			webp = append(webp, cand)
			continue
		}
		fallback = append(fallback, cand)
		if pic.Src == "" || v.Width <= 800 {
			pic.Src = p.Rel(pp.file(v))
		}
	}
	pic.WebPSrcSet, pic.SrcSet = strings.Join(webp, ", "), strings.Join(fallback, ", ")
	return pic
}

// splitCredit cuts an image title "Bildetekst. Foto: Navn" into the
// caption and the credit ("Foto: Navn").
func splitCredit(title string) (caption, credit string) {
	i := strings.LastIndex(strings.ToLower(title), "foto:")
	if i < 0 {
		return strings.TrimSpace(title), ""
	}
	return strings.TrimSpace(title[:i]), strings.TrimSpace(title[i:])
}

// photoHTML returns, for convert, a function that gives the HTML of each
// photo in the page's Markdown. The first photo of a page loads at once
// unless the page opens with a main image; the rest load lazily. A photo
// whose problem preparePhotos reported renders as nothing.
func (r *renderer) photoHTML(p *Page) func(img markdown.Image) (string, bool) {
	count := 0
	if p.MainImage() != nil {
		count = 1
	}
	return func(img markdown.Image) (string, bool) {
		kind, fsPath := classifyImage(p.Article.Path, img.Dest)
		if kind != imagePhoto {
			return "", false
		}
		pp := r.photos.byPath[fsPath]
		if pp == nil {
			return "", true
		}
		pic := p.picture(pp, strings.TrimSpace(img.Alt), sizesProse, count == 0)
		count++
		pic.Figure = img.Alone
		pic.Caption, pic.Credit = splitCredit(img.Title)
		h, err := r.tmpl.partial("picture", pic)
		if err != nil {
			return "<!-- " + err.Error() + " -->", true
		}
		return h, true
	}
}

// MainImage is the article's main image at the top of its page, or nil.
func (p *Page) MainImage() *Picture {
	if p.Article == nil || p.Kind == KindSlides {
		return nil
	}
	pp := p.mainPhoto(p.Article.Path, p.Article.Image)
	if pp == nil {
		return nil
	}
	pic := p.picture(pp, p.Article.ImageAlt, sizesProse, true)
	pic.Figure, pic.Class = true, "main-image"
	return pic
}

// Thumb is the small picture of an article in a news list, or nil.
func (p *Page) Thumb(a *site.Article) *Picture {
	pp := p.mainPhoto(a.Path, a.Image)
	if pp == nil {
		return nil
	}
	pic := p.picture(pp, a.ImageAlt, sizesThumb, false)
	pic.Class = "thumb"
	return pic
}

func (p *Page) mainPhoto(file, image string) *placedPhoto {
	if image == "" || p.photos == nil {
		return nil
	}
	kind, fsPath := classifyImage(file, image)
	if kind != imagePhoto {
		return nil
	}
	return p.photos.byPath[fsPath]
}

// widestVariant returns the widest variant of format up to maxWidth.
func widestVariant(pp *placedPhoto, format string, maxWidth int) (photo.Variant, bool) {
	var best photo.Variant
	ok := false
	for _, v := range pp.Variants {
		if v.Format == format && v.Width <= maxWidth && v.Width > best.Width {
			best, ok = v, true
		}
	}
	return best, ok
}
