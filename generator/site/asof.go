package site

import (
	"slices"
	"time"
)

// Figures are the data's figures as of one day: for each figure the latest
// record dated on or before that day. Every page renders through one.
type Figures struct {
	// Date is the day asked about (for Site.Latest: Epoch).
	Date time.Time
	// Epoch is the newest date of a record or a source on or before Date:
	// the figures as of Date and as of Epoch are the same, so views can be
	// shared.
	Epoch time.Time
	Areas []AreaFigures // in the order of Site.Areas
}

// Measure is one figure as of a date, with the record it comes from.
type Measure struct {
	Value  float64
	Known  bool      // false when no record is dated on or before the day
	Date   time.Time // the record's date
	Source string    // the record's source id
}

// AreaFigures are one area's figures as of a date.
type AreaFigures struct {
	Area                                     *Area
	Applications, Municipalities, Population Measure
	Positions                                []PositionState // every position of the area's participants, in file order
}

// PositionState is one ALIS position as of a date.
type PositionState struct {
	Participant *Participant
	Number      int            // 1-based, within its participant
	Status      PositionStatus // "" when not given
	Model       ContractModel  // "" when not given
	Reason      string
	Since       time.Time // date of the newest change applied; zero when none was dated
}

// Total is a figure added up over the areas.
type Total struct {
	Value   float64
	Known   bool      // every area's figure is known
	Date    time.Time // the newest record used
	Sources []string  // the records' source ids, once each, oldest first
}

// farFuture is after every date a record can have.
var farFuture = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

// Latest returns the newest figures: as of the newest date in the data.
func (s *Site) Latest() *Figures {
	f := s.AsOf(farFuture)
	f.Date = f.Epoch
	return f
}

// AsOf returns the figures as of day t: for each figure the latest record
// dated on or before t; a record without a date counts from the start.
func (s *Site) AsOf(t time.Time) *Figures {
	t = civil(t)
	f := &Figures{Date: t, Areas: make([]AreaFigures, len(s.Areas))}
	for _, src := range s.Sources {
		if !src.Date.After(t) {
			f.epoch(src.Date)
		}
	}
	for i := range s.Areas {
		a := &s.Areas[i]
		af := &f.Areas[i]
		af.Area = a
		for _, r := range s.records(a) {
			if r.Date.After(t) {
				continue
			}
			f.epoch(r.Date)
			if r.Applications != nil {
				af.Applications = measure(float64(*r.Applications), r, af.Applications)
			}
			if r.Municipalities != nil {
				af.Municipalities = measure(*r.Municipalities, r, af.Municipalities)
			}
			if r.Population != nil {
				af.Population = measure(float64(*r.Population), r, af.Population)
			}
		}
		for _, p := range a.Participants {
			for n, slot := range p.Slots() {
				af.Positions = append(af.Positions, f.state(p, n+1, slot))
			}
		}
	}
	return f
}

// measure keeps the later of the figure so far and record r's.
func measure(v float64, r Count, old Measure) Measure {
	if old.Known && r.Date.Before(old.Date) {
		return old
	}
	return Measure{Value: v, Known: true, Date: r.Date, Source: r.Source}
}

func (f *Figures) epoch(d time.Time) {
	if d.After(f.Epoch) {
		f.Epoch = civil(d)
	}
}

// state applies the position's changes dated on or before f.Date.
func (f *Figures) state(p *Participant, n int, slot Position) PositionState {
	st := PositionState{Participant: p, Number: n}
	for _, c := range slot.History() {
		if c.Date.After(f.Date) {
			continue
		}
		f.epoch(c.Date)
		if c.Status != "" {
			st.Status = c.Status
		}
		if c.Model != "" {
			st.Model = c.Model
		}
		if c.Reason != "" {
			st.Reason = c.Reason
		}
		if !c.Date.IsZero() {
			st.Since = civil(c.Date)
		}
	}
	return st
}

// Total adds up one figure over the areas.
func (f *Figures) Total(pick func(*AreaFigures) Measure) Total {
	t := Total{Known: len(f.Areas) > 0}
	for i := range f.Areas {
		m := pick(&f.Areas[i])
		if !m.Known {
			t.Known = false
			continue
		}
		t.Value += m.Value
		if m.Date.After(t.Date) {
			t.Date = m.Date
		}
		if m.Source != "" && !slices.Contains(t.Sources, m.Source) {
			t.Sources = append(t.Sources, m.Source)
		}
	}
	return t
}

// Applications, Municipalities and Population pick a figure for Total.
func Applications(a *AreaFigures) Measure   { return a.Applications }
func Municipalities(a *AreaFigures) Measure { return a.Municipalities }
func Population(a *AreaFigures) Measure     { return a.Population }

// PositionsDate is the date of the newest position change the figures use;
// zero when none is dated.
func (f *Figures) PositionsDate() time.Time {
	var d time.Time
	for _, a := range f.Areas {
		for _, p := range a.Positions {
			if p.Since.After(d) {
				d = p.Since
			}
		}
	}
	return d
}

// Area returns the figures of the area with this id, or nil.
func (f *Figures) Area(id string) *AreaFigures {
	for i := range f.Areas {
		if f.Areas[i].Area.ID == id {
			return &f.Areas[i]
		}
	}
	return nil
}
