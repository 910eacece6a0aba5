package render

import (
	"alisnord/generator/site"
)

// The conference material: a page for the conference, built from its event
// in data/events.toml, a fact sheet from the data, and slide decks written
// as Markdown (content/konferanse/*.md with layout = "lysbilder").
const (
	conferenceURL = "konferanse/"
	factSheetURL  = "konferanse/faktaark/"
)

// factSheetCharts are the charts the printed fact sheet has room for.
var factSheetCharts = []string{"tilbud-mot-soknader", "kommuner-per-omrade", "innbyggere-per-omrade", "andel-nord-norge"}

// conference returns the conference the material is for: the latest event
// of kind "konferanse", or nil.
func conference(s *site.Site) *site.Event {
	var c *site.Event
	for i := range s.Events {
		if e := &s.Events[i]; e.Kind == site.EventConference && (c == nil || !e.Date.Before(c.Date)) {
			c = e
		}
	}
	return c
}

// upcoming tells whether the event is today or later, by the build's clock.
func upcoming(s *site.Site, e *site.Event) bool {
	return e != nil && !e.Date.Before(s.Today)
}

// decks returns the published slide decks.
func decks(s *site.Site) []*site.Article {
	var out []*site.Article
	for _, a := range s.Pages {
		if a.Layout == site.LayoutSlideDeck {
			out = append(out, a)
		}
	}
	return out
}

// conferencePages adds the conference page and the fact sheet, when the
// data has a conference.
func (r *renderer) conferencePages() []*Page {
	c := conference(r.site)
	if c == nil {
		return nil
	}
	page := newPage(r, KindConference, conferenceURL, c.Title)
	page.Event, page.Nav = c, "hendelser"
	page.Description = c.Title + ": " + dateAsKnown(c.Date, c.Precision) + ", " + orUnknown(c.Venue) + "."
	page.Crumbs = []Crumb{{"Hendelser", "hendelser/"}}
	for _, d := range decks(r.site) {
		page.Links = append(page.Links, Crumb{"Lysbilder: " + d.Title, d.Slug + "/"})
	}
	page.Links = append(page.Links, Crumb{"Faktaark", factSheetURL})

	sheet := newPage(r, KindFactSheet, factSheetURL, "Faktaark: "+r.site.Settings.Title)
	sheet.Event, sheet.Nav = c, "hendelser"
	sheet.Description = "Nøkkeltall, figurer og deltakere i " + r.site.Settings.Title + " på to A4-sider."
	sheet.Crumbs = []Crumb{{"Hendelser", "hendelser/"}, {c.Title, conferenceURL}}
	sheet.Charts = r.chartViews(sheet, factSheetCharts...)
	sheet.CSS = []string{"assets/faktaark.css"}
	return []*Page{page, sheet}
}

// slidesPage turns a deck into its page; the slides themselves are split
// out when the page is rendered.
func (r *renderer) slidesPage(a *site.Article) *Page {
	p := newPage(r, KindSlides, a.Slug+"/", a.Title)
	p.Article, p.Description, p.Nav = a, a.Summary, "hendelser"
	if c := conference(r.site); c != nil {
		p.Crumbs = []Crumb{{"Hendelser", "hendelser/"}, {c.Title, conferenceURL}}
	}
	p.CSS = []string{"assets/lysbilder.css"}
	p.Scripts = []string{"assets/lysbilder.js"}
	return p
}
