package chart

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// optionHook, when set (tests only), may modify the finished option before
// it is serialised. It lets tests plant faults that validation would reject.
var optionHook func(option map[string]any)

// Option returns the ECharts option JSON built for a spec. All strings in it
// are plain data: it contains no JavaScript functions, and "<", ">" and "&"
// are escaped as \u003c etc., so it may be embedded in a <script> block.
// Renderer.Render additionally localises value-axis numbers (Norwegian
// format), which a plain JSON option cannot express.
func Option(s Spec) ([]byte, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	var built map[string]any
	switch s.Kind {
	case Pie:
		built = pieOption(s)
	case Map:
		built = mapOption(s)
	default:
		built = barOption(s)
	}
	// Round-trip through JSON to get plain maps that can be patched with
	// settings go-echarts has no field (or no suitable type) for.
	raw, err := json.Marshal(built)
	if err != nil {
		return nil, specError(s, "kan ikke kode innstillingene: %v", err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, specError(s, "kan ikke lese innstillingene: %v", err)
	}
	patchOption(m, s)
	if optionHook != nil {
		optionHook(m)
	}
	out, err := json.Marshal(m) // map keys are sorted: deterministic bytes
	if err != nil {
		return nil, specError(s, "kan ikke kode innstillingene: %v", err)
	}
	return out, nil
}

// commonOptions are the global options shared by every kind.
func commonOptions(s Spec) []charts.GlobalOpts {
	w, h := s.size()
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{
			Width:  fmt.Sprintf("%dpx", w),
			Height: fmt.Sprintf("%dpx", h),
			Theme:  "white", // makes go-echarts emit the colour list
		}),
		charts.WithColorsOpts(Palette),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(false)}),
		charts.WithAriaOpts(&opts.Aria{
			Enabled: opts.Bool(true),
			Decal:   &opts.AriaDecal{Show: opts.Bool(true)},
		}),
	}
}

// patchOption sets what go-echarts v2.6.7 cannot express: a global text
// style, numeric label intervals, label wrapping and a static (non
// interactive) chart.
func patchOption(m map[string]any, s Spec) {
	if s.Kind == Map {
		return // mapOption sets all it needs
	}
	m["textStyle"] = map[string]any{
		"fontFamily": FontFamily,
		"fontSize":   fontSize,
		"color":      textColor,
	}
	delete(m, "toolbox")
	if legend, ok := m["legend"].(map[string]any); ok {
		legend["selectedMode"] = false
		legend["textStyle"] = map[string]any{"fontSize": fontSize, "color": textColor}
	}
	series, _ := m["series"].([]any)
	for _, x := range series {
		if ser, ok := x.(map[string]any); ok {
			ser["silent"] = true
			ser["emphasis"] = map[string]any{"disabled": true}
		}
	}
	if s.Kind != Pie {
		patchColours(m, s)
	}
	switch s.Kind {
	case Bar:
		patchCategoryAxis(m, "xAxis", s)
		patchValueAxis(m, "yAxis", s)
	case HBar:
		patchCategoryAxis(m, "yAxis", s)
		patchValueAxis(m, "xAxis", s)
		if axis := firstObject(m, "xAxis"); axis != nil {
			axis["splitNumber"] = valueSplitNumber(s)
		}
	case Pie:
		patchPie(series, s)
	}
}

// firstObject returns m[key] (or its first element if it is a list) as a
// JSON object.
func firstObject(m map[string]any, key string) map[string]any {
	switch v := m[key].(type) {
	case map[string]any:
		return v
	case []any:
		if len(v) > 0 {
			o, _ := v[0].(map[string]any)
			return o
		}
	}
	return nil
}

// objectAt returns m[key] as a JSON object, creating it when missing.
func objectAt(m map[string]any, key string) map[string]any {
	if o, ok := m[key].(map[string]any); ok {
		return o
	}
	o := map[string]any{}
	m[key] = o
	return o
}

// patchCategoryAxis shows every category label (interval 0), wrapped to the
// width computed by categoryLabelWidth.
func patchCategoryAxis(m map[string]any, key string, s Spec) {
	axis := firstObject(m, key)
	if axis == nil {
		return
	}
	label := objectAt(axis, "axisLabel")
	label["interval"] = 0
	label["width"] = categoryLabelWidth(s)
	label["overflow"] = "break"
	label["lineHeight"] = fontSize + labelLineGap
	label["color"] = axisColor
	label["fontSize"] = fontSize
	label["margin"] = categoryMargin
	tick := objectAt(axis, "axisTick")
	tick["alignWithLabel"] = true
	if s.Kind == HBar {
		axis["inverse"] = true // first category on top, in reading order
	}
}

// patchValueAxis sets the value-axis label size (the theme default is 12px)
// and keeps ticks on whole numbers when every value is whole (no "1,5
// stillinger").
func patchValueAxis(m map[string]any, key string, s Spec) {
	if axis := firstObject(m, key); axis != nil {
		if wholeValues(s) {
			axis["minInterval"] = 1
		}
		label := objectAt(axis, "axisLabel")
		label["fontSize"] = fontSize
		label["hideOverlap"] = true
		delete(label, "showMinLabel") // go-echarts emits null
		delete(label, "showMaxLabel")
	}
}

// wholeValues reports whether every value (and the target) is an integer.
func wholeValues(s Spec) bool {
	if s.Target != nil && *s.Target != math.Trunc(*s.Target) {
		return false
	}
	for _, ser := range s.Series {
		for _, v := range ser.Values {
			if v != math.Trunc(v) {
				return false
			}
		}
	}
	return true
}
