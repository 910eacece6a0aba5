package render

import (
	"fmt"
	"time"

	"alisnord/generator/chart"
	"alisnord/generator/norsk"
	"alisnord/generator/site"
)

// progressCharts builds the charts of positions by status over time, as of
// f: one column per date a position changed, with the target marked. There
// are none while the data has no dated change; the pages then say so.
func progressCharts(s *site.Site, f *site.Figures) []*chartData {
	var dates []time.Time
	for _, d := range s.ChangeDates() {
		if !d.After(f.Date) {
			dates = append(dates, d)
		}
	}
	if len(dates) == 0 {
		return nil
	}
	states := make([]*site.Figures, len(dates))
	for i, d := range dates {
		states[i] = s.AsOf(d)
	}
	out := []*chartData{progressChart(s, f, dates, states, nil)}
	for i := range s.Areas {
		out = append(out, progressChart(s, f, dates, states, &s.Areas[i]))
	}
	return out
}

// progressChart stacks the positions by status at each date, in one area
// or (a nil) in all.
func progressChart(s *site.Site, f *site.Figures, dates []time.Time, states []*site.Figures, a *site.Area) *chartData {
	def, total, area := chartProgress, float64(s.Project.Totals.Positions), ""
	if a != nil {
		def, total, area = chartAreaProgress.forArea(a), float64(a.Positions()), a.ID
	}
	cats := make([]string, len(dates))
	for i, d := range dates {
		cats[i] = norsk.Date(d)
	}
	var series []chart.Series
	last := map[site.PositionStatus]float64{}
	for _, st := range statusOrder {
		v := make([]float64, len(dates))
		for i := range dates {
			v[i] = float64(countStatus(states[i], area, st))
		}
		last[st] = v[len(v)-1]
		series = append(series, chart.Series{Name: statusLabels[st], Values: v, Stack: "status", Color: statusColours[st]})
	}
	when := ""
	if e := findEvent(s, site.EventGoal); e != nil {
		when = " " + dateAsKnown(e.Date, e.Precision)
	}
	c := &chartData{Source: positionsSource(s, f), AsOf: dates[len(dates)-1], Spec: def.spec(cats, series)}
	c.Spec.Target, c.Spec.TargetLabel = &total, "Mål: alle besatt"+when
	c.Summary = fmt.Sprintf("Per %s er %s av %s stillinger besatt og %s utlyst. Målet er alle %s besatt%s.", cats[len(cats)-1],
		norsk.Decimal(last[site.StatusFilled]), norsk.Decimal(total), norsk.Decimal(last[site.StatusAdvertised]), norsk.Decimal(total), when)
	c.Spec.Desc = c.Summary
	c.table("Dato", false)
	return c
}
