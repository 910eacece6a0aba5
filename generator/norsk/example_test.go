package norsk_test

import (
	"fmt"
	"strings"
	"time"

	"alisnord/generator/norsk"
)

// show makes the no-break spaces visible as «_».
func show(s string) { fmt.Println(strings.ReplaceAll(s, norsk.NoBreakSpace, "_")) }

func ExampleInt() {
	show(norsk.Int(2019))
	show(norsk.Int(365845))
	show(norsk.Int(-3))
	// Output:
	// 2019
	// 365_845
	// −3
}

func ExampleDecimal() {
	show(norsk.Decimal(19.5))
	show(norsk.Decimal(2.96))
	show(norsk.Decimal(12345.678))
	// Output:
	// 19,5
	// 3
	// 12_345,7
}

func ExampleNumber() {
	show(norsk.Number(0.25))
	show(norsk.Number(12345.678))
	// Output:
	// 0,25
	// 12_345,68
}

func ExamplePercent() {
	show(norsk.Percent(52))
	// Output: 52_%
}

func ExampleNOK() {
	show(norsk.NOK(450000))
	show(norsk.NOK(15_600_000))
	// Output:
	// 450_000_kr
	// 15,6_mill._kr
}

func ExampleWithUnit() {
	show(norsk.WithUnit(norsk.Decimal(19.5), " %"))
	// Output: 19,5_%
}

func ExampleExact() {
	fmt.Println(norsk.Exact(365845), norsk.Exact(0.5))
	// Output: 365845 0,5
}

func ExampleDate() {
	show(norsk.Date(time.Date(2019, time.November, 6, 0, 0, 0, 0, time.UTC)))
	show(norsk.Date(time.Time{}))
	// Output:
	// 6._november 2019
	// ikke oppgitt
}

func ExampleDatePrecision() {
	t := time.Date(2019, time.October, 1, 0, 0, 0, 0, time.UTC)
	show(norsk.DatePrecision(t, norsk.Month))
	show(norsk.DatePrecision(t, norsk.Season))
	// Output:
	// oktober 2019
	// høsten 2019
}
