package render

import (
	"fmt"

	"alisnord/generator/chart"
	"alisnord/generator/diag"
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
		simpleAreaChart(s, f.Total(site.Applications), chartApplications, "Søknader", "søknader", names, apps),
		simpleAreaChart(s, f.Total(site.Municipalities), chartMunicipalities, "Kommuner", "kommuner", names, perArea(site.Municipalities)),
		simpleAreaChart(s, f.Total(site.Population), chartPopulation, "Innbyggere", "innbyggere", names, perArea(site.Population)),
	}
	if !f.Date.Before(s.SourceDate(participantsSource)) { // the other charts show the participants
		all = append(all, positionsByModel(s, f, names), offersChart(s, f, names, apps),
			recruitmentChart(s, f, names), shareChart(s, f))
	}
	areaPos := make([]diag.Pos, len(s.Areas))
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

// countPerArea counts, per area, the positions as of f that match.
func countPerArea(f *site.Figures, match func(site.PositionState) bool) []float64 {
	v := make([]float64, len(f.Areas))
	for i := range f.Areas {
		for _, p := range f.Areas[i].Positions {
			if match(p) {
				v[i]++
			}
		}
	}
	return v
}

func sum(v []float64) float64 {
	t := 0.0
	for _, x := range v {
		t += x
	}
	return t
}

func simpleAreaChart(s *site.Site, t site.Total, def chartDef, series, noun string, names []string, v []float64) *chartData {
	if !t.Known {
		return nil
	}
	top := largest(v)
	c := &chartData{Source: sourcesOf(s, t.Sources), AsOf: t.Date, Spec: def.spec(names,
		[]chart.Series{{Name: series, Values: v, Color: colourApplicants}})}
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
		v := countPerArea(f, func(p site.PositionState) bool { return p.Model == m })
		if m == "" {
			unknown = sum(v)
		}
		series = append(series, chart.Series{Name: labels[m], Values: v, Stack: "stillinger", Color: modelColours[m]})
	}
	total := float64(s.Project.Totals.Positions)
	c := &chartData{Source: positionsSource(s, f), AsOf: positionsDate(s, f), Spec: chartModels.spec(names, series)}
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
	c := &chartData{Source: sourcesOf(s, append(t.Sources, participantsSource)), AsOf: later(t.Date, s.SourceDate(participantsSource)), Spec: chartOffers.spec(names,
		[]chart.Series{{Name: "Søknader", Values: apps, Color: colourApplicants}, {Name: "Tilbud", Values: offers, Color: colourOffers}})}
	c.Summary = fmt.Sprintf("%s av %s søknader endte med tilbud og bekreftet deltakelse; %s fikk høyest andel, %s av %s.",
		norsk.Decimal(sum(offers)), norsk.Decimal(sum(apps)), names[best], norsk.Decimal(offers[best]), norsk.Decimal(apps[best]))
	c.Spec.Desc = c.Summary
	c.table("Område", true)
	return c
}

// recruitmentChart stacks each area's positions by status, with unknown
// status as its own category, beside the target: every position filled.
func recruitmentChart(s *site.Site, f *site.Figures, names []string) *chartData {
	var series []chart.Series
	counts := map[site.PositionStatus]float64{}
	for _, st := range statusOrder {
		v := countPerArea(f, func(p site.PositionState) bool { return p.Status == st })
		counts[st] = sum(v)
		series = append(series, chart.Series{Name: statusLabels[st], Values: v, Stack: "status", Color: statusColours[st]})
	}
	target := make([]float64, len(s.Areas))
	for i := range s.Areas {
		target[i] = float64(s.Areas[i].Positions())
	}
	targetName := "Mål: besatt"
	if e := findEvent(s, site.EventGoal); e != nil {
		targetName = "Mål: besatt " + dateAsKnown(e.Date, e.Precision)
	}
	series = append(series, chart.Series{Name: targetName, Values: target, Color: colourTarget})
	total := sum(target)
	c := &chartData{Source: positionsSource(s, f), AsOf: positionsDate(s, f), Spec: chartRecruitment.spec(names, series)}
	c.Summary = fmt.Sprintf("%s av %s stillinger er meldt besatt; for %s er status ikke oppgitt. Målet er alle %s besatt.",
		norsk.Decimal(counts[site.StatusFilled]), norsk.Decimal(total), norsk.Decimal(counts[""]), norsk.Decimal(total))
	c.Spec.Desc = c.Summary
	c.table("Område", true)
	return c
}

func findEvent(s *site.Site, kind site.EventKind) *site.Event {
	for i := range s.Events {
		if s.Events[i].Kind == kind {
			return &s.Events[i]
		}
	}
	return nil
}

// shareChart shows the applicant municipalities' share of Northern Norway's
// municipalities and of its population, as 100 % bars.
func shareChart(s *site.Site, f *site.Figures) *chartData {
	t := s.Project.Totals
	if f.Date.Before(s.SourceDate(t.Source)) {
		return nil
	}
	in := []float64{float64(t.MunicipalitySharePct), float64(t.PopulationSharePct)}
	out := []float64{100 - in[0], 100 - in[1]}
	c := &chartData{Source: sourceOf(s, t.Source) + " Andelene er oppgitt av prosjektet.", AsOf: s.SourceDate(t.Source), Spec: chartShare.spec([]string{"Kommuner", "Innbyggere"},
		[]chart.Series{{Name: "Søkte", Values: in, Stack: "andel", Color: colourApplicants}, {Name: "Søkte ikke", Values: out, Stack: "andel", Color: colourUnknown}})}
	c.Summary = fmt.Sprintf("%s av Nord-Norges %s kommuner søkte (%s); de har %s av innbyggerne i landsdelen.",
		norsk.Decimal(t.Municipalities), norsk.Int(t.NorthernMunicipalities),
		norsk.Percent(float64(t.MunicipalitySharePct)), norsk.Percent(float64(t.PopulationSharePct)))
	c.Spec.Desc = c.Summary
	c.table("Andel av", false)
	return c
}

// areaPositions shows the positions of each participant in one area.
func areaPositions(s *site.Site, a *site.Area) *chartData {
	var names []string
	var v []float64
	var where []diag.Pos
	for _, p := range a.Participants {
		names = append(names, p.Name)
		v = append(v, float64(p.Positions))
		where = append(where, p.Pos)
	}
	c := &chartData{Source: sourceOf(s, participantsSource), AsOf: s.SourceDate(participantsSource), Spec: chartAreaPositions.forArea(a).spec(names,
		[]chart.Series{{Name: "ALIS-stillinger i " + a.Name, Values: v, Color: AreaColor(s, a.ID)}})}
	var two []string
	for i, x := range v {
		if x >= 2 {
			two = append(two, names[i])
		}
	}
	c.Summary = fmt.Sprintf("%s har %s deltakere med %s ALIS-stillinger i alt.", a.Name, norsk.Int(len(names)), norsk.Decimal(sum(v)))
	if len(two) > 0 {
		c.Summary = fmt.Sprintf("%s har %s deltakere med %s ALIS-stillinger i alt; %s har to.",
			a.Name, norsk.Int(len(names)), norsk.Decimal(sum(v)), joinNorwegian(two))
	}
	c.Spec.Desc = c.Summary
	c.pos, c.catPos = a.Pos, where
	c.table("Deltaker", true)
	return c
}
