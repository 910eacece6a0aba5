package norsk

import (
	"strconv"
	"time"
)

var months = [...]string{"januar", "februar", "mars", "april", "mai", "juni", "juli",
	"august", "september", "oktober", "november", "desember"}

// Precision is how much of a date is known.
type Precision int

// The precisions a date can have.
const (
	Day    Precision = iota // "6. november 2019"
	Month                   // "november 2018"
	Season                  // "høsten 2019"
)

// Date writes a date as "6. november 2019", with a no-break space after the
// day; a zero time is Unknown.
func Date(t time.Time) string { return DatePrecision(t, Day) }

// DatePrecision writes as much of t as is known: the day, only the month
// ("november 2018") or only the season ("høsten 2019"). A zero time is
// Unknown.
func DatePrecision(t time.Time, p Precision) string {
	if t.IsZero() {
		return Unknown
	}
	year := " " + strconv.Itoa(t.Year())
	switch p {
	case Month:
		return MonthName(t.Month()) + year
	case Season:
		return season(t.Month()) + year
	}
	return strconv.Itoa(t.Day()) + "." + NoBreakSpace + MonthName(t.Month()) + year
}

// season names the season of month m the way a date is given: "høsten".
func season(m time.Month) string {
	switch {
	case m >= 3 && m <= 5:
		return "våren"
	case m >= 6 && m <= 8:
		return "sommeren"
	case m >= 9 && m <= 11:
		return "høsten"
	}
	return "vinteren"
}

// MonthName is the name of month m, in lower case as in a date: "november".
func MonthName(m time.Month) string { return months[m-1] }
