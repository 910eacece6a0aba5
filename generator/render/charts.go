package render

import (
	"errors"
	"fmt"
	"html/template"
	"time"

	"alisnord/generator/chart"
	"alisnord/generator/diag"
	"alisnord/generator/norsk"
	"alisnord/generator/site"
)

// ChartRenderer renders chart specs to SVG; *chart.Renderer is the real one.
type ChartRenderer interface {
	Render(specs []chart.Spec) ([]string, error)
}

// chartData is one chart with everything shown beside it: the SVG, a
// one-sentence summary written from the data, the data as a table, the
// source, and the same data for download.
type chartData struct {
	Spec    chart.Spec
	Summary string
	Head    []string      // table header: the category column, then one per series
	Rows    [][]string    // formatted cells
	Foot    []string      // totals row, when the values add up to something meaningful
	Source  string        // the sources and dates actually used
	AsOf    time.Time     // the newest date of the data it shows: «Tall per …»
	SVG     template.HTML // drawn for a desktop column (chart.DefaultWidth)
	// SVGNarrow is the same chart drawn for a phone's width, so its text
	// stays legible instead of shrinking with a scaled-down wide drawing.
	SVGNarrow template.HTML
	CSV       []byte
	JSON      []byte
	File      string // the downloads' path without .csv or .json
	Note      string // a remark shown under the chart, such as a map's merged municipalities

	pos     diag.Pos   // the data entry the whole chart stands for, where there is one
	catPos  []diag.Pos // the data entry behind each category, where known
	problem string     // why the chart could not be drawn, for each page that shows it
	placed  bool       // it could not be drawn, and that is reported at its data entry
	shared  bool       // a highlighted copy: its downloads are the original's
}

// ChartView is a chart as one page shows it: download links are relative to
// that page.
type ChartView struct {
	*chartData
	CSVURL, JSONURL string
}

// chartDataDir is where the CSV and JSON downloads live.
const chartDataDir = "statistikk/data/"

// buildCharts builds every chart of the site (data, table, downloads)
// into r.charts, without the SVGs, and returns them in order for drawCharts.
func (r *renderer) buildCharts() []*chartData {
	views := []*view{r.latest}
	for _, e := range sortedDates(r.dated) {
		if v := r.dated[e]; len(v.charts) > 0 {
			views = append(views, v)
		}
	}
	r.charts = map[string]*chartData{}
	var all []*chartData
	for _, v := range views {
		for _, c := range siteCharts(r.site, v.fig) {
			if v != r.latest && !v.charts[c.Spec.ID] {
				continue // a dated view has only the charts its pages show
			}
			c.File = chartDataDir + chartKey(c.Spec.ID, v)
			c.CSV, c.JSON = chartCSV(c), chartJSON(c)
			r.charts[chartKey(c.Spec.ID, v)] = c
			all = append(all, c)
		}
	}
	for _, c := range mapCharts(r.site) { // maps show the participants as they are now
		c.File = chartDataDir + chartKey(c.Spec.ID, r.latest)
		c.JSON = chartJSON(c)
		r.charts[chartKey(c.Spec.ID, r.latest)] = c
		all = append(all, c)
	}
	return r.addHighlights(all)
}

// addHighlights adds, for each area page, a copy of the chart it shows
// about every area with the area's own bars marked (chart.Spec.Highlight).
// A copy shares the original's downloads. Participants get none: a copy
// per participant would draw two charts more per participant in a cold
// build (some 90 ms of CPU each), which a site of hundreds cannot afford.
func (r *renderer) addHighlights(all []*chartData) []*chartData {
	add := func(baseID, suffix, category string) {
		base := r.charts[chartKey(baseID, r.latest)]
		if base == nil {
			return
		}
		c := *base
		c.Spec.ID, c.Spec.Highlight, c.shared = baseID+"-"+suffix, category, true
		r.charts[chartKey(c.Spec.ID, r.latest)] = &c
		all = append(all, &c)
	}
	for _, a := range r.site.Areas {
		add(offersID, a.ID, a.Name)
	}
	return all
}

// IsMap reports whether the chart is a map (drawn with the "map" partial).
func (c *chartData) IsMap() bool { return c.Spec.Kind == chart.Map }

// drawCharts renders the SVGs of all charts, each for a desktop column and
// for a phone, in one batch, so the chart renderer can spread them over its
// workers. Pages that show a chart wait for it (svgDone) while the rest of
// the site renders meanwhile. A chart that fails is reported at the data
// entry behind it when the failure lies in one category; otherwise it is
// marked, and every page that shows it reports it (chartProblems).
func (r *renderer) drawCharts(cr ChartRenderer, all []*chartData) diag.Diagnostics {
	if cr == nil {
		return nil
	}
	specs := make([]chart.Spec, 0, 2*len(all))
	for _, c := range all {
		specs = append(specs, c.Spec, narrow(c.Spec))
	}
	svgs, err := cr.Render(specs)
	var ds diag.Diagnostics
	if err != nil {
		ds = chartFailures(err, all)
	}
	for i, c := range all {
		if c.problem == "" && len(svgs) == len(specs) {
			// Built by package chart, which escapes all text.
			c.SVG, c.SVGNarrow = template.HTML(svgs[2*i]), template.HTML(svgs[2*i+1])
		}
	}
	return ds
}

