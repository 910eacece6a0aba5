package render

import (
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
		"kommuner":            totalText(f.Total(site.Municipalities), FormatDecimal),
		"innbyggere":          totalText(f.Total(site.Population), formatWhole),
		"kommuner-nord-norge": FormatInt(t.NorthernMunicipalities),
		"andel-kommuner":      FormatPercent(float64(t.MunicipalitySharePct)),
		"andel-innbyggere":    FormatPercent(float64(t.PopulationSharePct)),
		"deltakere":           FormatInt(t.Participants),
		"stillinger":          FormatInt(t.Positions),
	}
	if f.Date.Before(s.SourceDate(t.Source)) {
		for _, k := range []string{"kommuner-nord-norge", "andel-kommuner", "andel-innbyggere"} {
			out[k] = Unknown
		}
	}
	participantsKnown := !f.Date.Before(s.SourceDate(participantsSource))
	if !participantsKnown {
		out["deltakere"], out["stillinger"] = Unknown, Unknown
	}
	if len(s.Project.Grants) > 0 {
		total := 0
		for _, g := range s.Project.Grants {
			total += g.AmountNOK
		}
		out["tilskudd"] = FormatNOK(total)
	}
	for _, st := range site.PositionStatuses {
		out["stillinger-"+string(st)] = FormatInt(countStatus(f, "", st))
	}
	for i := range f.Areas {
		a := &f.Areas[i]
		id := a.Area.ID
		out["soknader-"+id] = measureText(a.Applications, formatWhole)
		out["kommuner-"+id] = measureText(a.Municipalities, FormatDecimal)
		out["innbyggere-"+id] = measureText(a.Population, formatWhole)
		out["deltakere-"+id], out["stillinger-"+id] = Unknown, Unknown
		if participantsKnown {
			out["deltakere-"+id] = FormatInt(len(a.Area.Participants))
			out["stillinger-"+id] = FormatInt(a.Area.Positions())
		}
	}
	return out
}

// formatWhole is FormatInt for a whole number held as a float64.
func formatWhole(v float64) string { return FormatInt(int(v)) }

func measureText(m site.Measure, format func(float64) string) string {
	if !m.Known {
		return Unknown
	}
	return format(m.Value)
}

func totalText(t site.Total, format func(float64) string) string {
	if !t.Known {
		return Unknown
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
