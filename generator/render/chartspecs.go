package render

import (
	"fmt"

	"alisnord/generator/chart"
	"alisnord/generator/site"
)

// siteCharts builds every chart from the model: the seven on the statistics
// page and one per area showing its participants' positions.
func siteCharts(s *site.Site) []*chartData {
	if len(s.Areas) == 0 {
		return nil
	}
	names := make([]string, len(s.Areas))
	for i, a := range s.Areas {
		names[i] = a.Name
	}
	perArea := func(f func(a *site.Area) float64) []float64 {
		v := make([]float64, len(s.Areas))
		for i := range s.Areas {
			v[i] = f(&s.Areas[i])
		}
		return v
	}
	apps := perArea(func(a *site.Area) float64 { return float64(a.Applications) })
	out := []*chartData{
		simpleAreaChart(s, "soknader-per-omrade", "Søknader per helseforetaksområde", "Søknader", "søknader",
			names, apps, sourceOf(s, s.Areas[0].ApplicationsSource)),
		simpleAreaChart(s, "kommuner-per-omrade", "Søkerkommuner per helseforetaksområde", "Kommuner", "kommuner",
			names, perArea(func(a *site.Area) float64 { return a.Municipalities }), sourceOf(s, s.Areas[0].ApplicationsSource)),
		simpleAreaChart(s, "innbyggere-per-omrade", "Innbyggere i søkerkommunene per helseforetaksområde", "Innbyggere", "innbyggere",
			names, perArea(func(a *site.Area) float64 { return float64(a.Population) }), sourceOf(s, s.Areas[0].PopulationSource)),
		positionsByModel(s, names),
		offersChart(s, names, apps),
		recruitmentChart(s, names),
		shareChart(s),
	}
	areaPos := make([]site.Pos, len(s.Areas))
	for i := range s.Areas {
		areaPos[i] = s.Areas[i].Pos
	}
	for _, c := range out {
		if &c.Spec.Categories[0] == &names[0] { // a category per area
			c.catPos = areaPos
		}
	}
	for i := range s.Areas {
		out = append(out, areaPositions(s, &s.Areas[i]))
	}
	return out
}

// participantsSource is the id in data/sources.toml of the list of
// participants and their positions; the position charts cite it.
const participantsSource = "deltakere-2019"

// sourceOf describes the source with the given id for a chart's source
// line, or says it is not given.
func sourceOf(s *site.Site, id string) string {
	for _, src := range s.Sources {
		if src.ID == id {
			return fmt.Sprintf("%s, %s. %s.", src.Name, FormatDate(src.Date), src.What)
		}
	}
	return Unknown
}

// table fills the header, rows and totals of c from its spec.
func (c *chartData) table(first string, total bool) {
	c.Head = []string{first}
	for _, ser := range c.Spec.Series {
		c.Head = append(c.Head, ser.Name)
	}
	sums := make([]float64, len(c.Spec.Series))
	for i, cat := range c.Spec.Categories {
		row := []string{cat}
		for j, ser := range c.Spec.Series {
			row = append(row, FormatDecimal(ser.Values[i])+c.Spec.Unit)
			sums[j] += ser.Values[i]
		}
		c.Rows = append(c.Rows, row)
	}
	if total {
		c.Foot = []string{"Sum"}
		for _, v := range sums {
			c.Foot = append(c.Foot, FormatDecimal(v)+c.Spec.Unit)
		}
	}
}

// largest returns the index of the largest value (the first, on a tie).
func largest(v []float64) int {
	best := 0
	for i := range v {
		if v[i] > v[best] {
			best = i
		}
	}
	return best
}

func sum(v []float64) float64 {
	t := 0.0
	for _, x := range v {
		t += x
	}
	return t
}

func simpleAreaChart(s *site.Site, id, title, series, noun string, names []string, v []float64, source string) *chartData {
	top := largest(v)
	c := &chartData{Source: source, Spec: chart.Spec{ID: id, Title: title, Kind: chart.Bar, Categories: names,
		Series: []chart.Series{{Name: series, Values: v}}}}
	c.Summary = fmt.Sprintf("%s har flest %s, %s av %s i alt.", names[top], noun, FormatDecimal(v[top]), FormatDecimal(sum(v)))
	c.Spec.Desc = c.Summary
	c.table("Område", true)
	return c
}

// positionsByModel stacks each area's positions by contract model, with the
// positions whose model is not given as a category of their own.
func positionsByModel(s *site.Site, names []string) *chartData {
	models := []string{site.ModelFastlonn, site.ModelNaering, ""}
	labels := map[string]string{site.ModelFastlonn: "Fastlønn", site.ModelNaering: "Næring", "": "Ikke oppgitt"}
	var series []chart.Series
	unknown := 0.0
	for _, m := range models {
		v := make([]float64, len(s.Areas))
		for i := range s.Areas {
			for _, p := range s.Areas[i].Participants {
				for _, slot := range p.Slots() {
					if slot.Model == m {
						v[i]++
					}
				}
			}
		}
		if m == "" {
			unknown = sum(v)
		}
		series = append(series, chart.Series{Name: labels[m], Values: v, Stack: "stillinger"})
	}
	total := float64(s.Project.Totals.Positions)
	c := &chartData{Source: sourceOf(s, participantsSource), Spec: chart.Spec{ID: "stillinger-per-omrade",
		Title: "ALIS-stillinger per helseforetaksområde, etter avtaleform", Kind: chart.Bar, Categories: names, Series: series}}
	c.Summary = fmt.Sprintf("Av %s ALIS-stillinger er avtaleformen ikke oppgitt for %s.", FormatDecimal(total), FormatDecimal(unknown))
	if unknown == 0 {
		c.Summary = fmt.Sprintf("Alle %s ALIS-stillingene har oppgitt avtaleform.", FormatDecimal(total))
	}
	c.Spec.Desc = c.Summary
	c.table("Område", true)
	return c
}

func offersChart(s *site.Site, names []string, apps []float64) *chartData {
	offers := make([]float64, len(s.Areas))
	best, bestShare := 0, -1.0
	for i := range s.Areas {
		offers[i] = float64(len(s.Areas[i].Participants))
		if apps[i] > 0 && offers[i]/apps[i] > bestShare {
			best, bestShare = i, offers[i]/apps[i]
		}
	}
	c := &chartData{Source: sourceOf(s, participantsSource), Spec: chart.Spec{ID: "tilbud-mot-soknader",
		Title: "Tilbud om deltakelse mot søknader, per helseforetaksområde", Kind: chart.Bar, Categories: names,
		Series: []chart.Series{{Name: "Søknader", Values: apps}, {Name: "Tilbud", Values: offers}}}}
	c.Summary = fmt.Sprintf("%s av %s søknader endte med tilbud og bekreftet deltakelse; %s fikk høyest andel, %s av %s.",
		FormatDecimal(sum(offers)), FormatDecimal(sum(apps)), names[best], FormatDecimal(offers[best]), FormatDecimal(apps[best]))
	c.Spec.Desc = c.Summary
	c.table("Område", true)
	return c
}
