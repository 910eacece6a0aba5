package render

import (
	"html/template"

	"github.com/yuin/goldmark"

	"alisnord/generator/diag"
	"alisnord/generator/markdown"
	"alisnord/generator/site"
)

// The Markdown itself (goldmark, our extensions, the checks) lives in
// package markdown; these are the names the renderer calls it by.

// newMarkdown is goldmark configured for articles (markdown.New).
func newMarkdown() goldmark.Markdown { return markdown.New() }

// newSlidesMarkdown is goldmark configured for slide decks
// (markdown.NewSlides).
func newSlidesMarkdown() goldmark.Markdown { return markdown.NewSlides() }

// Slide is one slide of a deck.
type Slide = markdown.Slide

// splitSlides cuts a deck converted with newSlidesMarkdown into slides.
func splitSlides(h template.HTML) []Slide { return markdown.SplitSlides(h) }

// mdEnv is what one page's Markdown may refer to (markdown.Env).
type mdEnv struct {
	figures map[string]string                                    // figure key -> formatted value
	chart   func(name string) (html, problem string, known bool) // chart name -> its HTML, for this page
	rel     func(target string) string                           // root-relative link -> page-relative
	lenient bool                                                 // a data file is broken: unknown names may follow from it
	photo   func(img markdown.Image) (string, bool)              // a processed photo's HTML, if img is one
}

// convert renders the body of a to HTML for the page env describes (see
// markdown.Convert) and returns, for the link check, the links that stay
// inside the site.
func convert(md goldmark.Markdown, a *site.Article, env mdEnv) (template.HTML, []mdLink, diag.Diagnostics) {
	h, links, ds := markdown.Convert(md, a, markdown.Env{Figures: env.figures, Chart: env.chart, Rel: env.rel, Lenient: env.lenient, Photo: env.photo})
	var inside []mdLink
	for _, l := range links {
		if insideSite(l.Rel) {
			inside = append(inside, mdLink{orig: l.Orig, rel: l.Rel, pos: l.Pos})
		}
	}
	return h, inside, ds
}
