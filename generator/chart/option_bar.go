package chart

import (
	"math"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// barOption builds the option for Bar and HBar with go-echarts.
func barOption(s Spec) *charts.Bar {
	bar := charts.NewBar()
	bar.Accept(staticChart{category: categoryLabel{Interval: 0, LineHeight: fontSize + labelLineGap}})
	global := append(commonOptions(),
		charts.WithLegendOpts(opts.Legend{
			Show:      opts.Bool(len(s.Series) > 1),
			Top:       strconv.Itoa(outerMargin),
			Left:      "center",
			Data:      legendNames(s),
			TextStyle: &opts.TextStyle{FontSize: fontSize, Color: textColor},
		}),
		charts.WithGridOpts(barGrid(s)),
	)
	category, value := categoryAxisLabel(s), valueAxis(s)
	tick := &opts.AxisTick{AlignWithLabel: opts.Bool(true)}
	if s.Kind == HBar {
		bar.XYReversal()
		global = append(global,
			charts.WithXAxisOpts(opts.XAxis{Type: "value", AxisLabel: value.AxisLabel, SplitLine: value.SplitLine,
				Min: value.Min, Max: value.Max, MinInterval: value.MinInterval, SplitNumber: valueSplitNumber(s)}),
			// first category on top, in reading order
			charts.WithYAxisOpts(opts.YAxis{Type: "category", AxisLabel: category, Inverse: opts.Bool(true)}))
	} else {
		global = append(global,
			charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: category, AxisTick: tick}),
			charts.WithYAxisOpts(value))
	}
	bar.SetGlobalOptions(global...)
	bar.SetXAxis(categoryData(s))
	for i, ser := range s.Series {
		seriesOpts := []charts.SeriesOpts{
			charts.WithBarChartOpts(opts.BarChart{Stack: ser.Stack}),
			charts.WithLabelOpts(seriesLabel(s, ser)),
			// Rather hide a value label than let it cover another.
			charts.WithLabelLayoutOpts(opts.LabelLayout{HideOverlap: opts.Bool(true)}),
		}
		if ser.Color != "" {
			seriesOpts = append(seriesOpts, charts.WithItemStyleOpts(opts.ItemStyle{Color: ser.Color}))
		}
		if i == 0 && s.Target != nil {
			seriesOpts = append(seriesOpts, targetLine(s))
		}
		bar.AddSeries(ser.Name, barData(s, ser), seriesOpts...)
	}
	bar.Validate()
	return bar
}

// categoryAxisLabel shows every category label (interval 0, set by
// staticChart), wrapped to the width computed by categoryLabelWidth.
func categoryAxisLabel(s Spec) *opts.AxisLabel {
	return &opts.AxisLabel{
		Width:    categoryLabelWidth(s),
		Overflow: "break",
		Color:    axisColor,
		FontSize: fontSize,
		Margin:   categoryMargin,
	}
}

// valueAxis is the value axis (x for HBar, y for Bar): localised labels
// with the unit, grid lines, room for the Target line, and ticks on whole
// numbers when every value is whole (no "1,5 stillinger").
func valueAxis(s Spec) opts.YAxis {
	lo, hi := valueExtent(s)
	axis := opts.YAxis{
		Type: "value",
		AxisLabel: &opts.AxisLabel{
			// A template, localised by the renderer (see harness.js).
			Formatter:   types.FuncStr("{value}" + unitSuffix(s.Unit)),
			Color:       axisColor,
			FontSize:    fontSize,
			HideOverlap: opts.Bool(true),
		},
		SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: gridLineColor}},
		Min:       lo,
		Max:       hi,
	}
	if wholeValues(s) {
		axis.MinInterval = 1
	}
	return axis
}

