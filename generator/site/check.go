package site

import (
	"fmt"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// checker runs the checks that span fields, entries and files, after every
// file decoded: required fields, ids, references and totals.
type checker struct {
	ds *Diagnostics
	ix map[string]keyIndex
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func (c checker) at(file, path string) Pos { return c.ix[file].at(path) }

func (c checker) site(s *Site) {
	c.settings(&s.Settings)
	sources := c.sources(s.Sources)
	areas := c.areas(s.Areas, sources)
	c.participants(s.Participants, areas)
	c.project(s, sources)
	c.history(s, sources)
	c.organisation(&s.Organisation, areas)
	c.events(s.Events)
}

func (c checker) settings(st *Settings) {
	ix := c.ix[SiteFile]
	require(c.ds, ix, "", "title", "base_url", "language")
	if st.BaseURL != "" {
		u, err := url.Parse(st.BaseURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			c.ds.Add(ix.at("base_url"), "base_url må være en full adresse som begynner med https://, ikke %q", st.BaseURL)
		}
		if !strings.HasSuffix(st.BaseURL, "/") {
			st.BaseURL += "/"
		}
	}
	if st.PageSize == 0 {
		st.PageSize = 10
	}
	if st.PageSize < 1 {
		c.ds.Add(ix.at("page_size"), "page_size må være minst 1, ikke %d", st.PageSize)
	}
}

// ids checks that each entry's id is present, well formed and unique, and
// returns the entries' positions by id.
func (c checker) ids(file, table string, n int, id func(i int) string) map[string]int {
	seen := map[string]int{}
	for i := 0; i < n; i++ {
		path := fmt.Sprintf("%s[%d]", table, i)
		v := id(i)
		switch {
		case v == "":
			continue // reported as a missing field
		case !idPattern.MatchString(v):
			c.ds.Add(c.at(file, path+".id"), "id %q kan bare ha små bokstaver a–z, tall og bindestrek (for eksempel %q)", v, Slugify(v))
		}
		if first, dup := seen[v]; dup {
			c.ds.Add(c.at(file, path+".id"), "id %q er brukt før, på linje %d", v, c.at(file, fmt.Sprintf("%s[%d].id", table, first)).Line)
			continue
		}
		seen[v] = i
	}
	return seen
}

func (c checker) sources(src []Source) map[string]int {
	for i := range src {
		p := fmt.Sprintf("source[%d]", i)
		require(c.ds, c.ix[SourcesFile], p, "id", "name", "date")
		src[i].Pos = c.at(SourcesFile, p)
	}
	return c.ids(SourcesFile, "source", len(src), func(i int) string { return src[i].ID })
}

func (c checker) ref(file, path, kind, v string, known map[string]int) {
	if _, ok := known[v]; v != "" && !ok {
		c.ds.Add(c.at(file, path), "%s %q finnes ikke (kjente: %s)", kind, v, strings.Join(sortedKeys(known), ", "))
	}
}

func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func (c checker) areas(areas []Area, sources map[string]int) map[string]int {
	ix := c.ix[AreasFile]
	for i := range areas {
		a, p := &areas[i], fmt.Sprintf("area[%d]", i)
		a.Pos = ix.at(p)
		require(c.ds, ix, p, "id", "name", "health_trust", "applications", "municipalities",
			"population", "applications_source", "population_source")
		c.ref(AreasFile, p+".applications_source", "kilden", a.ApplicationsSource, sources)
		c.ref(AreasFile, p+".population_source", "kilden", a.PopulationSource, sources)
		c.nonNegative(AreasFile, p, "applications", float64(a.Applications))
		c.nonNegative(AreasFile, p, "population", float64(a.Population))
		if a.Municipalities < 0 || a.Municipalities*2 != math.Trunc(a.Municipalities*2) {
			c.ds.Add(ix.at(p+".municipalities"), "municipalities må være et helt eller halvt tall (som 9 eller 19.5), ikke %v", a.Municipalities)
		}
	}
	return c.ids(AreasFile, "area", len(areas), func(i int) string { return areas[i].ID })
}

func (c checker) nonNegative(file, path, key string, v float64) {
	if v < 0 {
		c.ds.Add(c.at(file, path+"."+key), "%s kan ikke være negativ (%v)", key, v)
	}
}

func (c checker) participants(ps []Participant, areas map[string]int) {
	ix := c.ix[ParticipantsFile]
	for i := range ps {
		pt, p := &ps[i], fmt.Sprintf("participant[%d]", i)
		pt.Pos = ix.at(p)
		require(c.ds, ix, p, "id", "name", "area", "municipalities", "positions")
		c.ref(ParticipantsFile, p+".area", "området", pt.Area, areas)
		if _, has := ix.pos[p+".positions"]; has && pt.Positions < 1 {
			c.ds.Add(ix.at(p+".positions"), "positions må være minst 1, ikke %d", pt.Positions)
		}
		if _, has := ix.pos[p+".municipalities"]; has && len(pt.Municipalities) == 0 {
			c.ds.Add(ix.at(p+".municipalities"), "municipalities må nevne minst én kommune")
		}
		if len(pt.Position) > pt.Positions && pt.Positions > 0 {
			c.ds.Add(ix.at(fmt.Sprintf("%s.position[%d]", p, pt.Positions)),
				"%s har %d [[participant.position]], men positions = %d", pt.Name, len(pt.Position), pt.Positions)
		}
		for j, pos := range pt.Position {
			c.position(fmt.Sprintf("%s.position[%d]", p, j), pos)
		}
	}
	c.ids(ParticipantsFile, "participant", len(ps), func(i int) string { return ps[i].ID })
}

func (c checker) position(p string, pos Position) {
	ix := c.ix[ParticipantsFile]
	if pos.Model != "" && pos.Model != ModelFastlonn && pos.Model != ModelNaering {
		c.ds.Add(ix.at(p+".model"), "model må være %q eller %q, ikke %q", ModelFastlonn, ModelNaering, pos.Model)
	}
	if pos.Status != "" && !slices.Contains(Statuses, pos.Status) {
		c.ds.Add(ix.at(p+".status"), "status må være en av %s, ikke %q", strings.Join(Statuses, ", "), pos.Status)
	}
	if !pos.StatusDate.IsZero() && pos.Status == "" {
		c.ds.Add(ix.at(p+".status_date"), "status_date er satt, men status mangler")
	}
}
