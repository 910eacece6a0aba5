package render

import (
	"bytes"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"alisnord/generator/site"
)

// view is the site's figures as of one day as pages show them: the values
// of {{< tall … >}} and the charts. Data pages use the latest view. A page
// whose figures are as of a day (a news article: its date; a slide deck:
// its event's) uses the dated view of that day's epoch, the newest data
// date on or before it, so data added later never changes the page; its
// downloads carry the epoch in their names.
type view struct {
	fig     *site.Figures
	figures map[string]string
	suffix  string          // "" for the latest view; "-per-2019-04-01" for a dated one
	charts  map[string]bool // the charts its pages' chart blocks name
}

// buildViews makes the latest view and one dated view per epoch that a
// page asks for; charts are built for them by buildCharts.
func (r *renderer) buildViews() {
	s := r.site
	latest := s.Latest()
	r.latest = &view{fig: latest, figures: figures(s, latest)}
	r.figures = r.latest.figures
	r.dated = map[time.Time]*view{}
	r.epochs = make(map[*site.Article]time.Time, len(s.Articles)+len(s.Pages))
	dates := s.DataDates()
	for _, list := range [][]*site.Article{s.Articles, s.Pages} {
		for _, a := range list {
			day := r.figuresDay(a)
			if day.IsZero() {
				continue
			}
			e := epochOf(dates, day)
			r.epochs[a] = e
			v := r.dated[e]
			if v == nil {
				f := s.AsOf(e)
				v = &view{fig: f, figures: figures(s, f), suffix: "-per-" + e.Format("2006-01-02"), charts: map[string]bool{}}
				r.dated[e] = v
			}
			for _, n := range r.memo.chartsIn(a) {
				v.charts[n] = true
			}
		}
	}
}

// figuresDay is the day an article's figures are as of, or zero for the
// newest: tall_per, a news article's date, a slide deck's event's date.
func (r *renderer) figuresDay(a *site.Article) time.Time {
	switch {
	case a.FiguresLatest:
		return time.Time{}
	case !a.FiguresAt.IsZero():
		return a.FiguresAt
	case a.Layout == site.LayoutSlideDeck:
		if c := conference(r.site); c != nil {
			return c.Date
		}
	}
	return time.Time{}
}

// epochOf returns the newest of the sorted dates on or before day; zero
// when there is none.
func epochOf(dates []time.Time, day time.Time) time.Time {
	day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
	i := sort.Search(len(dates), func(i int) bool { return dates[i].After(day) })
	if i == 0 {
		return time.Time{}
	}
	return dates[i-1]
}

// viewOf returns the view page p shows its figures in.
func (r *renderer) viewOf(p *Page) *view {
	if p.Article != nil {
		if e, ok := r.epochs[p.Article]; ok {
			return r.dated[e]
		}
	}
	return r.latest
}

// viewKeys lists the dated views in date order, with whether each has
// charts, for the dev server's fingerprint of the data.
func (r *renderer) viewKeys() []string {
	var out []string
	for _, v := range r.dated {
		out = append(out, v.suffix+":"+strings.Join(sortedNames(v.charts), ","))
	}
	sort.Strings(out)
	return out
}

// chartKey is the key of chart id of view v in renderer.charts.
func chartKey(id string, v *view) string { return id + v.suffix }

func sortedDates[V any](m map[time.Time]V) []time.Time {
	out := make([]time.Time, 0, len(m))
	for d := range m {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// chartNames adds the name of every chart block in a Markdown body to
// names: lines that start, after indentation and quote marks, with
// ```chart NAME. It reads more lines as chart blocks than goldmark might
// (one inside another code block, say), never fewer, so a dated view
// always has the charts its pages show.
func chartNames(body []byte, names map[string]bool) {
	for len(body) > 0 {
		var line []byte
		line, body, _ = bytes.Cut(body, []byte("\n"))
		line = bytes.TrimLeft(line, " \t>")
		rest, ok := bytes.CutPrefix(line, []byte("```"))
		if !ok {
			rest, ok = bytes.CutPrefix(line, []byte("~~~"))
		}
		if !ok {
			continue
		}
		fields := strings.Fields(strings.TrimLeft(string(rest), "`~ "))
		if len(fields) > 1 && fields[0] == "chart" {
			names[fields[1]] = true
		}
	}
}

// hasCharts tells whether the view of article a has every chart body
// names; the latest view has all charts.
func (r *renderer) hasCharts(a *site.Article, body []byte) bool {
	e, ok := r.epochs[a]
	if !ok {
		return true
	}
	names := map[string]bool{}
	chartNames(body, names)
	for n := range names {
		if !r.dated[e].charts[n] {
			return false
		}
	}
	return true
}

// sortedNames lists the keys of m in order, so output and messages never
// depend on map order.
func sortedNames[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
