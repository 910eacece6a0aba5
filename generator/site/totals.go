package site

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// link points participants and planned staff at their areas.
func link(s *Site) {
	byID := map[string]*Area{}
	for i := range s.Areas {
		byID[s.Areas[i].ID] = &s.Areas[i]
	}
	for i := range s.Participants {
		p := &s.Participants[i]
		if a := byID[p.Area]; a != nil {
			p.AreaRef = a
			a.Participants = append(a.Participants, p)
		}
	}
	for i := range s.Organisation.Staff {
		st := &s.Organisation.Staff[i]
		st.AreaRef = byID[st.Area]
	}
}

func (c checker) project(s *Site, sources map[string]int) {
	ix := c.ix[ProjectFile]
	pr := &s.Project
	pr.Pos = ix.at("")
	require(c.ds, ix, "", "name", "owner", "objectives", "totals")
	require(c.ds, ix, "totals", "applications", "municipalities", "population",
		"northern_municipalities", "municipality_share_percent", "population_share_percent",
		"participants", "positions", "source")
	c.ref(ProjectFile, "totals.source", "kilden", pr.Totals.Source, sources)
	for i := range pr.Grants {
		p := fmt.Sprintf("grant[%d]", i)
		require(c.ds, ix, p, "what", "amount_nok", "years")
		c.ref(ProjectFile, p+".source", "kilden", pr.Grants[i].Source, sources)
	}
	for i := range pr.Funders {
		require(c.ds, ix, fmt.Sprintf("funder[%d]", i), "name", "role")
	}
	pr.TotalsPos = TotalsPos{}
	for _, k := range tagsOf(typeOf[Totals]()) {
		pr.TotalsPos[k] = ix.at("totals." + k)
	}
	link(s)
	c.totals(s)
}

// totals compares the stated totals with what the areas and participants add
// up to, naming both numbers and both places.
func (c checker) totals(s *Site) {
	t := s.Project.Totals
	// The stated totals hold as of their source's date; later counts
	// (history.go) leave them alone.
	f := s.AsOf(farFuture)
	if d := s.SourceDate(t.Source); !d.IsZero() {
		f = s.AsOf(d)
	}
	apps := int(f.Total(Applications).Value)
	munis := f.Total(Municipalities).Value
	pop := int(f.Total(Population).Value)
	var positions int
	for _, p := range s.Participants {
		positions += p.Positions
	}
	c.total("applications", float64(t.Applications), float64(apps), "summen av applications i "+AreasFile)
	c.total("municipalities", t.Municipalities, munis, "summen av municipalities i "+AreasFile)
	c.total("population", float64(t.Population), float64(pop), "summen av population i "+AreasFile)
	c.total("participants", float64(t.Participants), float64(len(s.Participants)), "antall [[participant]] i "+ParticipantsFile)
	c.total("positions", float64(t.Positions), float64(positions), "summen av positions i "+ParticipantsFile)
	if t.NorthernMunicipalities > 0 {
		share := math.Round(100 * t.Municipalities / float64(t.NorthernMunicipalities))
		c.total("municipality_share_percent", float64(t.MunicipalitySharePct), share,
			fmt.Sprintf("municipalities / northern_municipalities (%v av %d, avrundet)", t.Municipalities, t.NorthernMunicipalities))
	}
	if t.PopulationSharePct < 0 || t.PopulationSharePct > 100 {
		c.ds.Add(c.at(ProjectFile, "totals.population_share_percent"), "population_share_percent må være mellom 0 og 100, ikke %d", t.PopulationSharePct)
	}
}

func (c checker) total(key string, stated, sum float64, what string) {
	pos, ok := c.ix[ProjectFile].pos["totals."+key]
	if !ok || stated == sum {
		return
	}
	c.ds.Add(pos, "totals.%s er %s, men %s er %s", key, plain(stated), what, plain(sum))
}

func plain(v float64) string { return strings.Replace(fmt.Sprint(v), ".", ",", 1) }

func (c checker) organisation(o *Organisation, areas map[string]int) {
	ix := c.ix[OrganisationFile]
	require(c.ds, ix, "leader", "name", "role")
	for i := range o.SteeringGroup {
		require(c.ds, ix, fmt.Sprintf("steering_group[%d]", i), "represents")
	}
	for i, st := range o.Staff {
		p := fmt.Sprintf("planned_staff[%d]", i)
		require(c.ds, ix, p, "area", "percent", "planned")
		c.ref(OrganisationFile, p+".area", "området", st.Area, areas)
		c.precision(OrganisationFile, p, st.Precision)
	}
	for i := range o.Credits {
		require(c.ds, ix, fmt.Sprintf("credit[%d]", i), "name")
	}
}

func (c checker) precision(file, path, v string) {
	if v != "" && !slices.Contains([]string{PrecisionDay, PrecisionMonth, PrecisionSeason}, v) {
		c.ds.Add(c.at(file, path+".precision"), "precision må være %q, %q eller %q, ikke %q",
			PrecisionDay, PrecisionMonth, PrecisionSeason, v)
	}
}

func (c checker) events(ev []Event) {
	ix := c.ix[EventsFile]
	for i := range ev {
		p := fmt.Sprintf("event[%d]", i)
		ev[i].Pos = ix.at(p)
		require(c.ds, ix, p, "id", "title", "date")
		c.precision(EventsFile, p, ev[i].Precision)
		for j := range ev[i].Programme {
			require(c.ds, ix, fmt.Sprintf("%s.programme[%d]", p, j), "title")
		}
	}
	c.ids(EventsFile, "event", len(ev), func(i int) string { return ev[i].ID })
	slices.SortStableFunc(ev, func(a, b Event) int { return a.Date.Compare(b.Date) })
}

// articles checks what spans articles: slugs must be unique.
func (c checker) articles(s *Site) {
	seen := map[string]*Article{}
	for _, a := range append(append([]*Article{}, s.Articles...), s.Pages...) {
		key := a.Slug
		if first := seen[key]; first != nil {
			c.ds.Add(Pos{Path: a.Path, Line: 1}, "gir samme adresse (%s) som %s", key, first.Path)
			continue
		}
		seen[key] = a
	}
}
