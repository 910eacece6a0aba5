package chart

import (
	"math"
	"strconv"
	"strings"
)

// dataExtent returns the smallest and largest bar ends, with stacked series
// summed per category (positive and negative parts separately, as ECharts
// stacks them). The extent always includes 0.
func dataExtent(s Spec) (lo, hi float64) {
	for c := range s.Categories {
		pos, neg := map[string]float64{}, map[string]float64{}
		for i, ser := range s.Series {
			key := ser.Stack
			if key == "" {
				key = "\x00" + strconv.Itoa(i) // unstacked: its own group
			}
			if v := ser.Values[c]; v >= 0 {
				pos[key] += v
			} else {
				neg[key] += v
			}
		}
		for _, v := range pos {
			hi = math.Max(hi, v)
		}
		for _, v := range neg {
			lo = math.Min(lo, v)
		}
	}
	return lo, hi
}

// valueExtent returns explicit value-axis bounds when the Target line lies
// outside the data (ECharts would not show it); nil means automatic.
func valueExtent(s Spec) (lo, hi any) {
	if s.Target == nil {
		return nil, nil
	}
	dlo, dhi := dataExtent(s)
	t := *s.Target
	if t > dhi {
		hi = roundUpNice(t * 1.05)
	}
	if t < dlo {
		lo = -roundUpNice(-t * 1.05)
	}
	return lo, hi
}

// roundUpNice rounds x > 0 up to a multiple of half its order of magnitude
// (55 → 60, 126 → 150, 0.8 → 0.85), so that ECharts finds even ticks.
func roundUpNice(x float64) float64 {
	if x <= 0 {
		return 0
	}
	unit := math.Pow(10, math.Floor(math.Log10(x))) / 2
	return math.Ceil(x/unit-1e-9) * unit
}

// maxValueLabelWidth is the widest value label in px.
func maxValueLabelWidth(s Spec) float64 {
	font := labelFont()
	w := 0.0
	for _, ser := range s.Series {
		for _, v := range ser.Values {
			w = math.Max(w, measureText(withUnit(v, s.Unit), font))
		}
	}
	return math.Ceil(w)
}

// maxCategoryWidth is the widest category label in px, unwrapped.
func maxCategoryWidth(s Spec) float64 {
	font := axisFont()
	w := 0.0
	for _, c := range s.Categories {
		w = math.Max(w, measureText(c, font))
	}
	return math.Ceil(w)
}

// categoryLabelWidth is the width category labels wrap at: the width of one
// category band for Bar, at most 38 % of the chart for HBar.
func categoryLabelWidth(s Spec) int {
	w, _ := s.size()
	if s.Kind == HBar {
		limit := float64(w) * 0.38
		return int(math.Min(maxCategoryWidth(s)+2, limit))
	}
	// The value-axis labels take the left edge: the widest is at an end of
	// the axis ECharts will choose.
	lo, hi := dataExtent(s)
	axis := math.Max(measureText(withUnit(roundUpNice(hi), s.Unit), axisFont()),
		measureText(withUnit(-roundUpNice(-lo), s.Unit), axisFont()))
	plot := float64(w-2*outerMargin) - axis - categoryMargin
	band := plot / float64(len(s.Categories))
	// Never narrower than the longest word: ECharts breaks a word that does
	// not fit in the middle ("Finnmar/k").
	return int(math.Max(math.Max(band-6, 24), math.Ceil(maxWordWidth(s))))
}

// maxWordWidth is the widest single word of any category label in px.
func maxWordWidth(s Spec) float64 {
	w := 0.0
	for _, c := range s.Categories {
		for _, word := range strings.Fields(c) {
			w = math.Max(w, measureText(word, axisFont()))
		}
	}
	return w
}

// Legend item geometry, as ECharts draws it by default: a 25 px symbol, 5 px
// before the text, 10 px between items and rows.
const (
	legendSymbol  = 25
	legendTextGap = 5
	legendItemGap = 10
)

// legendSpace is the height reserved above the plot for the legend.
func legendSpace(s Spec) int {
	return legendHeight + (legendRows(s)-1)*(fontSize+legendItemGap)
}

// legendRows is the number of rows the legend wraps to at the chart width.
func legendRows(s Spec) int {
	avail := float64(s.width() - 2*outerMargin)
	rows, x := 1, 0.0
	for _, ser := range legendSeries(s) {
		item := legendSymbol + legendTextGap + measureText(ser.Name, axisFont())
		if x > 0 && x+legendItemGap+item > avail {
			rows, x = rows+1, 0
		}
		if x > 0 {
			x += legendItemGap
		}
		x += item
	}
	return rows
}

func labelFont() string {
	return strconv.Itoa(labelFontSize) + "px " + FontFamily
}

func axisFont() string {
	return strconv.Itoa(fontSize) + "px " + FontFamily
}

// gridInsets returns the grid distances from the chart edges in px.
func gridInsets(s Spec) (top, right, bottom, left int) {
	top, right, bottom, left = outerMargin, outerMargin, outerMargin, outerMargin
	if len(s.Series) > 1 {
		top += legendSpace(s)
	}
	if s.Kind == HBar {
		right += int(maxValueLabelWidth(s)) + labelPad
		if s.Target != nil {
			top += labelFontSize + labelPad // target label above the plot
		}
	} else {
		top += labelFontSize + labelPad
	}
	return top, right, bottom, left
}

// axisSpan estimates the value-axis range ECharts will choose.
func axisSpan(s Spec) float64 {
	lo, hi := dataExtent(s)
	if s.Target != nil {
		lo, hi = math.Min(lo, *s.Target), math.Max(hi, *s.Target)
	}
	return roundUpNice(hi) + roundUpNice(-lo)
}

// plotLength estimates the length in px of the value axis.
func plotLength(s Spec) float64 {
	w, h := s.size()
	top, right, bottom, left := gridInsets(s)
	if s.Kind == HBar {
		return float64(w-left-right-categoryLabelWidth(s)) - categoryMargin
	}
	labelBlock := 2*(fontSize+labelLineGap) + categoryMargin // two-line category labels
	return float64(h - top - bottom - labelBlock)
}

// plotScale estimates px per data unit along the value axis.
func plotScale(s Spec) float64 {
	span := axisSpan(s)
	if span <= 0 {
		return 0
	}
	return plotLength(s) / span
}

// insideLabelFits reports whether text fits inside a stacked segment of
// value v, drawn at scale px per unit.
func insideLabelFits(s Spec, v float64, text string, scale float64) bool {
	length := math.Abs(v) * scale
	if s.Kind == HBar {
		return length >= measureText(text, labelFont())+6
	}
	return length >= labelFontSize+4
}

// valueSplitNumber suggests how many intervals the HBar value axis can
// have without its labels touching.
func valueSplitNumber(s Spec) int {
	lo, hi := dataExtent(s)
	widest := math.Max(measureText(withUnit(roundUpNice(hi), s.Unit), axisFont()),
		measureText(withUnit(-roundUpNice(-lo), s.Unit), axisFont()))
	n := int(plotLength(s) / (widest + 24))
	return min(max(n, 2), 5)
}
