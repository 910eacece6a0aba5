package site

import (
	"fmt"
	"math"
	"slices"

	"alisnord/generator/diag"
	"alisnord/generator/norsk"
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
	link(s)
	if c.broken[ProjectFile] {
		return
	}
	ix := c.ix[ProjectFile]
	pr := &s.Project
	pr.Pos = ix.at("")
	require(c.ds, ix, "", pr, "name", "owner", "objectives", "totals")
	require(c.ds, ix, "totals", &pr.Totals, "applications", "municipalities", "population",
		"northern_municipalities", "municipality_share_percent", "population_share_percent",
		"participants", "positions", "source")
	c.ref(ProjectFile, "totals.source", "kilden", pr.Totals.Source, sources)
	between(c, ProjectFile, "", "duration_years", pr.DurationYears, 1, 50)
	for i := range pr.Grants {
		p := fmt.Sprintf("grant[%d]", i)
		require(c.ds, ix, p, &pr.Grants[i], "what", "amount_nok", "years")
		c.ref(ProjectFile, p+".source", "kilden", pr.Grants[i].Source, sources)
		between(c, ProjectFile, p, "amount_nok", pr.Grants[i].AmountNOK, 0, maxAmountNOK)
		for _, y := range pr.Grants[i].Years {
			inRange(c, ix.at(p+".years"), "years", y, minYear, maxYear)
		}
	}
	for i := range pr.Funders {
		require(c.ds, ix, fmt.Sprintf("funder[%d]", i), &pr.Funders[i], "name", "role")
	}
	pr.TotalsPos = TotalsPos{}
	for _, k := range tagsOf(typeOf[Totals]()) {
		pr.TotalsPos[k] = ix.at("totals." + k)
	}
	c.statedTotals(pr.Totals)
	if !c.broken[AreasFile] && !c.broken[ParticipantsFile] && !c.unsummable[AreasFile] && !c.unsummable[ParticipantsFile] {
		c.totals(s)
	}
}

// statedTotals checks each total on its own: its range, and that the share
// has a denominator.
func (c checker) statedTotals(t Totals) {
	between(c, ProjectFile, "totals", "applications", t.Applications, 0, maxPeople)
	between(c, ProjectFile, "totals", "population", t.Population, 0, maxPeople)
	between(c, ProjectFile, "totals", "participants", t.Participants, 0, maxPositions)
	between(c, ProjectFile, "totals", "positions", t.Positions, 0, maxPositions)
	between(c, ProjectFile, "totals", "municipality_share_percent", t.MunicipalitySharePct, 0, 100)
	between(c, ProjectFile, "totals", "population_share_percent", t.PopulationSharePct, 0, 100)
	if _, ok := c.ix[ProjectFile].pos["totals.municipalities"]; ok {
		c.municipalities(ProjectFile, "totals.municipalities", t.Municipalities)
	}
	if pos, ok := c.ix[ProjectFile].pos["totals.northern_municipalities"]; ok {
		if t.NorthernMunicipalities < 1 || t.NorthernMunicipalities > maxMunicipalities {
			c.ds.Add(pos, "northern_municipalities må være fra 1 til %d (antall kommuner i Nord-Norge, nevneren i andelen), ikke %d",
				maxMunicipalities, t.NorthernMunicipalities)
		} else if t.Municipalities > float64(t.NorthernMunicipalities) {
			c.ds.Add(pos, "northern_municipalities (%d) er mindre enn totals.municipalities (%s): andelen ville bli over 100 %%",
				t.NorthernMunicipalities, norsk.Exact(t.Municipalities))
		}
	}
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
}

func (c checker) total(key string, stated, sum float64, what string) {
	pos, ok := c.ix[ProjectFile].pos["totals."+key]
	if !ok || stated == sum {
		return
	}
	c.ds.Add(pos, "totals.%s er %s, men %s er %s", key, norsk.Exact(stated), what, norsk.Exact(sum))
}

func (c checker) organisation(o *Organisation, areas map[string]int) {
	if c.broken[OrganisationFile] {
		return
	}
	ix := c.ix[OrganisationFile]
	require(c.ds, ix, "leader", &o.Leader, "name", "role")
	for i := range o.SteeringGroup {
		p := fmt.Sprintf("steering_group[%d]", i)
		require(c.ds, ix, p, &o.SteeringGroup[i], "represents")
		vocab(c, OrganisationFile, p, "role", o.SteeringGroup[i].Role, Roles)
	}
	for i, st := range o.Staff {
		p := fmt.Sprintf("planned_staff[%d]", i)
		require(c.ds, ix, p, &o.Staff[i], "area", "percent", "planned")
		c.ref(OrganisationFile, p+".area", "området", st.Area, areas)
		between(c, OrganisationFile, p, "percent", st.Percent, 0, 100)
		vocab(c, OrganisationFile, p, "precision", DatePrecision(st.Precision), DatePrecisions)
	}
	for i := range o.Credits {
		require(c.ds, ix, fmt.Sprintf("credit[%d]", i), &o.Credits[i], "name")
	}
}

func (c checker) events(ev []Event) {
	if c.broken[EventsFile] {
		return
	}
	ix := c.ix[EventsFile]
	for i := range ev {
		p := fmt.Sprintf("event[%d]", i)
		ev[i].Pos = ix.at(p)
		require(c.ds, ix, p, &ev[i], "id", "title", "date")
		vocab(c, EventsFile, p, "kind", EventKind(ev[i].Kind), EventKinds)
		vocab(c, EventsFile, p, "precision", DatePrecision(ev[i].Precision), DatePrecisions)
		for j := range ev[i].Programme {
			require(c.ds, ix, fmt.Sprintf("%s.programme[%d]", p, j), &ev[i].Programme[j], "title")
		}
	}
	c.ids(EventsFile, "event", len(ev), func(i int) string { return ev[i].ID })
	slices.SortStableFunc(ev, func(a, b Event) int { return a.Date.Compare(b.Date) })
}

// articles checks what spans articles: slugs must be unique.
func (c checker) articles(s *Site) {
	seen := make(map[string]*Article, len(s.Articles)+len(s.Pages))
	for _, a := range slices.Concat(s.Articles, s.Pages) {
		key := a.Slug
		if first := seen[key]; first != nil {
			c.ds.Add(diag.Pos{Path: a.Path, Line: 1}, "gir samme adresse (%s) som %s", key, first.Path)
			continue
		}
		seen[key] = a
	}
}
