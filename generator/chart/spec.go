// Package chart turns a small, site-independent chart description (Spec)
// into an accessible, deterministic SVG string at build time.
//
// The chart option is built with go-echarts and rendered by Apache ECharts'
// own server-side SVG renderer, executed inside Go by the goja JavaScript
// engine. The ECharts bundle is not vendored: fetch-echarts.sh downloads the
// pinned release (make echarts) and LoadBundle reads it.
//
// The returned SVG is meant to be inlined into HTML5: it has role="img",
// an aria-label, <title> and <desc>, a viewBox for scaling, element ids that
// are derived from Spec.ID (stable across renders and unique per chart) and
// no XML declaration, scripts or event attributes.
package chart

import (
	"fmt"
	"math"
	"regexp"
	"strings"
)

// Kind is the chart type.
type Kind string

// The supported chart kinds.
const (
	// Bar draws vertical bars, one or more series side by side; series
	// with the same Stack are stacked.
	Bar Kind = "bar"
	// HBar draws horizontal bars (good for long category names).
	HBar Kind = "hbar"
	// Map colours regions of a map (Spec.Map): Categories name the regions
	// to colour, and each Series is one group, with a non-zero value for
	// the regions it colours.
	Map Kind = "map"
)

// Default chart size in CSS pixels, used when Spec.Width or Spec.Height is 0.
// HBar charts without an explicit height grow with the number of categories.
const (
	DefaultWidth  = 640
	DefaultHeight = 360
)

// Size limits accepted by Validate.
const (
	minSize = 120
	maxSize = 4000
)

// Series is one named row of values, one value per category.
type Series struct {
	Name   string
	Values []float64 // one per category; may be fractional (19.5)
	Stack  string    // non-empty: stacked with other series of the same Stack
	Color  string    // optional fixed colour (#rrggbb); else the next of Palette
}

// Spec describes one chart. It is independent of any site: all text is
// plain text (it is escaped on output) and colours are chosen by the package.
type Spec struct {
	ID          string    // stable slug like "soknader-per-omrade"; element-id prefix, must be [a-z0-9-]+
	Title       string    // Norwegian title; goes into <title> and aria-label
	Desc        string    // one-sentence Norwegian summary; goes into <desc>
	Kind        Kind      // Bar, HBar or Map
	Categories  []string  // x-axis (y for HBar) category labels, or map regions
	Series      []Series  // one or more rows of values
	Unit        string    // optional suffix for value labels, e.g. " %"
	Target      *float64  // optional reference line (markLine), labelled TargetLabel
	TargetLabel string    // label of the Target line, e.g. "Mål"
	Width       int       // px; 0 means DefaultWidth
	Height      int       // px; 0 means DefaultHeight (HBar: grows with categories; Map: fits the view)
	Map         *MapLayer // the geometry of a Map
	// Highlight names a category to mark (the page's own area or
	// participant): bold label and outlined bars (Bar, HBar).
	Highlight string
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Validate reports the first problem that would stop the spec from
// rendering, as an *Error in Norwegian; a problem in one category (or in
// one value of a series) names it in Error.Category.
func (s Spec) Validate() error {
	if !idPattern.MatchString(s.ID) || len(s.ID) > 80 {
		return specError(s, "ID-en må være en slug av [a-z0-9-]+ (høyst 80 tegn)")
	}
	switch s.Kind {
	case Bar, HBar, Map:
	default:
		return specError(s, "ukjent Kind %q (skal være %q, %q eller %q)", s.Kind, Bar, HBar, Map)
	}
	switch {
	case strings.TrimSpace(s.Title) == "":
		return specError(s, "tittelen (Title) er tom")
	case len(s.Categories) == 0:
		return specError(s, "ingen kategorier")
	case len(s.Series) == 0:
		return specError(s, "ingen dataserier")
	case strings.ContainsAny(s.Unit, "{}|\n"):
		return specError(s, "enheten (Unit) %q kan ikke inneholde «{», «}», «|» eller linjeskift", s.Unit)
	}
	if err := s.validateSize(); err != nil {
		return err
	}
	if s.Kind == Map {
		if err := s.validateMap(); err != nil {
			return err
		}
	}
	return s.validateValues()
}

func (s Spec) validateSize() error {
	for _, v := range []int{s.Width, s.Height} {
		if v != 0 && (v < minSize || v > maxSize) {
			return specError(s, "størrelsen %dx%d er utenfor det tillatte (0 for standard, ellers %d..%d px)", s.Width, s.Height, minSize, maxSize)
		}
	}
	return nil
}

func (s Spec) validateValues() error {
	if s.Target != nil && (math.IsNaN(*s.Target) || math.IsInf(*s.Target, 0)) {
		return specError(s, "målet (Target) er ikke et endelig tall")
	}
	for i, c := range s.Categories {
		if strings.TrimSpace(c) == "" {
			return &Error{ID: s.ID, Category: i, Msg: fmt.Sprintf("kategori %d har tomt navn", i)}
		}
	}
	for _, ser := range s.Series {
		if len(ser.Values) != len(s.Categories) {
			return specError(s, "serien %q har %d verdier for %d kategorier", ser.Name, len(ser.Values), len(s.Categories))
		}
		for j, v := range ser.Values {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return &Error{ID: s.ID, Category: j, Msg: fmt.Sprintf("verdi %d i serien %q er ikke et endelig tall", j, ser.Name)}
			}
		}
	}
	if s.nonZero() == 0 {
		return specError(s, "alle verdiene er null; det er ingenting å tegne")
	}
	return nil
}

// nonZero counts the data points that must produce a visible mark.
func (s Spec) nonZero() int {
	n := 0
	for _, ser := range s.Series {
		for _, v := range ser.Values {
			if v != 0 {
				n++
			}
		}
	}
	return n
}

// size returns the chart size in px with defaults applied.
func (s Spec) size() (w, h int) {
	w, h = s.width(), s.Height
	if h == 0 {
		h = DefaultHeight
		switch s.Kind {
		case HBar:
			h = hbarHeight(s)
		case Map:
			h = mapHeight(s)
		}
	}
	return w, h
}

// width returns the chart width in px with the default applied.
func (s Spec) width() int {
	if s.Width == 0 {
		return DefaultWidth
	}
	return s.Width
}

// hbarHeight gives every category row enough room for its bars and a
// label wrapped over up to two lines.
func hbarHeight(s Spec) int {
	perRow := 36 + 16*max(0, groupCount(s)-1)
	h := 90 + perRow*len(s.Categories)
	if len(s.Series) > 1 {
		h += legendSpace(s)
	}
	return min(max(h, 200), maxSize)
}

// groupCount is the number of bars drawn side by side per category: one per
// distinct non-empty Stack plus one per unstacked series.
func groupCount(s Spec) int {
	seen := map[string]bool{}
	n := 0
	for _, ser := range s.Series {
		if ser.Stack == "" {
			n++
		} else if !seen[ser.Stack] {
			seen[ser.Stack] = true
			n++
		}
	}
	return n
}
