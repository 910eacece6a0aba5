package render

import (
	"html/template"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"

	"alisnord/generator/site"
)

// nbsp keeps a number and its unit, or the groups of a number, on one line.
const nbsp = "\u00a0"

// Unknown is what every page shows where the sources give no value.
const Unknown = "ikke oppgitt"

var months = [...]string{"januar", "februar", "mars", "april", "mai", "juni", "juli",
	"august", "september", "oktober", "november", "desember"}

// FormatInt writes n the Norwegian way: numbers of five digits or more are
// grouped in threes with a no-break space (365 845; 2019 stays 2019).
func FormatInt(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if len(s) >= 5 {
		var b strings.Builder
		for i, r := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteString(nbsp)
			}
			b.WriteRune(r)
		}
		s = b.String()
	}
	if neg {
		s = "−" + s
	}
	return s
}

// FormatDecimal writes v with a decimal comma and at most one decimal, as
// Norwegian text does (19,5; 45).
func FormatDecimal(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return FormatInt(int(v))
	}
	whole := math.Trunc(v)
	frac := math.Round(math.Abs(v-whole) * 10)
	if frac == 10 {
		return FormatInt(int(whole + math.Copysign(1, v)))
	}
	return FormatInt(int(whole)) + "," + strconv.Itoa(int(frac))
}

// FormatPercent writes "52 %", with the no-break space Norwegian uses.
func FormatPercent(v float64) string { return FormatDecimal(v) + nbsp + "%" }

// FormatNOK writes an amount in kroner; millions as "15,6 mill. kr".
func FormatNOK(n int) string {
	if n >= 1_000_000 {
		return FormatDecimal(float64(n)/1e6) + nbsp + "mill." + nbsp + "kr"
	}
	return FormatInt(n) + nbsp + "kr"
}

// FormatDate writes a date as "6. november 2019".
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return Unknown
	}
	return strconv.Itoa(t.Day()) + "." + nbsp + months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// FormatDatePrecision writes as much of a date as is known: the day,
// only the month ("november 2018") or only the season ("høsten 2019").
func FormatDatePrecision(t time.Time, precision site.DatePrecision) string {
	if t.IsZero() {
		return Unknown
	}
	switch precision {
	case site.DateMonth:
		return months[t.Month()-1] + " " + strconv.Itoa(t.Year())
	case site.DateSeason:
		return season(t.Month()) + " " + strconv.Itoa(t.Year())
	}
	return FormatDate(t)
}

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

// orUnknown returns s, or "ikke oppgitt" when s is empty.
// knownText is the templates' known: a text, or one of the model's named
// string types such as site.PositionStatus, or «ikke oppgitt» when it is
// empty.
func knownText(v any) string {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.String {
		return orUnknown(rv.String())
	}
	return Unknown
}

func orUnknown(s string) string {
	if strings.TrimSpace(s) == "" {
		return Unknown
	}
	return s
}

// joinNorwegian lists items as "a, b og c".
func joinNorwegian(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " og " + items[len(items)-1]
}

// lowerFirst lowers the first letter, for a label used inside a sentence.
func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// wrapPoints escapes s for HTML and lets a line break after each slash
// (<wbr>), so «Narvik/Ballangen/Tysfjord-Øst» wraps between its names
// instead of inside one.
func wrapPoints(s string) template.HTML {
	return template.HTML(strings.ReplaceAll(template.HTMLEscapeString(s), "/", "/<wbr>"))
}
