package site

import (
	"fmt"
	"time"
)

// history checks the dated records: the areas' [[area.count]] and the
// positions' [[participant.position.change]] entries must be dated, in
// date order, not before the project's start, and use the vocabulary.
func (c checker) history(s *Site, sources map[string]int) {
	start := s.StartDate()
	for i := range s.Areas {
		c.counts(s, fmt.Sprintf("area[%d]", i), &s.Areas[i], sources, start)
	}
	for i, pt := range s.Participants {
		for j, pos := range pt.Position {
			c.changes(fmt.Sprintf("participant[%d].position[%d]", i, j), pos, start)
		}
	}
}

// counts checks an area's later records: each needs a known source, at
// least one figure, and a date after the figures before it.
func (c checker) counts(s *Site, area string, a *Area, sources map[string]int, start time.Time) {
	ix := c.ix[AreasFile]
	prev := later(s.SourceDate(a.ApplicationsSource), s.SourceDate(a.PopulationSource))
	for j, n := range a.Count {
		p := fmt.Sprintf("%s.count[%d]", area, j)
		require(c.ds, ix, p, &n, "source")
		c.ref(AreasFile, p+".source", "kilden", n.Source, sources)
		if n.Applications == nil && n.Municipalities == nil && n.Population == nil {
			c.ds.Add(ix.at(p), "[[area.count]] må gi minst ett av applications, municipalities og population")
		}
		if n.Applications != nil {
			between(c, AreasFile, p, "applications", *n.Applications, 0, maxPeople)
		}
		if n.Population != nil {
			between(c, AreasFile, p, "population", *n.Population, 0, maxPeople)
		}
		if m := n.Municipalities; m != nil {
			c.municipalities(AreasFile, p+".municipalities", *m)
		}
		date := n.Date
		if date.IsZero() {
			date = s.SourceDate(n.Source)
		}
		key := p + ".date"
		if n.Date.IsZero() {
			key = p + ".source"
		}
		c.dated(AreasFile, key, "tallene", date, prev, start)
		prev = later(prev, date)
	}
}

// changes checks one position's history.
func (c checker) changes(pos string, p Position, start time.Time) {
	ix := c.ix[ParticipantsFile]
	prev := time.Time{}
	if !p.StatusDate.IsZero() {
		c.dated(ParticipantsFile, pos+".status_date", "statusen", p.StatusDate, prev, start)
		prev = p.StatusDate
	}
	for k, ch := range p.Change {
		at := fmt.Sprintf("%s.change[%d]", pos, k)
		require(c.ds, ix, at, &ch, "date")
		if ch.Status == "" && ch.Model == "" {
			c.ds.Add(ix.at(at), "en endring må gi status eller model (eller begge)")
		}
		vocab(c, ParticipantsFile, at, "status", PositionStatus(ch.Status), PositionStatuses)
		vocab(c, ParticipantsFile, at, "model", ContractModel(ch.Model), ContractModels)
		if ch.Date.IsZero() {
			continue
		}
		c.dated(ParticipantsFile, at+".date", "endringen", ch.Date, prev, start)
		prev = later(prev, ch.Date)
	}
}

// dated reports a record dated before the project's start, or not after
// the record before it.
func (c checker) dated(file, key, what string, date, prev, start time.Time) {
	switch {
	case !start.IsZero() && date.Before(start):
		c.ds.Add(c.at(file, key), "%s er datert %s, før prosjektet startet (%s)", what, isoDate(date), isoDate(start))
	case !prev.IsZero() && !date.After(prev):
		c.ds.Add(c.at(file, key), "%s er datert %s, men må komme etter forrige registrering (%s); før dem opp i datorekkefølge",
			what, isoDate(date), isoDate(prev))
	}
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
