package render

import (
	"strings"
	"time"

	"alisnord/generator/norsk"
	"alisnord/generator/site"
)

// sourcesOf describes the sources with these ids for a source line, each
// once, in the order given.
func sourcesOf(s *site.Site, ids []string) string {
	var parts []string
	for _, id := range ids {
		if d := sourceOf(s, id); d != norsk.Unknown && !contains(parts, d) {
			parts = append(parts, d)
		}
	}
	if len(parts) == 0 {
		return norsk.Unknown
	}
	return strings.Join(parts, " ")
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// positionsSource describes where the positions' figures as of f come
// from: the list of participants and, once any is registered, the dated
// changes of status and contract model up to the newest one used.
func positionsSource(s *site.Site, f *site.Figures) string {
	src := sourceOf(s, participantsSource)
	if d := f.PositionsDate(); !d.IsZero() {
		src += " Status og avtaleform: endringer registrert av ALIS-Nord til og med " + norsk.Date(d) + "."
	}
	return src
}

// positionsDate is the newest date the positions' figures as of f use.
func positionsDate(s *site.Site, f *site.Figures) time.Time {
	return later(s.SourceDate(participantsSource), f.PositionsDate())
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