// chartFailures marks the charts that err says failed, and returns the
// failures it can place at a data entry. Each chart is reported once,
// though its desktop and phone drawings may both fail.
func chartFailures(err error, all []*chartData) diag.Diagnostics {
	var failed chart.Errors
	if !errors.As(err, &failed) {
		for _, c := range all {
			c.problem = fmt.Sprintf("figuren %q kunne ikke tegnes: %v", c.Spec.ID, err)
		}
		return nil
	}
	var ds diag.Diagnostics
	for _, e := range failed {
		c := all[e.Index/2]
		if c.problem != "" || c.placed {
			continue // its other drawing failed first
		}
		c.problem = fmt.Sprintf("figuren %q kunne ikke tegnes: %s", c.Spec.ID, e.Msg)
		if pos := c.entry(e.Category); pos.Path != "" {
			ds.Add(pos, "%s", c.problem)
			c.problem = ""
			c.placed = true
		}
	}
	return ds
}

// entry is the data entry behind category cat of the chart, or behind the
// whole chart when cat is -1; an empty Pos when not known.
func (c *chartData) entry(cat int) diag.Pos {
	if cat >= 0 && cat < len(c.catPos) {
		return c.catPos[cat]
	}
	if cat < 0 {
		return c.pos
	}
	return diag.Pos{}
}

// chartProblems reports, at the page's template, the charts page p shows
// that could not be drawn for a reason no data entry explains.
func (r *renderer) chartProblems(p *Page) diag.Diagnostics {
	var ds diag.Diagnostics
	for _, v := range p.Charts {
		if v.problem != "" {
			ds.Add(diag.Pos{Path: pagesDir + "/" + string(p.Kind) + ".html"}, "%s", v.problem)
		}
	}
	return ds
}

// Size of the phone drawing of a chart, in CSS pixels: about the width of a
// phone's content column, so one SVG unit is about one screen pixel there.
const (
	narrowWidth  = 360
	narrowHeight = 320
)

// narrow returns spec drawn for a phone: its own element-id prefix, the
// phone width, and a height that keeps bars readable (an HBar still grows
// with its categories).
func narrow(spec chart.Spec) chart.Spec {
	spec.ID += "-smal"
	spec.Width = narrowWidth
	if spec.Kind != chart.HBar && spec.Kind != chart.Map {
		spec.Height = narrowHeight
	}
	return spec
}

// chartViews returns the named charts as page p shows them.
func (r *renderer) chartViews(p *Page, ids ...string) []ChartView {
	var out []ChartView
	v := r.viewOf(p)
	for _, id := range ids {
		if c := r.charts[chartKey(id, v)]; c != nil {
			out = append(out, ChartView{c, p.Rel(c.File + ".csv"), p.Rel(c.File + ".json")})
		}
	}
	return out
}

func (r *renderer) areaCharts(p *Page, a *site.Area) []ChartView {
	return r.chartViews(p, mapAllID+"-"+a.ID, areaPositionsID+a.ID, offersID+"-"+a.ID)
}

func (r *renderer) participantCharts(p *Page, pt *site.Participant) []ChartView {
	return r.chartViews(p, areaPositionsID+pt.Area)
}

// chartHTML renders a chart block inside Markdown on page p, once the
// SVGs are drawn. known is false for a name that is no chart; problem says
// why a known chart cannot be shown there.
func (r *renderer) chartHTML(p *Page) func(string) (html, problem string, known bool) {
	return func(name string) (string, string, bool) {
		<-r.svgDone
		views := r.chartViews(p, name)
		if len(views) == 0 {
			h, ok := r.noFiguresYet(p, name)
			return h, "", ok
		}
		if views[0].problem != "" {
			return "", views[0].problem, true
		}
		if views[0].placed || r.tmpl == nil {
			return "", "", true // reported at its data entry, or no templates to show it with
		}
		h, err := r.tmpl.partial("chart", views[0])
		if err != nil {
			return "", templateDiag(err, r.tmpl).String(), true
		}
		return h, "", true
	}
}

// noFiguresYet is a chart block's honest empty state on a page whose day
// is before the chart's first figures; false when no such chart exists.
func (r *renderer) noFiguresYet(p *Page, name string) (string, bool) {
	c := r.charts[name]
	if c == nil {
		return "", false
	}
	return fmt.Sprintf("<p class=\"chart-empty\">Figuren «%s» har ingen tall per %s.</p>\n",
		template.HTMLEscapeString(c.Spec.Title), norsk.Date(r.figuresDay(p.Article))), true
}
