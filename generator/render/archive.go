package render

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"alisnord/generator/norsk"
	"alisnord/generator/site"
)

// ArchiveYear is one year of news in the archive: nyheter/<year>/.
type ArchiveYear struct {
	Year   int
	URL    string // site path, e.g. "nyheter/2019/"
	Count  int
	Months []ArchiveMonth // newest first; only on the year's own page
}

// ArchiveMonth is one month of a year's news, newest article first.
type ArchiveMonth struct {
	Name     string // "August", a heading
	ID       string // "august", the heading's id
	Articles []*site.Article
}

// archiveYears groups the news (newest first) by year and month.
func archiveYears(articles []*site.Article) []ArchiveYear {
	var out []ArchiveYear
	for _, a := range articles {
		y, m := a.Date.Year(), a.Date.Month()
		if len(out) == 0 || out[len(out)-1].Year != y {
			out = append(out, ArchiveYear{Year: y, URL: "nyheter/" + strconv.Itoa(y) + "/"})
		}
		year := &out[len(out)-1]
		year.Count++
		if n := len(year.Months); n == 0 || year.Months[n-1].ID != norsk.MonthName(m) {
			name := norsk.MonthName(m)
			year.Months = append(year.Months, ArchiveMonth{Name: strings.ToUpper(name[:1]) + name[1:], ID: name})
		}
		month := &year.Months[len(year.Months)-1]
		month.Articles = append(month.Articles, a)
	}
	return out
}

// archivePages are the archive's pages, one a year, each listing the
// year's news by month and linking every other year. years is what the
// news list shows too.
func (r *renderer) archivePages(years []ArchiveYear) []*Page {
	index := make([]ArchiveYear, len(years))
	for i, y := range years {
		y.Months = nil
		index[i] = y
	}
	out := make([]*Page, len(years))
	for i := range years {
		y := years[i]
		p := newPage(r, KindArchive, y.URL, fmt.Sprintf("Nyheter fra %d", y.Year))
		p.Nav, p.Year, p.Years = "nyheter", &y, index
		p.Description = fmt.Sprintf("Alle nyhetene fra ALIS-Nord i %d, måned for måned.", y.Year)
		p.Crumbs = []Crumb{{"Nyheter", "nyheter/"}}
		out[i] = p
	}
	return out
}

// relatedSize is how many related articles an article shows.
const relatedSize = 3

// related lists up to relatedSize other news articles that share tags
// with a: most shared tags first, then the newest.
func related(all []*site.Article, a *site.Article) []*site.Article {
	tags := map[string]bool{}
	for _, t := range a.Tags {
		tags[site.Slugify(t)] = true
	}
	type scored struct {
		a      *site.Article
		shared int
	}
	var found []scored
	for _, b := range all { // newest first, so ties keep that order
		if b == a {
			continue
		}
		n := 0
		for _, t := range b.Tags {
			if tags[site.Slugify(t)] {
				n++
			}
		}
		if n > 0 {
			found = append(found, scored{b, n})
		}
	}
	slices.SortStableFunc(found, func(x, y scored) int { return y.shared - x.shared })
	out := make([]*site.Article, 0, min(relatedSize, len(found)))
	for _, f := range found[:min(relatedSize, len(found))] {
		out = append(out, f.a)
	}
	return out
}

// NewsItem is one article in a list of news, as the "newsitem" partial
// shows it: Level is its heading's level (2, or 3 below a month).
type NewsItem struct {
	Page    *Page
	Article *site.Article
	Level   int
}

// Item returns article a as an item of a list of news on this page.
func (p *Page) Item(a *site.Article, level int) NewsItem { return NewsItem{p, a, level} }
