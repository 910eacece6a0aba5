package chart

// patchColours applies the colour language to a bar chart: each series in
// its own colour (Series.Color) where one is set, a light pattern on every
// series but the first so that no meaning rests on colour alone, only the
// series with something to show in the legend, and the Highlight category
// marked.
func patchColours(m map[string]any, s Spec) {
	series, _ := m["series"].([]any)
	for i, x := range series {
		ser, ok := x.(map[string]any)
		if !ok || i >= len(s.Series) {
			continue
		}
		style := objectAt(ser, "itemStyle")
		if c := s.Series[i].Color; c != "" {
			style["color"] = c
		}
		style["decal"] = decal(i)
	}
	if legend, ok := m["legend"].(map[string]any); ok {
		var names []any
		for _, ser := range legendSeries(s) {
			names = append(names, ser.Name)
		}
		legend["data"] = names
	}
	if s.Highlight != "" {
		highlight(m, s)
	}
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

// decal is the pattern of the i-th series: none for the first, then
// sparse diagonal lines, dots and cross-hatching.
func decal(i int) any {
	patterns := []map[string]any{
		{"symbol": "none"},
		{"symbol": "rect", "dashArrayX": []any{1, 0}, "dashArrayY": []any{2, 7}, "rotation": 0.785},
		{"symbol": "circle", "symbolSize": 0.6, "dashArrayX": []any{[]any{6, 6}, []any{0, 6, 6, 0}}, "dashArrayY": []any{6, 0}},
		{"symbol": "rect", "dashArrayX": []any{1, 0}, "dashArrayY": []any{2, 7}, "rotation": -0.785},
		{"symbol": "rect", "dashArrayX": []any{1, 0}, "dashArrayY": []any{2, 6}, "rotation": 0},
		{"symbol": "triangle", "symbolSize": 0.6, "dashArrayX": []any{[]any{8, 8}, []any{0, 8, 8, 0}}, "dashArrayY": []any{7, 2}},
	}
	p := patterns[i%len(patterns)]
	out := map[string]any{"color": decalColor, "symbolSize": 1}
	for k, v := range p {
		out[k] = v
	}
	return out
}

// highlight marks the category s.Highlight: its axis label bold and its
// bars outlined in the text colour.
func highlight(m map[string]any, s Spec) {
	key := "xAxis"
	if s.Kind == HBar {
		key = "yAxis"
	}
	axis := firstObject(m, key)
	if axis == nil {
		return
	}
	data, _ := axis["data"].([]any)
	at := -1
	for i, d := range data {
		if name, ok := d.(string); ok && name == s.Highlight {
			data[i] = map[string]any{"value": name, "textStyle": map[string]any{"fontWeight": "bold", "color": textColor}}
			at = i
		}
	}
	series, _ := m["series"].([]any)
	for _, x := range series {
		ser, _ := x.(map[string]any)
		items, _ := ser["data"].([]any)
		if at < 0 || at >= len(items) {
			continue
		}
		if item, ok := items[at].(map[string]any); ok {
			item["itemStyle"] = map[string]any{"borderColor": textColor, "borderWidth": 2}
		}
	}
}
