package render

import "alisnord/generator/site"

// figures returns every value text can bind to with {{< tall KEY >}}: the
// stated totals and, per area, its applications, municipalities,
// population, participants and positions ("soknader-unn").
func figures(s *site.Site) map[string]string {
	t := s.Project.Totals
	f := map[string]string{
		"soknader":            FormatInt(t.Applications),
		"kommuner":            FormatDecimal(t.Municipalities),
		"innbyggere":          FormatInt(t.Population),
		"kommuner-nord-norge": FormatInt(t.NorthernMunicipalities),
		"andel-kommuner":      FormatPercent(float64(t.MunicipalitySharePct)),
		"andel-innbyggere":    FormatPercent(float64(t.PopulationSharePct)),
		"deltakere":           FormatInt(t.Participants),
		"stillinger":          FormatInt(t.Positions),
	}
	if len(s.Project.Grants) > 0 {
		total := 0
		for _, g := range s.Project.Grants {
			total += g.AmountNOK
		}
		f["tilskudd"] = FormatNOK(total)
	}
	for i := range s.Areas {
		a := &s.Areas[i]
		f["soknader-"+a.ID] = FormatInt(a.Applications)
		f["kommuner-"+a.ID] = FormatDecimal(a.Municipalities)
		f["innbyggere-"+a.ID] = FormatInt(a.Population)
		f["deltakere-"+a.ID] = FormatInt(len(a.Participants))
		f["stillinger-"+a.ID] = FormatInt(a.Positions())
	}
	return f
}
