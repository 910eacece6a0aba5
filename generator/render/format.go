package render

import (
	"html/template"
	"reflect"
	"strings"
	"time"

	"alisnord/generator/norsk"
	"alisnord/generator/site"
)

// datePrecisions maps the data's date precisions to how norsk writes them;
// a day, or a precision not given, is written as a whole date.
var datePrecisions = map[site.DatePrecision]norsk.Precision{
	site.DateMonth:  norsk.Month,
	site.DateSeason: norsk.Season,
}

// dateAsKnown writes as much of a date as is known (the templates' when):
// "6. november 2019", "november 2018" or "høsten 2019".
func dateAsKnown(t time.Time, p site.DatePrecision) string {
	return norsk.DatePrecision(t, datePrecisions[p])
}

// knownText is the templates' known: a text, or one of the model's named
// string types such as site.PositionStatus, or «ikke oppgitt» when it is
// empty.
func knownText(v any) string {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.String {
		return orUnknown(rv.String())
	}
	return norsk.Unknown
}

// orUnknown returns s, or «ikke oppgitt» when s is empty.
func orUnknown(s string) string {
	if strings.TrimSpace(s) == "" {
		return norsk.Unknown
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
