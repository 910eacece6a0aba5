package chart

// The colour language of a bar chart: each series in its own colour
// (Series.Color where one is set, else the next of Palette), a light
// pattern on every series but the first so that no meaning rests on colour
// alone, only the series with something to show in the legend, and the
// Highlight category marked (see categoryData and barData).

// legendNames are the names of the series the legend lists.
func legendNames(s Spec) []string {
	var names []string
	for _, ser := range legendSeries(s) {
		names = append(names, ser.Name)
	}
	return names
}

// legendSeries are the series the legend lists: those with a value other
// than zero (a category that is zero everywhere only adds noise).
func legendSeries(s Spec) []Series {
	var out []Series
	for _, ser := range s.Series {
		for _, v := range ser.Values {
			if v != 0 {
				out = append(out, ser)
				break
			}
		}
	}
	return out
}

// decalColor draws patterns as a faint light texture over the fill, so the
// bar keeps its colour and labels on it stay readable.
const decalColor = "rgba(255,255,255,0.32)"

// decalPattern is an ECharts decal (itemStyle.decal), which go-echarts
// v2.6.7 has no type for.
type decalPattern struct {
	Color      string    `json:"color"`
	Symbol     string    `json:"symbol"`
	SymbolSize float64   `json:"symbolSize"`
	DashArrayX any       `json:"dashArrayX,omitempty"` // []float64 or [][]float64
	DashArrayY []float64 `json:"dashArrayY,omitempty"`
	Rotation   *float64  `json:"rotation,omitempty"` // radians
}

// decal is the pattern of the i-th series: none for the first, then
// sparse diagonal lines, dots and cross-hatching.
func decal(i int) decalPattern {
	rotation := func(r float64) *float64 { return &r }
	lines := []float64{1, 0}
	patterns := []decalPattern{
		{Symbol: "none"},
		{Symbol: "rect", DashArrayX: lines, DashArrayY: []float64{2, 7}, Rotation: rotation(0.785)},
		{Symbol: "circle", SymbolSize: 0.6, DashArrayX: [][]float64{{6, 6}, {0, 6, 6, 0}}, DashArrayY: []float64{6, 0}},
		{Symbol: "rect", DashArrayX: lines, DashArrayY: []float64{2, 7}, Rotation: rotation(-0.785)},
		{Symbol: "rect", DashArrayX: lines, DashArrayY: []float64{2, 6}, Rotation: rotation(0)},
		{Symbol: "triangle", SymbolSize: 0.6, DashArrayX: [][]float64{{8, 8}, {0, 8, 8, 0}}, DashArrayY: []float64{7, 2}},
	}
	p := patterns[i%len(patterns)]
	p.Color = decalColor
	if p.SymbolSize == 0 {
		p.SymbolSize = 1
	}
	return p
}
