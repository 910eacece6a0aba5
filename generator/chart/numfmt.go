package chart

import (
	"math"
	"strconv"
	"strings"
)

// Typographic characters used in Norwegian number formatting.
const (
	nbsp  = "\u00a0" // no-break space: thousands separator and before units
	minus = "\u2212" // minus sign
)

// FormatNumber formats v the Norwegian way: decimal comma, at most two
// decimals (trailing zeros dropped), digits grouped in threes with a
// no-break space from 1 000 up, and a real minus sign. 19.5 → "19,5",
// 12345.678 → "12 345,68", -3 → "−3".
func FormatNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	v = math.Round(v*100) / 100
	if v == 0 {
		return "0" // also folds -0
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if v < 0 {
		b.WriteString(minus)
	}
	for i, d := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(nbsp)
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteString(",")
		b.WriteString(frac)
	}
	return b.String()
}

// withUnit formats v and appends the unit; a leading ordinary space in the
// unit becomes a no-break space so "19,5 %" never wraps.
func withUnit(v float64, unit string) string {
	if strings.HasPrefix(unit, " ") {
		unit = nbsp + unit[1:]
	}
	return FormatNumber(v) + unit
}
