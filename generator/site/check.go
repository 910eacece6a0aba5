package site

import (
	"fmt"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"alisnord/generator/diag"
)

// checker runs the checks that span fields, entries and files, after every
// file decoded: required fields, ids, references, ranges and totals. It
// passes over a file in broken (and every reference into one), since what
// it would say there follows from the problem already reported.
type checker struct {
	ds         *diag.Diagnostics
	ix         map[string]keyIndex
	broken     map[string]bool
	unsummable map[string]bool // files with a figure out of range: their sums would mislead
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Upper bounds on counts, far above anything in Northern Norway, so that
// sums cannot overflow and a mistyped figure (an extra digit or three) is
// caught. Norway has 357 municipalities and 5.6 million inhabitants.
const (
	maxPeople         = 10_000_000 // applications, population, per area and in total
	maxMunicipalities = 500
	maxPositions      = 1_000
	maxAmountNOK      = 10_000_000_000
)

func (c checker) at(file, path string) diag.Pos { return c.ix[file].at(path) }

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
	if st.PageSize == 0 {
		st.PageSize = 10 // also when site.toml is broken: LoadAll's model stays usable
	}
	if c.broken[SiteFile] {
		return
	}
	ix := c.ix[SiteFile]
	require(c.ds, ix, "", st, "title", "base_url", "language")
	if strings.TrimSpace(st.BaseURL) != "" {
		u, err := url.Parse(st.BaseURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			c.ds.Add(ix.at("base_url"), "base_url må være en full adresse som begynner med https://, ikke %q", st.BaseURL)
		}
		if !strings.HasSuffix(st.BaseURL, "/") {
			st.BaseURL += "/"
		}
	}
	between(c, SiteFile, "", "page_size", st.PageSize, 1, 1000)
}

// entries reports a file in which the table has no entries at all, and
// marks it broken: everything that refers to the table would fail.
func (c checker) entries(file, table string, n int) bool {
	if c.broken[file] {
		return false
	}
	if n == 0 {
		c.ds.Add(diag.Pos{Path: file, Line: 1, Col: 1}, "filen har ingen [[%s]]: legg inn minst én (se kommentaren øverst i filen)", table)
		c.broken[file] = true
		return false
	}
	return true
}

// ids checks that each entry's id is well formed and unique, and returns
// the entries' indexes by id. It returns nil when some id is missing,
// empty, malformed or used twice: then a reference that names no id may be
// aimed at the broken one, and ref says nothing.
func (c checker) ids(file, table string, n int, id func(i int) string) map[string]int {
	seen := map[string]int{}
	complete := true
	for i := 0; i < n; i++ {
		path := fmt.Sprintf("%s[%d]", table, i)
		v := id(i)
		switch {
		case strings.TrimSpace(v) == "":
			complete = false // reported by require
			continue
		case !idPattern.MatchString(v):
			c.ds.Add(c.at(file, path+".id"), "id %q kan bare ha små bokstaver a–z, tall og bindestrek (for eksempel %q)", v, Slugify(v))
			complete = false
		}
		if first, dup := seen[v]; dup {
			c.ds.Add(c.at(file, path+".id"), "id %q er brukt før, på linje %d: gi hver oppføring sin egen id", v, c.at(file, fmt.Sprintf("%s[%d].id", table, first)).Line)
			complete = false
			continue
		}
		seen[v] = i
	}
	if !complete {
		return nil
	}
	return seen
}

func (c checker) sources(src []Source) map[string]int {
	if !c.entries(SourcesFile, "source", len(src)) {
		return nil
	}
	for i := range src {
		p := fmt.Sprintf("source[%d]", i)
		require(c.ds, c.ix[SourcesFile], p, &src[i], "id", "name", "date")
		src[i].Pos = c.at(SourcesFile, p)
	}
	return c.ids(SourcesFile, "source", len(src), func(i int) string { return src[i].ID })
}

