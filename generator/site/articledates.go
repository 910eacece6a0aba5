package site

import (
	"time"

	"alisnord/generator/diag"
)

// NewestFigures is the value of tall_per that asks for the newest figures.
const NewestFigures = "siste"

// dates reads the front matter's dated fields: tall_per (figures as of a
// day, by default a news article's date) and lastmod.
func (a *Article) dates(fm frontMatter, ix keyIndex, ds *diag.Diagnostics) {
	switch v := fm.TallPer.(type) {
	case nil:
		if a.News {
			a.FiguresAt = a.Date
		}
	case time.Time:
		a.FiguresAt = civil(v)
	case string:
		if v != NewestFigures {
			ds.Add(ix.at("tall_per"), "tall_per må være en dato (ÅÅÅÅ-MM-DD, uten anførselstegn) eller %q, ikke %q", NewestFigures, v)
		}
		a.FiguresLatest = true
	default:
		ds.Add(ix.at("tall_per"), "tall_per må være en dato (ÅÅÅÅ-MM-DD, uten anførselstegn) eller %q", NewestFigures)
	}
	a.LastMod = fm.LastMod
	if !a.LastMod.IsZero() && !a.Date.IsZero() && a.LastMod.Before(a.Date) {
		ds.Add(ix.at("lastmod"), "lastmod (%s) er før date (%s)", isoDate(a.LastMod), isoDate(a.Date))
	}
}

// Updated is when the article last changed: lastmod, or else its date.
func (a *Article) Updated() time.Time {
	if !a.LastMod.IsZero() {
		return a.LastMod
	}
	return a.Date
}
