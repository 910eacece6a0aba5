package chart

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// staticChart completes a go-echarts option with the settings go-echarts
// v2.6.7 has no field (or no suitable type) for. It is go-echarts' own
// extension point (charts.ConfigurationVisitor): each Visit method gets a
// typed option and returns it wrapped in a type that adds the missing keys.
// The gaps, all in go-echarts v2.6.7:
//   - no global textStyle on the chart;
//   - legend.selectedMode is a string, ECharts needs false;
//   - series have no silent, emphasis.disabled or itemStyle.decal;
//   - axisLabel.interval and lineHeight are strings, ECharts needs numbers
//     (the string "0" is not an interval), and showMinLabel/showMaxLabel
//     are always emitted (as null);
//   - yAxis has no axisTick (xAxis has).
type staticChart struct {
	charts.BaseConfigurationVisitor
	category categoryLabel // the category axis' label settings
}

// Visit adds the global text style.
func (staticChart) Visit(option map[string]any) {
	option["textStyle"] = opts.TextStyle{FontFamily: FontFamily, FontSize: fontSize, Color: textColor}
}

// staticLegend is a legend whose entries do not toggle series.
type staticLegend struct {
	opts.Legend
	SelectedMode bool `json:"selectedMode"`
}

// VisitLegendOpt turns off legend selection.
func (staticChart) VisitLegendOpt(legend opts.Legend) any {
	return staticLegend{Legend: legend, SelectedMode: false}
}

// staticSeries is a series that reacts to no pointer (silent, no emphasis)
// and carries a decal pattern.
type staticSeries struct {
	charts.SingleSeries
	Silent    bool           `json:"silent"`
	Emphasis  emphasisOff    `json:"emphasis"`
	ItemStyle decalItemStyle `json:"itemStyle"`
}

type emphasisOff struct {
	Disabled bool `json:"disabled"`
}

// decalItemStyle is opts.ItemStyle with a decal pattern.
type decalItemStyle struct {
	*opts.ItemStyle
	Decal decalPattern `json:"decal"`
}

// VisitSeriesOpt makes every series static and gives the i-th series the
// i-th decal pattern.
func (staticChart) VisitSeriesOpt(series charts.MultiSeries) any {
	out := make([]staticSeries, len(series))
	for i, ser := range series {
		out[i] = staticSeries{
			SingleSeries: ser,
			Silent:       true,
			Emphasis:     emphasisOff{Disabled: true},
			ItemStyle:    decalItemStyle{ItemStyle: ser.ItemStyle, Decal: decal(i)},
		}
	}
	return out
}

// categoryLabel holds the numeric label settings of the category axis.
type categoryLabel struct {
	Interval   int
	LineHeight int
}

// axisLabel is opts.AxisLabel without showMinLabel/showMaxLabel and, on the
// category axis, with a numeric interval and line height.
type axisLabel struct {
	*opts.AxisLabel
	Interval     *int       `json:"interval,omitempty"`
	LineHeight   int        `json:"lineHeight,omitempty"`
	ShowMinLabel types.Bool `json:"showMinLabel,omitempty"`
	ShowMaxLabel types.Bool `json:"showMaxLabel,omitempty"`
}

func (v staticChart) label(l *opts.AxisLabel, category bool) *axisLabel {
	if l == nil {
		return nil
	}
	out := &axisLabel{AxisLabel: l}
	if category {
		interval := v.category.Interval
		out.Interval, out.LineHeight = &interval, v.category.LineHeight
	}
	return out
}

type xAxis struct {
	opts.XAxis
	AxisLabel *axisLabel `json:"axisLabel,omitempty"`
}

type yAxis struct {
	opts.YAxis
	AxisLabel *axisLabel     `json:"axisLabel,omitempty"`
	AxisTick  *opts.AxisTick `json:"axisTick,omitempty"`
}

// VisitXAxis completes the axis labels.
func (v staticChart) VisitXAxis(axes []opts.XAxis) any {
	out := make([]xAxis, len(axes))
	for i, a := range axes {
		out[i] = xAxis{XAxis: a, AxisLabel: v.label(a.AxisLabel, a.Type == "category")}
	}
	return out
}

// VisitYAxis completes the axis labels and gives a category axis ticks
// between its labels.
func (v staticChart) VisitYAxis(axes []opts.YAxis) any {
	out := make([]yAxis, len(axes))
	for i, a := range axes {
		out[i] = yAxis{YAxis: a, AxisLabel: v.label(a.AxisLabel, a.Type == "category")}
		if a.Type == "category" {
			out[i].AxisTick = &opts.AxisTick{AlignWithLabel: opts.Bool(true)}
		}
	}
	return out
}
