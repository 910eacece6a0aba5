package chart

import (
	"math"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Pie geometry: radii in percent of half the shorter chart side.
const (
	pieInner      = 38
	pieOuter      = 66
	pieLineLength = 14 // px, first segment of a label line
	pieLineLen2   = 10 // px, second segment
)

// pieOption builds the donut option with go-echarts.
func pieOption(s Spec) map[string]any {
	pie := charts.NewPie()
	pie.SetGlobalOptions(append(commonOptions(s),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}), // labels name the slices
	)...)
	ser := s.Series[0]
	sum := 0.0
	for _, v := range ser.Values {
		sum += v
	}
	data := make([]opts.PieData, len(s.Categories))
	for i, c := range s.Categories {
		data[i] = opts.PieData{
			Name:  c,
			Value: ser.Values[i],
			Label: &opts.Label{Formatter: pieLabel(ser.Values[i], sum, s.Unit)},
		}
	}
	pie.AddSeries(ser.Name, data,
		charts.WithPieChartOpts(opts.PieChart{
			Radius: []string{percent(pieInner), percent(pieOuter)},
			Center: []string{"50%", "50%"},
		}),
		charts.WithLabelOpts(opts.Label{
			Show:       opts.Bool(true),
			Position:   "outside",
			FontSize:   labelFontSize,
			Color:      textColor,
			LineHeight: labelFontSize + labelLineGap,
		}),
		charts.WithLabelLineOpts(opts.LabelLine{Show: opts.Bool(true), ShowAbove: opts.Bool(false)}),
	)
	pie.Validate()
	return pie.JSON()
}

// pieLabel is "{b}" (the slice name) over the value and, unless the unit
// already is a percentage, the share of the whole.
func pieLabel(v, sum float64, unit string) string {
	text := "{b}\n" + withUnit(v, unit)
	if !strings.Contains(unit, "%") && sum > 0 {
		share := math.Round(v/sum*1000) / 10
		text += " (" + withUnit(share, " %") + ")"
	}
	return text
}

func percent(p int) string {
	return strconv.Itoa(p) + "%"
}

// patchPie wraps labels at the room left beside the donut so that long
// slice names are not clipped.
func patchPie(series []any, s Spec) {
	if len(series) == 0 {
		return
	}
	ser, ok := series[0].(map[string]any)
	if !ok {
		return
	}
	w, h := s.size()
	radius := pieOuter * float64(min(w, h)) / 200
	width := float64(w)/2 - radius - outerMargin - pieLineLength - pieLineLen2 - labelPad
	label := objectAt(ser, "label")
	label["width"] = int(math.Max(width, 60))
	label["overflow"] = "break"
	line := objectAt(ser, "labelLine")
	line["length"] = pieLineLength
	line["length2"] = pieLineLen2
	ser["avoidLabelOverlap"] = true
	ser["itemStyle"] = map[string]any{"borderColor": "#ffffff", "borderWidth": 2}
}
