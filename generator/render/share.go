package render

import (
	"fmt"

	"alisnord/generator/output"
	"alisnord/generator/photo"
	"alisnord/generator/site"
)

// shareCard is the site's default share picture, drawn at build time.
const shareCard = photoDir + "deling.png"

// ShareImage is the picture a shared link to the page shows (og:image).
type ShareImage struct {
	URL, Alt, Type string
	Width, Height  int
}

// Share is the article's main image, or else the site's share card; the
// URL is absolute, from base_url.
func (p *Page) Share() ShareImage {
	if p.Article != nil {
		if pp := p.mainPhoto(p.Article.Path, p.Article.Image); pp != nil {
			for _, format := range []string{"jpeg", "png"} {
				if v, ok := widestVariant(pp, format, 1200); ok {
					return ShareImage{URL: p.Abs(pp.file(v)), Alt: p.Article.ImageAlt, Type: "image/" + format, Width: v.Width, Height: v.Height}
				}
			}
		}
	}
	s := p.Site.Settings
	return ShareImage{URL: p.Abs(shareCard), Alt: s.Title + ": " + s.Tagline, Type: "image/png", Width: photo.CardWidth, Height: photo.CardHeight}
}

// cardFile draws the share card with the site's name, tagline and the
// stated participants and positions (data/project.toml).
func (r *renderer) cardFile() output.File {
	s := r.site
	figures := ""
	if t := s.Project.Totals; t.Participants > 0 && t.Positions > 0 {
		figures = fmt.Sprintf("%d deltakere, %d ALIS-stillinger", t.Participants, t.Positions)
	}
	return output.File{Path: shareCard, Data: r.memo.card(r.opt, s.Settings.Title, s.Settings.Tagline, figures)}
}

// enclosure links a feed entry to the article's main image, if it has one.
func (r *renderer) enclosure(a *site.Article) (atomLink, bool) {
	p := &Page{Site: r.site, Article: a, photos: r.photos}
	if a.Image == "" || p.mainPhoto(a.Path, a.Image) == nil {
		return atomLink{}, false
	}
	sh := p.Share()
	return atomLink{Href: sh.URL, Rel: "enclosure", Type: sh.Type}, true
}