// ref reports v at path in file when it names no entry of known. With
// known nil (the file it refers to is broken) it says nothing.
func (c checker) ref(file, path, kind, v string, known map[string]int) {
	if _, ok := known[v]; known != nil && v != "" && !ok {
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
	if !c.entries(AreasFile, "area", len(areas)) {
		return nil
	}
	ix := c.ix[AreasFile]
	for i := range areas {
		a, p := &areas[i], fmt.Sprintf("area[%d]", i)
		a.Pos = ix.at(p)
		require(c.ds, ix, p, a, "id", "name", "health_trust", "applications", "municipalities",
			"population", "applications_source", "population_source")
		c.ref(AreasFile, p+".applications_source", "kilden", a.ApplicationsSource, sources)
		c.ref(AreasFile, p+".population_source", "kilden", a.PopulationSource, sources)
		ok := between(c, AreasFile, p, "applications", a.Applications, 0, maxPeople)
		ok = between(c, AreasFile, p, "population", a.Population, 0, maxPeople) && ok
		if !c.municipalities(AreasFile, p+".municipalities", a.Municipalities) || !ok {
			c.unsummable[AreasFile] = true
		}
	}
	return c.ids(AreasFile, "area", len(areas), func(i int) string { return areas[i].ID })
}

// municipalities checks a count of municipalities, where a half stands for
// a municipality shared between two areas.
func (c checker) municipalities(file, path string, v float64) bool {
	if v < 0 || v > maxMunicipalities || v*2 != math.Trunc(v*2) {
		c.ds.Add(c.at(file, path), "%s må være et helt eller halvt tall fra 0 til %d (som 9 eller 19.5), ikke %s",
			keyName(path), maxMunicipalities, number(v))
		return false
	}
	return true
}

// between reports path.key in file when it stands there and v lies outside
// lo..hi, and tells whether v is in range (or absent).
func between[T int | float64](c checker, file, path, key string, v, lo, hi T) bool {
	pos, ok := c.ix[file].pos[joinPath(path, key)]
	return !ok || inRange(c, pos, key, v, lo, hi)
}

// inRange reports v, the value of key at pos, when it lies outside lo..hi,
// saying which bound it broke, and tells whether it is in range.
func inRange[T int | float64](c checker, pos diag.Pos, key string, v, lo, hi T) bool {
	switch {
	case v < 0 && lo == 0:
		c.ds.Add(pos, "%s kan ikke være negativ (%s)", key, number(v))
	case v < lo || v > hi:
		c.ds.Add(pos, "%s må være fra %s til %s, ikke %s: sjekk tallet", key, number(lo), number(hi), number(v))
	default:
		return true
	}
	return false
}

// number writes v as TOML would: a decimal point, no exponent.
func number[T int | float64](v T) string {
	if f, ok := any(v).(float64); ok {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return strconv.Itoa(int(v))
}

func (c checker) participants(ps []Participant, areas map[string]int) {
	if !c.entries(ParticipantsFile, "participant", len(ps)) {
		return
	}
	ix := c.ix[ParticipantsFile]
	for i := range ps {
		pt, p := &ps[i], fmt.Sprintf("participant[%d]", i)
		pt.Pos = ix.at(p)
		require(c.ds, ix, p, pt, "id", "name", "area", "municipalities", "positions")
		c.ref(ParticipantsFile, p+".area", "området", pt.Area, areas)
		if !between(c, ParticipantsFile, p, "positions", pt.Positions, 1, maxPositions) {
			c.unsummable[ParticipantsFile] = true
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
	vocab(c, ParticipantsFile, p, "model", ContractModel(pos.Model), ContractModels)
	vocab(c, ParticipantsFile, p, "status", PositionStatus(pos.Status), PositionStatuses)
	if !pos.StatusDate.IsZero() && pos.Status == "" {
		c.ds.Add(c.at(ParticipantsFile, p+".status_date"), "status_date er satt, men status mangler")
	}
}
