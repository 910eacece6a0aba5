package norsk

import (
	"math"
	"strconv"
	"strings"
)

// Int writes n with its digits grouped (365 845) and a minus sign (−3).
func Int(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return Minus + group(s[1:], textGroup)
	}
	return group(s, textGroup)
}

// Decimal writes v with a decimal comma and at most one decimal, as
// Norwegian text and tables do: 19.5 → "19,5", 45 → "45", 2.04 → "2".
func Decimal(v float64) string { return decimals(v, 1, textGroup) }

// Number writes v for a chart's axes and labels: at most two decimals, as
// an axis step can be 0,05, and four digits grouped too, so an axis shows
// 5 000 beside 10 000 (12345.678 → "12 345,68", 1250 → "1 250").
func Number(v float64) string { return decimals(v, 2, columnGroup) }

// Percent writes v as a percentage: "52 %", with a no-break space.
func Percent(v float64) string { return WithUnit(Decimal(v), " %") }

// NOK writes an amount in kroner; a million or more as "15,6 mill. kr".
func NOK(n int) string {
	if n >= 1_000_000 {
		return Decimal(float64(n)/1e6) + NoBreakSpace + "mill." + NoBreakSpace + "kr"
	}
	return Int(n) + NoBreakSpace + "kr"
}

// WithUnit appends unit to a written number; a unit that starts with a
// space ("  %") gets a no-break space instead, so "19,5 %" never wraps.
func WithUnit(number, unit string) string {
	if rest, ok := strings.CutPrefix(unit, " "); ok {
		unit = NoBreakSpace + rest
	}
	return number + unit
}

// Exact writes v as the data has it, for downloads and the checks'
// messages: every digit, a decimal comma, no grouping and an ASCII
// hyphen-minus, so a spreadsheet reads it and a search finds it in the
// data file (365845; 0,5; -3).
func Exact(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
}

// decimals writes v rounded to at most n decimals, trailing zeros dropped,
// grouping its whole part from minGroup digits up.
func decimals(v float64, n, minGroup int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return NotANumber
	}
	scale := math.Pow10(n)
	v = math.Round(v*scale) / scale
	if v == 0 {
		return "0" // also −0, and whatever rounds to it
	}
	whole, frac, _ := strings.Cut(strconv.FormatFloat(math.Abs(v), 'f', -1, 64), ".")
	s := group(whole, minGroup)
	if frac != "" {
		s += "," + frac
	}
	if v < 0 {
		s = Minus + s
	}
	return s
}

// The fewest digits a number has before group splits it: in running text
// four digits stay together (2019, 4000), as Norwegian typesetting allows
// and a year requires; in a column of numbers, such as a chart's axis,
// four digits are grouped too, so they line up with larger numbers.
const (
	textGroup   = 5
	columnGroup = 4
)

// group puts a no-break space between each three digits of a number of
// minGroup digits or more.
func group(digits string, minGroup int) string {
	if len(digits) < minGroup {
		return digits
	}
	var b strings.Builder
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(NoBreakSpace)
		}
		b.WriteByte(digits[i])
	}
	return b.String()
}
