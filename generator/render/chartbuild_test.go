package render

import (
	"slices"
	"testing"

	"alisnord/generator/chart"
)

// TestChartTableUnits checks that a chart's table writes its unit as the
// chart does: after a no-break space, so «52 %» never wraps, in the rows
// and in the sum.
func TestChartTableUnits(t *testing.T) {
	c := &chartData{Spec: chartShare.spec([]string{"Kommuner", "Innbyggere"},
		[]chart.Series{{Name: "Søkte", Values: []float64{52, 19.5}}})}
	c.table("Andel av", true)
	want := [][]string{{"Kommuner", "52\u00a0%"}, {"Innbyggere", "19,5\u00a0%"}}
	if !slices.EqualFunc(c.Rows, want, slices.Equal) {
		t.Errorf("rows = %q, want %q", c.Rows, want)
	}
	if foot := []string{"Sum", "71,5\u00a0%"}; !slices.Equal(c.Foot, foot) {
		t.Errorf("foot = %q, want %q", c.Foot, foot)
	}
}
