package render

import (
	"fmt"
	"net/url"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"alisnord/generator/site"
)

// pages lists every HTML page of the site, in a fixed order.
func (r *renderer) pages() []*Page {
	s := r.site
	articles := r.articlePages(s.Articles) // made meanwhile, on the other cores
	var out []*Page
	add := func(p *Page) *Page { out = append(out, p); return p }

	front := add(newPage(r, KindFront, "", s.Settings.Title))
	front.Description = s.Settings.Description
	front.Articles = firstN(s.Articles, 3)
	front.Charts = r.chartViews(front, "soknader-per-omrade")
	if c := conference(s); upcoming(s, c) {
		front.Event = c
	}

	years := archiveYears(s.Articles)
	archive := r.archivePages(years)
	for _, p := range r.listPages(KindNews, "nyheter/", "Nyheter", "nyheter", s.Articles, nil) {
		if len(archive) > 0 {
			p.Years = archive[0].Years
		}
		add(p)
	}
	out = append(out, archive...)
	at := len(out) // where the articles' pages go
	tags := add(newPage(r, KindTags, "tagger/", "Emner"))
	tags.Nav, tags.Description = "tagger", "Alle emnene nyhetene er merket med."
	for i := range s.Tags {
		t := &s.Tags[i]
		out = append(out, r.listPages(KindNews, t.URL(), "Emne: "+t.Name, "tagger", t.Articles, t)...)
	}
	for _, a := range s.Pages {
		if a.Layout == site.LayoutSlideDeck {
			add(r.slidesPage(a))
			continue
		}
		p := add(newPage(r, KindPage, a.Slug+"/", a.Title))
		p.Article, p.Description, p.Nav = a, description(a), a.Slug
	}

	areas := add(newPage(r, KindAreas, "omrader/", "Helseforetaksområdene"))
	areas.Nav, areas.Description = "omrader", "Søknader, deltakere og ALIS-stillinger i de fire helseforetaksområdene i Nord-Norge."
	areas.Charts = r.chartViews(areas, mapAllID)
	for i := range s.Areas {
		a := &s.Areas[i]
		p := add(newPage(r, KindArea, "omrader/"+a.ID+"/", a.Name))
		p.Area, p.Nav = a, "omrader"
		p.Description = fmt.Sprintf("ALIS-Nord i %s: søknader, deltakere og ALIS-stillinger.", a.Name)
		p.Crumbs = []Crumb{{"Områder", "omrader/"}}
		p.Charts = r.areaCharts(p, a)
		p.Progress = r.chartViews(p, progressID+"-"+a.ID)
	}
	parts := add(newPage(r, KindParticipants, "deltakere/", "Deltakerne"))
	parts.Nav, parts.Description = "deltakere", "Kommunene som deltar i ALIS-Nord, med ALIS-stillingene sine."
	for i := range s.Participants {
		pt := &s.Participants[i]
		p := add(newPage(r, KindParticipant, "deltakere/"+pt.ID+"/", pt.Name))
		p.Participant, p.Nav = pt, "deltakere"
		p.Description = fmt.Sprintf("%s i ALIS-Nord: %d %s.", pt.Name, pt.Positions, plural(pt.Positions, "ALIS-stilling", "ALIS-stillinger"))
		p.Crumbs = []Crumb{{"Deltakere", "deltakere/"}}
		p.Charts = r.participantCharts(p, pt)
	}
	stats := add(newPage(r, KindStats, "statistikk/", "Statistikk"))
	stats.Nav, stats.Description = "statistikk", "Søknader, kommuner, innbyggere og ALIS-stillinger per helseforetaksområde, som figurer og tabeller."
	stats.Charts = r.chartViews(stats, chartOrder...)
	stats.Progress = r.chartViews(stats, progressID)
	project := add(newPage(r, KindProject, "prosjektet/", "Prosjektet"))
	project.Nav, project.Description = "prosjektet", "Mål, organisering og finansiering av ALIS-Nord."
	events := add(newPage(r, KindEvents, "hendelser/", "Hendelser"))
	events.Nav, events.Description = "hendelser", "Viktige datoer i ALIS-Nord."
	out = append(out, r.conferencePages()...)
	add(r.searchPage(archive))
	add(r.englishPage(front))
	notFound := add(newPage(r, KindNotFound, "404.html", "Fant ikke siden"))
	notFound.root = siteRootPath(s.Settings.BaseURL)
	out = slices.Insert(out, at, articles()...)
	chrome := &chromeCache{}
	for _, p := range out {
		p.chrome = chrome
	}
	return out
}

// articlePages starts making the pages of the news articles (newest
// first) on every core, while the caller makes the other pages, and
// returns a function that waits for them. Each page goes into its own
// slot, so the order never depends on scheduling: a dev server's edit
// makes all of them. (Pages are allocated one by one: one large block of
// them costs more in first touches of fresh memory than it saves.)
// relatedNews is safe for concurrent use (each article's memo slot is its
// own, the index is made once and then only read), and nothing else of
// the engine is used while pages are made.
func (r *renderer) articlePages(articles []*site.Article) (wait func() []*Page) {
	out := make([]*Page, len(articles))
	crumbs := []Crumb{{"Nyheter", "nyheter/"}} // one trail for all, never changed
	var wg sync.WaitGroup
	wg.Go(func() {
		related := r.memo.relatedNews(articles)
		n := runtime.GOMAXPROCS(0)
		for w := range n {
			wg.Go(func() {
				for i := w; i < len(articles); i += n {
					a := articles[i]
					p := newFolderPage(r, KindArticle, a.Slug, a.Title)
					p.Article, p.Description, p.Nav = a, description(a), "nyheter"
					p.Crumbs = crumbs[:1:1]
					p.Related = related(i)
					out[i] = p
				}
			})
		}
	})
	return func() []*Page {
		wg.Wait()
		return out
	}
}

// listPages paginates articles at the site's page size: url, url+"side/2/" …
func (r *renderer) listPages(kind Kind, url, title, nav string, articles []*site.Article, tag *site.Tag) []*Page {
	size := r.site.Settings.PageSize
	total := max(1, (len(articles)+size-1)/size)
	pageURL := func(n int) string {
		if n == 1 {
			return url
		}
		return url + "side/" + strconv.Itoa(n) + "/"
	}
	description := "Nyheter fra ALIS-Nord."
	if tag != nil {
		description = "Nyheter fra ALIS-Nord om " + tag.Name + "."
	}
	var crumbs []Crumb // one trail for the tag's pages, never changed
	if tag != nil {
		crumbs = []Crumb{{"Emner", "tagger/"}}
	}
	out := make([]*Page, total)
	for n := 1; n <= total; n++ {
		p := newPage(r, kind, pageURL(n), title)
		p.Nav, p.Tag = nav, tag
		p.Articles = articles[(n-1)*size : min(n*size, len(articles))]
		p.Pager = &Pager{Number: n, Total: total}
		if n > 1 {
			p.Pager.PrevURL = pageURL(n - 1)
			p.Title = title + " – side " + strconv.Itoa(n)
		}
		if n < total {
			p.Pager.NextURL = pageURL(n + 1)
		}
		p.Description = description
		p.Crumbs = crumbs[:len(crumbs):len(crumbs)]
		out[n-1] = p
	}
	return out
}

func firstN(a []*site.Article, n int) []*site.Article { return a[:min(n, len(a))] }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// siteRootPath is the base URL's path ("/" or "/alis-nord/"): the 404 page
// is served at any depth, so its links start from the site root.
func siteRootPath(base string) string {
	u, err := url.Parse(base)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}
