package chart

import (
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// barOption builds the option for Bar and HBar with go-echarts.
func barOption(s Spec) map[string]any {
	bar := charts.NewBar()
	global := append(commonOptions(s),
		charts.WithLegendOpts(opts.Legend{
			Show: opts.Bool(len(s.Series) > 1),
			Top:  strconv.Itoa(outerMargin),
			Left: "center",
		}),
		charts.WithGridOpts(barGrid(s)),
	)
	lo, hi := valueExtent(s)
	label := &opts.AxisLabel{
		// A template, localised by the renderer (see harness.js).
		Formatter: types.FuncStr("{value}" + unitSuffix(s.Unit)),
		Color:     axisColor,
	}
	split := &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: gridLineColor}}
	if s.Kind == HBar {
		bar.XYReversal()
		global = append(global,
			charts.WithXAxisOpts(opts.XAxis{Type: "value", AxisLabel: label, SplitLine: split, Min: lo, Max: hi}),
			charts.WithYAxisOpts(opts.YAxis{Type: "category"}))
	} else {
		global = append(global,
			charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
			charts.WithYAxisOpts(opts.YAxis{Type: "value", AxisLabel: label, SplitLine: split, Min: lo, Max: hi}))
	}
	bar.SetGlobalOptions(global...)
	bar.SetXAxis(s.Categories)
	for i, ser := range s.Series {
		seriesOpts := []charts.SeriesOpts{
			charts.WithBarChartOpts(opts.BarChart{Stack: ser.Stack}),
			charts.WithLabelOpts(seriesLabel(s, ser)),
			// Rather hide a value label than let it cover another.
			charts.WithLabelLayoutOpts(opts.LabelLayout{HideOverlap: opts.Bool(true)}),
		}
		if i == 0 && s.Target != nil {
			seriesOpts = append(seriesOpts, targetLine(s))
		}
		bar.AddSeries(ser.Name, barData(s, ser), seriesOpts...)
	}
	bar.Validate()
	return bar.JSON()
}

// unitSuffix returns the unit with a leading space made unbreakable.
func unitSuffix(unit string) string {
	return withUnit(0, unit)[len("0"):]
}

// barData precomputes every value label as fixed text, formatted the
// Norwegian way (ECharts itself would print 1,234.5).
// Labels inside stacked segments too small for them are hidden.
func barData(s Spec, ser Series) []opts.BarData {
	data := make([]opts.BarData, len(ser.Values))
	scale := plotScale(s)
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
	}
	return data
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
