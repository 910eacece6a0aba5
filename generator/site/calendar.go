package site

import (
	"fmt"
	"sort"
	"time"
)

// Scheduled is a change the site makes on its own, without a push: an
// article that appears on its publishDate or goes away on its expiryDate.
// The CI workflows build every night, so it happens on its day.
type Scheduled struct {
	Date    time.Time
	Appears bool // true: published that day; false: taken away
	Article *Article
}

// schedule lists what is ahead of today among all articles but drafts,
// in date order.
func schedule(all []*Article, today time.Time) []Scheduled {
	var out []Scheduled
	for _, a := range all {
		if a.Draft {
			continue
		}
		if d := civil(a.published()); d.After(today) {
			out = append(out, Scheduled{Date: d, Appears: true, Article: a})
		}
		if d := civil(a.ExpiryDate); !a.ExpiryDate.IsZero() && d.After(today) {
			out = append(out, Scheduled{Date: d, Article: a})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Date.Equal(out[j].Date) {
			return out[i].Date.Before(out[j].Date)
		}
		return out[i].Article.Path < out[j].Article.Path
	})
	return out
}

// Calendar returns what the site will change on its own after today.
func (s *Site) Calendar() []Scheduled { return s.calendar }

// CalendarLines is the publishing calendar as lines for a terminal:
// «2026-12-01  publiseres  content/nyheter/x.md  «Tittel»».
func (s *Site) CalendarLines() []string {
	if len(s.calendar) == 0 {
		return []string{"Publiseringskalender: ingen saker er planlagt eller skal tas bort."}
	}
	out := []string{"Publiseringskalender (skjer av seg selv ved nattlig bygg):"}
	for _, c := range s.calendar {
		what := "tas bort  "
		if c.Appears {
			what = "publiseres"
		}
		out = append(out, fmt.Sprintf("  %s  %s  %s  «%s»", isoDate(c.Date), what, c.Article.Path, c.Article.Title))
	}
	return out
}
