package render

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

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
// per build: each article's place among the news, and the news under each
// of the tags' slugs. An article's related news are found by counting,
// over the lists of its tags, how often each place occurs, without a pass
// over the whole archive.
type relatedIndex struct {
	all    []*site.Article // newest first
	place  map[*site.Article]int
	bySlug map[string][]int32 // places, ascending; a place twice when the article has the tag in two spellings
	counts sync.Pool          // *[]int32, len(all): shared tags by place, all zero between calls
}

func newRelatedIndex(all []*site.Article) *relatedIndex {
	x := &relatedIndex{all: all, place: make(map[*site.Article]int, len(all)), bySlug: map[string][]int32{}}
	for i, b := range all {
		for _, slug := range b.TagSlugs() {
			x.bySlug[slug] = append(x.bySlug[slug], int32(i))
		}
		x.place[b] = i
	}
	x.counts.New = func() any { c := make([]int32, len(all)); return &c }
	return x
}

// relatedCandidate is a news article that shares tags with the one whose related
// news are sought: its place and how many tags it shares.
type relatedCandidate struct{ place, shared int }

// related is the package function related for an article of the index:
// up to relatedSize others, most shared tags first (a tag the other has in
// two spellings counts twice), then the newest. A first pass over the
// lists of a's tags counts each place's occurrences; a second takes the
// best and sets the counts back to zero.
func (x *relatedIndex) related(a *site.Article) []*site.Article {
	self, ok := x.place[a]
	if !ok {
		self = -1
	}
	var lists [][]int32
	for i, slug := range a.TagSlugs() {
		if l := x.bySlug[slug]; len(l) > 0 && !slices.Contains(a.TagSlugs()[:i], slug) {
			lists = append(lists, l)
		}
	}
	cp := x.counts.Get().(*[]int32)
	counts := *cp
	for _, l := range lists {
		for _, p := range l {
			counts[p]++
		}
	}
	var best []relatedCandidate // at most relatedSize, best first
	for _, l := range lists {
		for _, p := range l {
			if n := counts[p]; n > 0 {
				counts[p] = 0
				if int(p) != self {
					best = keepBest(best, relatedCandidate{int(p), int(n)})
				}
			}
		}
	}
	x.counts.Put(cp)
	out := make([]*site.Article, len(best))
	for i, c := range best {
		out[i] = x.all[c.place]
	}
	return out
}

// keepBest puts c into best, which is ordered by shared tags, most first,
// and then by place, newest first. best keeps at most relatedSize.
func keepBest(best []relatedCandidate, c relatedCandidate) []relatedCandidate {
	i := len(best)
	for i > 0 && (best[i-1].shared < c.shared || best[i-1].shared == c.shared && best[i-1].place > c.place) {
		i--
	}
	if i >= relatedSize {
		return best
	}
	best = slices.Insert(best, i, c)
	return best[:min(len(best), relatedSize)]
}

// NewsItem is one article in a list of news, as the "newsitem" partial
// shows it: Level is its heading's level (2, or 3 below a month). The
// rest is worked out once here, not by method calls in the template: a
// news list is the template the archive and tag pages run most. The
// article's title and summary are fields of their own too, since
// text/template finds a field of the embedded site.Meta by a slow search
// (a year of the archive lists some 500 items).
type NewsItem struct {
	Page    *Page
	Article *site.Article
	Level   int
	Sub     bool     // Level is 3: the item is below a month's heading
	Title   string   // Article.Title
	Summary string   // Article.Summary
	Href    string   // the link to the article from Page
	Thumb   *Picture // Page.Thumb(Article)
	Badges  []string // Page.Badges(Article)
	Date    string   // the publication date as the reader reads it (norsk.Date)
	ISO     string   // the publication date as YYYY-MM-DD, for datetime
}

// Item returns article a as an item of a list of news on this page.
func (p *Page) Item(a *site.Article, level int) NewsItem {
	return NewsItem{Page: p, Article: a, Level: level, Sub: level == 3, Title: a.Title, Summary: a.Summary, Href: p.Rel(a.URL()), Thumb: p.Thumb(a),
		Badges: p.Badges(a), Date: norsk.Date(a.Date), ISO: a.Date.Format("2006-01-02")}
}
