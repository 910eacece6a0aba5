package norsk

import (
	"math"
	"testing"
)

// nb is the no-break space, short for the tables below.
const nb = NoBreakSpace

func TestInt(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   int
		want string
	}{
		{"zero", 0, "0"},
		{"four digits stay together", 2019, "2019"},
		{"five digits are grouped", 12345, "12" + nb + "345"},
		{"six digits", 365845, "365" + nb + "845"},
		{"seven digits", 1234567, "1" + nb + "234" + nb + "567"},
		{"negative gets a minus sign", -3, Minus + "3"},
		{"negative grouped", -12345, Minus + "12" + nb + "345"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Int(tc.in); got != tc.want {
				t.Errorf("Int(%d) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestDecimalAndNumber(t *testing.T) {
	for _, tc := range []struct {
		name        string
		in          float64
		dec, number string
	}{
		{"whole", 45, "45", "45"},
		{"one decimal", 19.5, "19,5", "19,5"},
		{"rounds up to a whole", 2.96, "3", "2,96"},
		{"a zero decimal is dropped", 2.04, "2", "2,04"},
		{"two decimals", 12345.678, "12" + nb + "345,7", "12" + nb + "345,68"},
		{"four digits: together in text, grouped in a chart", 1500.5, "1500,5", "1" + nb + "500,5"},
		{"negative below one keeps its sign", -0.5, Minus + "0,5", Minus + "0,5"},
		{"negative", -3, Minus + "3", Minus + "3"},
		{"rounds to zero, no minus", -0.04, "0", Minus + "0,04"},
		{"negative zero", math.Copysign(0, -1), "0", "0"},
		{"float noise", 0.1 * 3, "0,3", "0,3"},
		{"not a number", math.NaN(), NotANumber, NotANumber},
		{"infinite", math.Inf(-1), NotANumber, NotANumber},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Decimal(tc.in); got != tc.dec {
				t.Errorf("Decimal(%v) = %q, want %q", tc.in, got, tc.dec)
			}
			if got := Number(tc.in); got != tc.number {
				t.Errorf("Number(%v) = %q, want %q", tc.in, got, tc.number)
			}
		})
	}
}

func TestUnits(t *testing.T) {
	for _, tc := range []struct{ name, got, want string }{
		{"percent", Percent(52), "52" + nb + "%"},
		{"percent with a decimal", Percent(19.5), "19,5" + nb + "%"},
		{"kroner", NOK(450000), "450" + nb + "000" + nb + "kr"},
		{"millions", NOK(15_600_000), "15,6" + nb + "mill." + nb + "kr"},
		{"a whole million", NOK(2_000_000), "2" + nb + "mill." + nb + "kr"},
		{"unit after a space", WithUnit("19,5", " %"), "19,5" + nb + "%"},
		{"unit with no space", WithUnit("3", "x"), "3x"},
		{"no unit", WithUnit("3", ""), "3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
}

func TestExact(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{365845, "365845"},
		{0.5, "0,5"},
		{3.45, "3,45"},
		{-3, "-3"},
		{1e21, "1000000000000000000000"},
		{0.00001, "0,00001"},
	} {
		if got := Exact(tc.in); got != tc.want {
			t.Errorf("Exact(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
