package chart

import "testing"

// TestNarrowLayout checks the layout estimates that keep a phone-width
// chart legible: category labels never break inside a word, and a legend
// too wide for one row gets the room of its extra rows.
func TestNarrowLayout(t *testing.T) {
	s := Spec{
		ID: "smal", Title: "Smal", Kind: Bar, Width: 360, Height: 320,
		Categories: []string{"Finnmark", "UNN", "Nordland", "Helgeland"},
		Series: []Series{
			{Name: "Besatt", Values: []float64{1, 2, 3, 4}, Stack: "s"},
			{Name: "Utlyst", Values: []float64{1, 2, 3, 4}, Stack: "s"},
			{Name: "Planlagt", Values: []float64{1, 2, 3, 4}, Stack: "s"},
			{Name: "Status ikke oppgitt", Values: []float64{1, 2, 3, 4}, Stack: "s"},
			{Name: "Mål: besatt høsten 2019", Values: []float64{4, 8, 12, 16}},
		},
	}
	long := s
	long.Categories = []string{"Finnmarkssykehuset", "UNN", "Nordlandssykehuset", "Helgelandssykehuset"}
	if w, word := categoryLabelWidth(long), measureText("Helgelandssykehuset", axisFont()); float64(w) < word {
		t.Errorf("category labels wrap at %d px, narrower than the word Helgelandssykehuset (%.0f px)", w, word)
	}
	if rows := legendRows(s); rows < 2 {
		t.Errorf("legend of five series in 360 px: %d row(s), want at least 2", rows)
	}
	top, _, _, _ := gridInsets(s)
	wide := s
	wide.Width = 0
	if wideTop, _, _, _ := gridInsets(wide); legendRows(wide) >= legendRows(s) || top <= wideTop {
		t.Errorf("narrow legend: %d rows, plot top %d px; wide: %d rows, top %d px", legendRows(s), top, legendRows(wide), wideTop)
	}
	if !wholeValues(s) {
		t.Error("whole values not recognised")
	}
	s.Series[0].Values[0] = 19.5
	if wholeValues(s) {
		t.Error("19.5 taken for a whole value")
	}
}
