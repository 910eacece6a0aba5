package chart

import "alisnord/generator/norsk"

// FormatNumber writes v as the charts' axes and labels show it
// (norsk.Number): decimal comma, at most two decimals, digits grouped from
// five digits up, a real minus sign. The ECharts harness calls it as
// __formatNumber.
func FormatNumber(v float64) string { return norsk.Number(v) }

// withUnit formats v and appends the unit; a leading ordinary space in the
// unit becomes a no-break space so "19,5 %" never wraps.
func withUnit(v float64, unit string) string {
	return norsk.WithUnit(FormatNumber(v), unit)
}
