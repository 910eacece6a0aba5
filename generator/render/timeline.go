package render

import (
	"fmt"
	"sort"
	"time"

	"alisnord/generator/norsk"
	"alisnord/generator/site"
)

// TimelineEntry is one date on which the figures changed, for the events
// page: what changed, the events of that day, and where recruitment stood.
type TimelineEntry struct {
	Date    time.Time
	Changes []string
	Events  []*site.Event
	Filled  string // «1 av 32 stillinger besatt» after the day's changes
}

// Timeline lists, oldest first, every date a position changed or an area
// got a later count. It is empty while the data holds one state only.
func (p *Page) Timeline() []TimelineEntry {
	s := p.Site
	byDate := map[time.Time]*TimelineEntry{}
	add := func(d time.Time, what string) {
		d = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
		e := byDate[d]
		if e == nil {
			e = &TimelineEntry{Date: d}
			byDate[d] = e
		}
		e.Changes = append(e.Changes, what)
	}
	for _, pt := range s.Participants {
		slots := pt.Slots()
		for i, slot := range slots {
			for _, c := range slot.History() {
				if !c.Date.IsZero() {
					add(c.Date, fmt.Sprintf("%s, stilling %d: %s", pt.Name, i+1, changeSummary(c)))
				}
			}
		}
	}
	for _, a := range s.Areas {
		for _, c := range a.Count {
			d := c.Date
			if d.IsZero() {
				d = s.SourceDate(c.Source)
			}
			add(d, a.Name+": "+countWords(c))
		}
	}
	out := make([]TimelineEntry, 0, len(byDate))
	for d, e := range byDate {
		f := s.AsOf(d)
		e.Filled = fmt.Sprintf("%s av %s stillinger besatt", norsk.Int(countStatus(f, "", site.StatusFilled)), norsk.Int(s.Project.Totals.Positions))
		for i := range s.Events {
			if ev := &s.Events[i]; ev.Date.Equal(d) && (ev.Precision == "" || ev.Precision == site.DateDay) {
				e.Events = append(e.Events, &s.Events[i])
			}
		}
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// changeSummary says in a few words what a position's change set.
func changeSummary(c site.Change) string {
	switch {
	case c.Status != "" && c.Model != "":
		return statusWords[c.Status] + ", " + string(c.Model)
	case c.Status != "":
		return statusWords[c.Status]
	}
	return "avtaleform " + string(c.Model)
}

// countWords lists the figures of a later count of an area.
func countWords(c site.Count) string {
	var parts []string
	if c.Applications != nil {
		parts = append(parts, norsk.Int(*c.Applications)+" søknader")
	}
	if c.Municipalities != nil {
		parts = append(parts, norsk.Decimal(*c.Municipalities)+" kommuner bak søknadene")
	}
	if c.Population != nil {
		parts = append(parts, norsk.Int(*c.Population)+" innbyggere")
	}
	return joinNorwegian(parts)
}
