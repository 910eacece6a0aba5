package render

import (
	"alisnord/generator/norsk"
	"alisnord/generator/site"
)

// figures returns every value text can bind to with {{< tall KEY >}}, as of
// the figures f: the totals and, per area, its applications,
// municipalities, population, participants and positions ("soknader-unn").
// A figure with no record on or before f's day is "ikke oppgitt". The shares
// and the number of northern municipalities are stated by the project as
// of its totals and do not change with f.
func figures(s *site.Site, f *site.Figures) map[string]string {
	t := s.Project.Totals
	out := map[string]string{
		"soknader":            totalText(f.Total(site.Applications), formatWhole),
		"kommuner":            totalText(f.Total(site.Municipalities), norsk.Decimal),
		"innbyggere":          totalText(f.Total(site.Population), formatWhole),
		"kommuner-nord-norge": norsk.Int(t.NorthernMunicipalities),
		"andel-kommuner":      norsk.Percent(float64(t.MunicipalitySharePct)),
		"andel-innbyggere":    norsk.Percent(float64(t.PopulationSharePct)),
		"deltakere":           norsk.Int(t.Participants),
		"stillinger":          norsk.Int(t.Positions),
	}
	if f.Date.Before(s.SourceDate(t.Source)) {
		for _, k := range []string{"kommuner-nord-norge", "andel-kommuner", "andel-innbyggere"} {
			out[k] = norsk.Unknown
		}
	}
	participantsKnown := !f.Date.Before(s.SourceDate(participantsSource))
	if !participantsKnown {
		out["deltakere"], out["stillinger"] = norsk.Unknown, norsk.Unknown
	}
	if len(s.Project.Grants) > 0 {
		total := 0
		for _, g := range s.Project.Grants {
			total += g.AmountNOK
		}
		out["tilskudd"] = norsk.NOK(total)
	}
	for _, st := range site.PositionStatuses {
		out["stillinger-"+string(st)] = norsk.Int(countStatus(f, "", st))
	}
	for i := range f.Areas {
		a := &f.Areas[i]
		id := a.Area.ID
		out["soknader-"+id] = measureText(a.Applications, formatWhole)
		out["kommuner-"+id] = measureText(a.Municipalities, norsk.Decimal)
		out["innbyggere-"+id] = measureText(a.Population, formatWhole)
		out["deltakere-"+id], out["stillinger-"+id] = norsk.Unknown, norsk.Unknown
		if participantsKnown {
			out["deltakere-"+id] = norsk.Int(len(a.Area.Participants))
			out["stillinger-"+id] = norsk.Int(a.Area.Positions())
		}
	}
	return out
}

// formatWhole is norsk.Int for a whole number held as a float64.
func formatWhole(v float64) string { return norsk.Int(int(v)) }

func measureText(m site.Measure, format func(float64) string) string {
	if !m.Known {
		return norsk.Unknown
	}
	return format(m.Value)
}

func totalText(t site.Total, format func(float64) string) string {
	if !t.Known {
		return norsk.Unknown
	}
	return format(t.Value)
}

// countStatus counts the positions with status st as of f, in the area
// with id area or in all areas when area is "".
func countStatus(f *site.Figures, area string, st site.PositionStatus) int {
	n := 0
	for _, a := range f.Areas {
		if area != "" && a.Area.ID != area {
			continue
		}
		for _, p := range a.Positions {
			if p.Status == st {
				n++
			}
		}
	}
	return n
}
