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
	return newRelatedIndex(all).related(a)
}

// relatedIndex holds what related needs of every article, computed once
// per build: each article's tags as slugs, its place among the news, and
// the news under each slug. Looking only at the news that share a tag
// keeps an article's list from costing a pass over the whole archive.
type relatedIndex struct {
	all    []*site.Article // newest first
	slugs  map[*site.Article][]string
	place  map[*site.Article]int
	bySlug map[string][]int // places, ascending, each once
}

func newRelatedIndex(all []*site.Article) *relatedIndex {
	x := &relatedIndex{all: all, slugs: make(map[*site.Article][]string, len(all)),
		place: make(map[*site.Article]int, len(all)), bySlug: map[string][]int{}}
	for i, b := range all {
		slugs := make([]string, len(b.Tags))
		for j, t := range b.Tags {
			slugs[j] = site.Slugify(t)
			if places := x.bySlug[slugs[j]]; len(places) == 0 || places[len(places)-1] != i {
				x.bySlug[slugs[j]] = append(places, i)
			}
		}
		x.slugs[b], x.place[b] = slugs, i
	}
	return x
}

// related is the package function related for an article of the index.
func (x *relatedIndex) related(a *site.Article) []*site.Article {
	slugs, ok := x.slugs[a]
	if !ok {
		slugs = make([]string, len(a.Tags))
		for j, t := range a.Tags {
			slugs[j] = site.Slugify(t)
		}
	}
	tags := map[string]bool{}
	var places []int
	for _, t := range slugs {
		if !tags[t] {
			tags[t] = true
			places = append(places, x.bySlug[t]...)
		}
	}
	slices.Sort(places) // newest first, so ties keep that order
	places = slices.Compact(places)
	type scored struct {
		a      *site.Article
		shared int
	}
	var found []scored
	for _, i := range places {
		b := x.all[i]
		if b == a {
			continue
		}
		n := 0
		for _, t := range x.slugs[b] {
			if tags[t] {
				n++
			}
		}
		found = append(found, scored{b, n})
	}
	slices.SortStableFunc(found, func(x, y scored) int { return y.shared - x.shared })
	out := make([]*site.Article, 0, min(relatedSize, len(found)))
	for _, f := range found[:min(relatedSize, len(found))] {
		out = append(out, f.a)
	}
	return out
}

// NewsItem is one article in a list of news, as the "newsitem" partial
// shows it: Level is its heading's level (2, or 3 below a month). The
// rest is worked out once here, not by method calls in the template: a
// news list is the template the archive and tag pages run most.
type NewsItem struct {
	Page    *Page
	Article *site.Article
	Level   int
	Href    string   // the link to the article from Page
	Thumb   *Picture // Page.Thumb(Article)
	Badges  []string // Page.Badges(Article)
	Date    string   // the publication date as the reader reads it (norsk.Date)
	ISO     string   // the publication date as YYYY-MM-DD, for datetime
}

// Item returns article a as an item of a list of news on this page.
func (p *Page) Item(a *site.Article, level int) NewsItem {
	return NewsItem{Page: p, Article: a, Level: level, Href: p.Rel(a.URL()), Thumb: p.Thumb(a),
		Badges: p.Badges(a), Date: norsk.Date(a.Date), ISO: a.Date.Format("2006-01-02")}
}
