package site

import (
	"slices"
	"time"
)

// Time in the data: every figure is true as of a date. A position keeps a
// list of dated changes, an area a list of dated counts beside its first
// figures, and Site.AsOf answers the one question every page asks: what
// were the figures on day T? A record counts from its date on, so adding a
// later record never changes the figures of an earlier day.

// Change is one dated change of an ALIS position
// ([[participant.position.change]]): from Date on the position has this
// status and contract model. An empty field keeps the value it had.
type Change struct {
	Date   time.Time      `toml:"date"`
	Status PositionStatus `toml:"status"`
	Model  ContractModel  `toml:"model"`
	Reason string         `toml:"reason"` // the documented reason for the contract model
}

// Count is one later record of an area's figures ([[area.count]]): a new
// round of applications or a new population count, added beside the
// area's first figures instead of over them. Only the figures it gives
// change; Date defaults to its source's date.
type Count struct {
	Date           time.Time `toml:"date"`
	Source         string    `toml:"source"`
	Applications   *int      `toml:"applications"`
	Municipalities *float64  `toml:"municipalities"`
	Population     *int      `toml:"population"`
}

// History returns the position's changes in date order: the single
// status/model fields first, as a change dated status_date (undated when
// it is not given), then its [[participant.position.change]] entries.
func (p Position) History() []Change {
	var out []Change
	if p.Status != "" || p.Model != "" || p.ModelReason != "" || !p.StatusDate.IsZero() {
		out = append(out, Change{Date: p.StatusDate, Status: p.Status, Model: p.Model, Reason: p.ModelReason})
	}
	return append(out, p.Change...)
}

// StartDate is when the project started, as far as the data says:
// start in data/project.toml, or else the earliest date of a source. No
// change may be dated before it.
func (s *Site) StartDate() time.Time {
	if !s.Project.Start.IsZero() {
		return s.Project.Start
	}
	var first time.Time
	for _, src := range s.Sources {
		if first.IsZero() || src.Date.Before(first) {
			first = src.Date
		}
	}
	return first
}

// SourceDate is the date of the source with this id, or zero.
func (s *Site) SourceDate(id string) time.Time {
	for _, src := range s.Sources {
		if src.ID == id {
			return src.Date
		}
	}
	return time.Time{}
}

// records returns an area's figures as dated counts: the first figures
// (applications and municipalities dated by applications_source,
// population by population_source), then the [[area.count]] entries.
func (s *Site) records(a *Area) []Count {
	out := []Count{
		{Date: s.SourceDate(a.ApplicationsSource), Source: a.ApplicationsSource, Applications: &a.Applications, Municipalities: &a.Municipalities},
		{Date: s.SourceDate(a.PopulationSource), Source: a.PopulationSource, Population: &a.Population},
	}
	for _, c := range a.Count {
		if c.Date.IsZero() {
			c.Date = s.SourceDate(c.Source)
		}
		out = append(out, c)
	}
	return out
}

// DataDates lists, oldest first and once each, every date a figure may
// change: the sources', the areas' records' and the positions' changes'.
func (s *Site) DataDates() []time.Time {
	var out []time.Time
	for _, src := range s.Sources {
		out = appendDate(out, src.Date)
	}
	for i := range s.Areas {
		for _, r := range s.records(&s.Areas[i]) {
			out = appendDate(out, r.Date)
		}
	}
	return sortDates(append(out, s.ChangeDates()...))
}

// ChangeDates lists, oldest first and once each, the dates of the
// positions' dated changes.
func (s *Site) ChangeDates() []time.Time {
	var out []time.Time
	for _, p := range s.Participants {
		for _, pos := range p.Position {
			for _, c := range pos.History() {
				out = appendDate(out, c.Date)
			}
		}
	}
	return sortDates(out)
}

func appendDate(ds []time.Time, d time.Time) []time.Time {
	if d.IsZero() {
		return ds
	}
	return append(ds, civil(d))
}

func sortDates(ds []time.Time) []time.Time {
	slices.SortFunc(ds, func(a, b time.Time) int { return a.Compare(b) })
	return slices.CompactFunc(ds, func(a, b time.Time) bool { return a.Equal(b) })
}

// validStatus tells whether v is a known position status.
func validStatus(v string) bool { return PositionStatus(v).Valid() }
