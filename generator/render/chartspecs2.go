package render

import (
	"fmt"

	"alisnord/generator/chart"
	"alisnord/generator/norsk"
	"alisnord/generator/site"
)

// recruitmentChart stacks each area's positions by status, with unknown
// status as its own category, beside the target: every position filled.
func recruitmentChart(s *site.Site, f *site.Figures, names []string) *chartData {
	var series []chart.Series
	counts := map[site.PositionStatus]float64{}
	for _, st := range statusOrder {
		v := make([]float64, len(f.Areas))
		for i := range f.Areas {
			for _, p := range f.Areas[i].Positions {
				if p.Status == st {
					v[i]++
				}
			}
		}
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
	c := &chartData{Source: positionsSource(s, f), AsOf: positionsDate(s, f), Spec: chart.Spec{ID: "rekruttering-per-omrade",
		Title: "Rekruttering: besatte ALIS-stillinger mot målet, per helseforetaksområde", Kind: chart.Bar,
		Categories: names, Series: series}}
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
	c := &chartData{Source: sourceOf(s, t.Source) + " Andelene er oppgitt av prosjektet.", AsOf: s.SourceDate(t.Source), Spec: chart.Spec{ID: "andel-nord-norge",
		Title: "Søkerkommunenes andel av Nord-Norge", Kind: chart.HBar, Unit: " %",
		Categories: []string{"Kommuner", "Innbyggere"},
		Series:     []chart.Series{{Name: "Søkte", Values: in, Stack: "andel", Color: colourApplicants}, {Name: "Søkte ikke", Values: out, Stack: "andel", Color: colourUnknown}}}}
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
	var where []site.Pos
	for _, p := range a.Participants {
		names = append(names, p.Name)
		v = append(v, float64(p.Positions))
		where = append(where, p.Pos)
	}
	c := &chartData{Source: sourceOf(s, participantsSource), AsOf: s.SourceDate(participantsSource), Spec: chart.Spec{ID: "stillinger-i-" + a.ID,
		Title: "ALIS-stillinger per deltaker i " + a.Name, Kind: chart.HBar, Categories: names,
		Series: []chart.Series{{Name: "ALIS-stillinger i " + a.Name, Values: v, Color: AreaColor(s, a.ID)}}}}
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