// categoryData are the category names, the Highlight category as an item
// with a bold label.
func categoryData(s Spec) []any {
	data := make([]any, len(s.Categories))
	for i, c := range s.Categories {
		data[i] = c
		if s.Highlight != "" && c == s.Highlight {
			data[i] = categoryItem{Value: c, TextStyle: &opts.TextStyle{FontWeight: "bold", Color: textColor}}
		}
	}
	return data
}

// categoryItem is one category with its own label style.
type categoryItem struct {
	Value     string          `json:"value"`
	TextStyle *opts.TextStyle `json:"textStyle"`
}

// unitSuffix returns the unit with a leading space made unbreakable.
func unitSuffix(unit string) string {
	return withUnit(0, unit)[len("0"):]
}

// barData precomputes every value label as fixed text, formatted the
// Norwegian way (ECharts itself would print 1,234.5).
// Labels inside stacked segments too small for them are hidden, and the
// bars of the Highlight category are outlined in the text colour.
func barData(s Spec, ser Series) []opts.BarData {
	data := make([]opts.BarData, len(ser.Values))
	scale := plotScale(s)
	at := highlighted(s)
	for i, v := range ser.Values {
		text := withUnit(v, s.Unit)
		show := true
		if ser.Stack != "" {
			show = v != 0 && insideLabelFits(s, v, text, scale)
		}
		data[i] = opts.BarData{
			Value: v,
			Label: &opts.Label{Show: opts.Bool(show), Formatter: text},
		}
		if i == at {
			data[i].ItemStyle = &opts.ItemStyle{BorderColor: textColor, BorderWidth: 2}
		}
	}
	return data
}

// highlighted is the index of the (last) Highlight category, or -1.
func highlighted(s Spec) int {
	at := -1
	for i, c := range s.Categories {
		if s.Highlight != "" && c == s.Highlight {
			at = i
		}
	}
	return at
}

// seriesLabel places value labels outside the bar end, or inside stacked
// segments (in white, which every palette colour contrasts with).
func seriesLabel(s Spec, ser Series) opts.Label {
	l := opts.Label{Show: opts.Bool(true), FontSize: labelFontSize, Color: textColor}
	switch {
	case ser.Stack != "":
		l.Position, l.Color = "inside", insideColor
	case s.Kind == HBar:
		l.Position = "right"
	default:
		l.Position = "top"
	}
	return l
}

// targetLine draws Target as a dashed reference line labelled
// "TargetLabel: value".
func targetLine(s Spec) charts.SeriesOpts {
	text := withUnit(*s.Target, s.Unit)
	if s.TargetLabel != "" {
		text = "{b}: " + text // {b} is the data item name, i.e. TargetLabel
	}
	var item any = opts.MarkLineNameYAxisItem{Name: s.TargetLabel, YAxis: *s.Target}
	position := "insideEndTop"
	if s.Kind == HBar {
		item = opts.MarkLineNameXAxisItem{Name: s.TargetLabel, XAxis: *s.Target}
		position = "start" // the category axis is inverted: start is on top
	}
	return charts.WithSeriesOpts(func(ser *charts.SingleSeries) {
		ser.MarkLines = &opts.MarkLines{
			Data: []any{item},
			MarkLineStyle: opts.MarkLineStyle{
				Symbol:    []string{"none", "none"},
				Label:     &opts.Label{Show: opts.Bool(true), Formatter: text, Position: position, Color: textColor, FontSize: labelFontSize},
				LineStyle: &opts.LineStyle{Color: targetColor, Type: "dashed", Width: 2},
			},
		}
	})
}

// barGrid reserves room around the plot for the legend and the value
// labels at the bar ends; ECharts adds the axis labels (containLabel).
func barGrid(s Spec) opts.Grid {
	top, right, bottom, left := gridInsets(s)
	return opts.Grid{
		Left:         strconv.Itoa(left),
		Right:        strconv.Itoa(right),
		Top:          strconv.Itoa(top),
		Bottom:       strconv.Itoa(bottom),
		ContainLabel: opts.Bool(true),
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
