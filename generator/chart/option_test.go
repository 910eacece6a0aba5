package chart

import (
	"encoding/json"
	"slices"
	"testing"
)

// builtOption is the part of an option JSON that the colour and static
// settings live in.
type builtOption struct {
	Color   []string `json:"color"`
	Toolbox *struct {
		Show *bool `json:"show"`
	} `json:"toolbox"`
	TextStyle struct {
		FontFamily string `json:"fontFamily"`
	} `json:"textStyle"`
	Legend struct {
		SelectedMode any `json:"selectedMode"`
	} `json:"legend"`
	Series []struct {
		Silent   bool `json:"silent"`
		Emphasis struct {
			Disabled bool `json:"disabled"`
		} `json:"emphasis"`
		ItemStyle struct {
			Color string `json:"color"`
			Decal struct {
				Color  string `json:"color"`
				Symbol string `json:"symbol"`
			} `json:"decal"`
		} `json:"itemStyle"`
	} `json:"series"`
	XAxis []axisJSON `json:"xAxis"`
	YAxis []axisJSON `json:"yAxis"`
}

type axisJSON struct {
	Type      string                     `json:"type"`
	AxisLabel map[string]json.RawMessage `json:"axisLabel"`
}

// TestOptionPaletteNoToolbox checks, for every kind built through
// go-echarts' typed API, that the option carries our palette (not
// go-echarts' default one), no toolbox, and the settings staticChart adds
// where go-echarts has no field: a static legend and series, a decal per
// series, the global font and a numeric category-label interval.
func TestOptionPaletteNoToolbox(t *testing.T) {
	specs := []Spec{sampleSpecs()[Bar], sampleSpecs()[HBar], stackedSpec()}
	for _, s := range specs {
		t.Run(s.ID, func(t *testing.T) {
			raw, err := Option(s)
			if err != nil {
				t.Fatal(err)
			}
			var o builtOption
			if err := json.Unmarshal(raw, &o); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(o.Color, Palette) {
				t.Errorf("color = %q, want Palette %q", o.Color, Palette)
			}
			if o.Toolbox != nil && (o.Toolbox.Show == nil || *o.Toolbox.Show) {
				t.Errorf("the option has a toolbox that shows: %s", raw)
			}
			if o.TextStyle.FontFamily != FontFamily {
				t.Errorf("textStyle.fontFamily = %q, want %q", o.TextStyle.FontFamily, FontFamily)
			}
			if o.Legend.SelectedMode != false {
				t.Errorf("legend.selectedMode = %#v, want false", o.Legend.SelectedMode)
			}
			checkSeriesStyle(t, s, o)
			checkCategoryLabel(t, s, o)
		})
	}
}

// checkSeriesStyle checks every series is static, in its own colour where
// the spec sets one, with the i-th decal pattern.
func checkSeriesStyle(t *testing.T, s Spec, o builtOption) {
	t.Helper()
	if len(o.Series) != len(s.Series) {
		t.Fatalf("%d series, want %d", len(o.Series), len(s.Series))
	}
	for i, ser := range o.Series {
		if !ser.Silent || !ser.Emphasis.Disabled {
			t.Errorf("series %d: silent=%v emphasis.disabled=%v, want both true", i, ser.Silent, ser.Emphasis.Disabled)
		}
		if ser.ItemStyle.Color != s.Series[i].Color {
			t.Errorf("series %d: colour %q, want %q", i, ser.ItemStyle.Color, s.Series[i].Color)
		}
		if d := ser.ItemStyle.Decal; d.Color != decalColor || d.Symbol != decal(i).Symbol {
			t.Errorf("series %d: decal %+v, want symbol %q in %s", i, d, decal(i).Symbol, decalColor)
		}
	}
}

// checkCategoryLabel checks the category axis shows every label: interval
// is the number 0 (the string "0" that go-echarts' type would give is no
// interval to ECharts).
func checkCategoryLabel(t *testing.T, s Spec, o builtOption) {
	t.Helper()
	axes := o.XAxis
	if s.Kind == HBar {
		axes = o.YAxis
	}
	if len(axes) != 1 || axes[0].Type != "category" {
		t.Fatalf("category axis: %+v", axes)
	}
	if got := string(axes[0].AxisLabel["interval"]); got != "0" {
		t.Errorf("category axisLabel.interval = %s, want the number 0", got)
	}
}

// BenchmarkOption builds the option of the sample bar chart (synthetic
// figures): what every chart costs before the cache is asked.
func BenchmarkOption(b *testing.B) {
	s := sampleSpecs()[Bar]
	for b.Loop() {
		if _, err := Option(s); err != nil {
			b.Fatal(err)
		}
	}
}
