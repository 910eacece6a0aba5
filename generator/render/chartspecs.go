package render

import (
	"fmt"

	"alisnord/generator/chart"
	"alisnord/generator/norsk"
	"alisnord/generator/site"
)

// siteCharts builds every chart from the figures f: the seven on the
// statistics page, one per area showing its participants' positions, and
// the progress over time. A chart whose figures are not known as of f's
// day is left out.
func siteCharts(s *site.Site, f *site.Figures) []*chartData {
	if len(s.Areas) == 0 {
		return nil
	}
	names := make([]string, len(s.Areas))
	for i, a := range s.Areas {
		names[i] = a.Name
	}
	perArea := func(pick func(*site.AreaFigures) site.Measure) []float64 {
		v := make([]float64, len(f.Areas))
		for i := range f.Areas {
			v[i] = pick(&f.Areas[i]).Value
		}
		return v
	}
	apps := perArea(site.Applications)
	all := []*chartData{
		simpleAreaChart(s, f.Total(site.Applications), "soknader-per-omrade", "Søknader per helseforetaksområde", "Søknader", "søknader",
			names, apps),
		simpleAreaChart(s, f.Total(site.Municipalities), "kommuner-per-omrade", "Søkerkommuner per helseforetaksområde", "Kommuner", "kommuner",
			names, perArea(site.Municipalities)),
		simpleAreaChart(s, f.Total(site.Population), "innbyggere-per-omrade", "Innbyggere i søkerkommunene per helseforetaksområde", "Innbyggere", "innbyggere",
			names, perArea(site.Population)),
	}
	if !f.Date.Before(s.SourceDate(participantsSource)) { // the other charts show the participants
		all = append(all, positionsByModel(s, f, names), offersChart(s, f, names, apps),
			recruitmentChart(s, f, names), shareChart(s, f))
	}
	areaPos := make([]site.Pos, len(s.Areas))
	for i := range s.Areas {
		areaPos[i] = s.Areas[i].Pos
	}
	for _, c := range all {
		if c != nil && len(c.Spec.Categories) > 0 && &c.Spec.Categories[0] == &names[0] { // a category per area
			c.catPos = areaPos
		}
	}
	if !f.Date.Before(s.SourceDate(participantsSource)) {
		for i := range s.Areas {
			all = append(all, areaPositions(s, &s.Areas[i]))
		}
		all = append(all, progressCharts(s, f)...)
	}
	var out []*chartData
	for _, c := range all {
		if c != nil {
			out = append(out, c)
		}
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
			return fmt.Sprintf("%s, %s. %s.", src.Name, norsk.Date(src.Date), src.What)
		}
	}
	return norsk.Unknown
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
			row = append(row, norsk.WithUnit(norsk.Decimal(ser.Values[i]), c.Spec.Unit))
			sums[j] += ser.Values[i]
		}
		c.Rows = append(c.Rows, row)
	}
	if total {
		c.Foot = []string{"Sum"}
		for _, v := range sums {
			c.Foot = append(c.Foot, norsk.WithUnit(norsk.Decimal(v), c.Spec.Unit))
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

func simpleAreaChart(s *site.Site, t site.Total, id, title, series, noun string, names []string, v []float64) *chartData {
	if !t.Known {
		return nil
	}
	top := largest(v)
	c := &chartData{Source: sourcesOf(s, t.Sources), AsOf: t.Date, Spec: chart.Spec{ID: id, Title: title, Kind: chart.Bar, Categories: names,
		Series: []chart.Series{{Name: series, Values: v, Color: colourApplicants}}}}
	c.Summary = fmt.Sprintf("%s har flest %s, %s av %s i alt.", names[top], noun, norsk.Decimal(v[top]), norsk.Decimal(sum(v)))
	c.Spec.Desc = c.Summary
	c.table("Område", true)
	return c
}

// positionsByModel stacks each area's positions by contract model, with the
// positions whose model is not given as a category of their own.
func positionsByModel(s *site.Site, f *site.Figures, names []string) *chartData {
	models := []site.ContractModel{site.ContractSalaried, site.ContractSelfEmployed, ""}
	labels := map[site.ContractModel]string{site.ContractSalaried: "Fastlønn", site.ContractSelfEmployed: "Næring", "": "Ikke oppgitt"}
	var series []chart.Series
	unknown := 0.0
	for _, m := range models {
		v := make([]float64, len(f.Areas))
		for i := range f.Areas {
			for _, p := range f.Areas[i].Positions {
				if p.Model == m {
					v[i]++
				}
			}
		}
		if m == "" {
			unknown = sum(v)
		}
		series = append(series, chart.Series{Name: labels[m], Values: v, Stack: "stillinger", Color: modelColours[m]})
	}
	total := float64(s.Project.Totals.Positions)
	c := &chartData{Source: positionsSource(s, f), AsOf: positionsDate(s, f), Spec: chart.Spec{ID: "stillinger-per-omrade",
		Title: "ALIS-stillinger per helseforetaksområde, etter avtaleform", Kind: chart.Bar, Categories: names, Series: series}}
	c.Summary = fmt.Sprintf("Av %s ALIS-stillinger er avtaleformen ikke oppgitt for %s.", norsk.Decimal(total), norsk.Decimal(unknown))
	if unknown == 0 {
		c.Summary = fmt.Sprintf("Alle %s ALIS-stillingene har oppgitt avtaleform.", norsk.Decimal(total))
	}
	c.Spec.Desc = c.Summary
	c.table("Område", true)
	return c
}

func offersChart(s *site.Site, f *site.Figures, names []string, apps []float64) *chartData {
	t := f.Total(site.Applications)
	if !t.Known {
		return nil
	}
	offers := make([]float64, len(s.Areas))
	best, bestShare := 0, -1.0
	for i := range s.Areas {
		offers[i] = float64(len(s.Areas[i].Participants))
		if apps[i] > 0 && offers[i]/apps[i] > bestShare {
			best, bestShare = i, offers[i]/apps[i]
		}
	}
	c := &chartData{Source: sourcesOf(s, append(t.Sources, participantsSource)), AsOf: later(t.Date, s.SourceDate(participantsSource)), Spec: chart.Spec{ID: "tilbud-mot-soknader",
		Title: "Tilbud om deltakelse mot søknader, per helseforetaksområde", Kind: chart.Bar, Categories: names,
		Series: []chart.Series{{Name: "Søknader", Values: apps, Color: colourApplicants}, {Name: "Tilbud", Values: offers, Color: colourOffers}}}}
	c.Summary = fmt.Sprintf("%s av %s søknader endte med tilbud og bekreftet deltakelse; %s fikk høyest andel, %s av %s.",
		norsk.Decimal(sum(offers)), norsk.Decimal(sum(apps)), names[best], norsk.Decimal(offers[best]), norsk.Decimal(apps[best]))
	c.Spec.Desc = c.Summary
	c.table("Område", true)
	return c
}
