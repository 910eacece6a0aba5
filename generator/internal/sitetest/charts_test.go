package sitetest

import (
	"errors"
	"os"
	"strings"
	"testing"

	"alisnord/generator/chart"
)

// twoBars is a synthetic chart.
func twoBars(id string) chart.Spec {
	return chart.Spec{ID: id, Kind: chart.Bar, Title: "Syntetisk", Categories: []string{"Nord", "Sør"},
		Series: []chart.Series{{Name: "Søknader", Values: []float64{3, 4}, Color: "#1f4e79"}}}
}

// TestChartsUseTheStore: the stub draws through the real renderer, whose
// drawings land in the chart store as a build's do, and each drawing is
// the renderer's finished SVG.
func TestChartsUseTheStore(t *testing.T) {
	c := NewCharts(t)
	svgs, err := c.Render([]chart.Spec{twoBars("a")})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(svgs[0], `aria-labelledby="`) {
		t.Errorf("not the renderer's finished SVG:\n%s", svgs[0])
	}
	entries, err := os.ReadDir(c.store)
	if err != nil || len(entries) != 2 {
		t.Errorf("chart store holds %d entries (%v), want 2: the drawing and its finished body", len(entries), err)
	}
	if _, ok := c.Specs()["a"]; !ok {
		t.Error("the spec drawn is not kept")
	}
}

// TestChartsFail: Script and BadCategory fail their specs only, at the
// right index and category.
func TestChartsFail(t *testing.T) {
	c := NewCharts(t)
	c.Script = map[string]string{"b": "TypeError: boom"}
	c.BadCategory = "Sør"
	ok := twoBars("c")
	ok.Categories = []string{"Nord", "Midt"}
	_, err := c.Render([]chart.Spec{ok, twoBars("b"), twoBars("d")})
	var failed chart.Errors
	if !errors.As(err, &failed) || len(failed) != 2 {
		t.Fatalf("want two failures, got %v", err)
	}
	if e := failed[0]; e.Index != 1 || e.Category != -1 || e.Msg != "TypeError: boom" {
		t.Errorf("first failure %+v", *e)
	}
	if e := failed[1]; e.Index != 2 || e.Category != 1 {
		t.Errorf("second failure %+v", *e)
	}
}
