package render

import (
	"fmt"
	"time"

	"alisnord/generator/norsk"
	"alisnord/generator/site"
)

// Templates ask a page for its figures as of the newest data (Latest) and
// for the date each block of figures is true on («Tall per …»).

// Latest returns the newest figures.
func (p *Page) Latest() *site.Figures { return p.latest }

// KeyFiguresAsOf is the newest date of the data behind the key figures:
// applications, municipalities, population and the participants.
func (p *Page) KeyFiguresAsOf() time.Time {
	f := p.latest
	d := p.Site.SourceDate(participantsSource)
	for _, pick := range []func(*site.AreaFigures) site.Measure{site.Applications, site.Municipalities, site.Population} {
		d = later(d, f.Total(pick).Date)
	}
	return d
}

// AreaAsOf is the newest date of the data behind an area's figures.
func (p *Page) AreaAsOf(a *site.Area) time.Time {
	af := p.latest.Area(a.ID)
	if af == nil {
		return time.Time{}
	}
	d := later(p.Site.SourceDate(participantsSource), af.Applications.Date)
	return later(later(d, af.Municipalities.Date), af.Population.Date)
}

// ParticipantAsOf is the newest date of the data behind a participant's
// positions: the participant list, or a later change of a position.
func (p *Page) ParticipantAsOf(pt *site.Participant) time.Time {
	d := p.Site.SourceDate(participantsSource)
	for _, st := range p.states(pt) {
		d = later(d, st.Since)
	}
	return d
}

// states returns the newest state of each of a participant's positions.
func (p *Page) states(pt *site.Participant) []site.PositionState {
	var out []site.PositionState
	if af := p.latest.Area(pt.Area); af != nil {
		for _, st := range af.Positions {
			if st.Participant == pt {
				out = append(out, st)
			}
		}
	}
	return out
}

// Positions returns the newest state of each of a participant's positions.
func (p *Page) Positions(pt *site.Participant) []site.PositionState { return p.states(pt) }

// Updated is the date «Sist oppdatert» shows: for an article its lastmod
// when that differs from its date; for a page of figures the date of the
// newest data; otherwise zero (nothing shown).
func (p *Page) Updated() time.Time {
	if a := p.Article; a != nil {
		if !a.LastMod.IsZero() && !a.LastMod.Equal(a.Date) {
			return a.LastMod
		}
		return time.Time{}
	}
	if dataPages[p.Kind] && p.latest != nil {
		return p.latest.Epoch
	}
	return time.Time{}
}

// dataPages are the page kinds that show figures from data/.
var dataPages = map[Kind]bool{KindFront: true, KindStats: true, KindAreas: true, KindArea: true,
	KindParticipants: true, KindParticipant: true, KindProject: true, KindEvents: true, KindFactSheet: true}

// lastMod is a page's date in the sitemap: an article's lastmod or date,
// the newest data for a page of figures.
func (p *Page) lastMod() time.Time {
	if p.Article != nil {
		return p.Article.Updated()
	}
	return p.Updated()
}

// statusWords are the statuses as the past participles of a sentence.
var statusWords = map[site.PositionStatus]string{site.StatusPlanned: "planlagt", site.StatusAdvertised: "utlyst", site.StatusFilled: "besatt"}

// History tells, one sentence per position, what happened to a
// participant's positions: «Stilling 1 ble utlyst 1. september 2019 og
// besatt 1. oktober 2019 (fastlønn).» Positions with no dated change are
// left out.
func (p *Page) History(pt *site.Participant) []string {
	var out []string
	slots := pt.Slots()
	for i, slot := range slots {
		var steps []string
		for _, c := range slot.History() {
			if c.Date.IsZero() {
				continue
			}
			steps = append(steps, changeWords(c))
		}
		if len(steps) == 0 {
			continue
		}
		subject := "Stillingen"
		if len(slots) > 1 {
			subject = fmt.Sprintf("Stilling %d", i+1)
		}
		out = append(out, subject+" ble "+joinNorwegian(steps)+".")
	}
	return out
}

// changeWords says what one change did, for a sentence after «ble».
func changeWords(c site.Change) string {
	when := norsk.Date(c.Date)
	switch {
	case c.Status != "" && c.Model != "":
		return fmt.Sprintf("%s %s, med %s", statusWords[c.Status], when, c.Model)
	case c.Status != "":
		return statusWords[c.Status] + " " + when
	}
	return fmt.Sprintf("lagt om til %s %s", c.Model, when)
}

// AreaSourceOf describes the source of an area's newest "applications" or
// "population" figure, with its date.
func (p *Page) AreaSourceOf(a *site.Area, figure string) string {
	af := p.latest.Area(a.ID)
	if af == nil {
		return norsk.Unknown
	}
	return sourceOf(p.Site, pickFigure(figure)(af).Source)
}

// pickFigure picks "applications" or, otherwise, "population".
func pickFigure(figure string) func(*site.AreaFigures) site.Measure {
	if figure == "applications" {
		return site.Applications
	}
	return site.Population
}

// ParticipantsAsOf is the date of the list of participants and positions.
func (p *Page) ParticipantsAsOf() time.Time { return p.Site.SourceDate(participantsSource) }
