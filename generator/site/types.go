package site

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"time"

	"alisnord/generator/diag"
)

var timeType = reflect.TypeOf(time.Time{})

// checkTypes compares the generic TOML value v at path with the Go type t
// the loader will decode it into, and reports every mismatch at the key's
// line. (The TOML library reports only the first one, and for arrays of
// tables at the wrong entry.) Unknown keys are left to unknownKey.
func checkTypes(ix keyIndex, path string, v any, t reflect.Type, ds *diag.Diagnostics) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if want, ok := typeWanted(v, t); !ok {
		ds.Add(ix.at(path), "%s må være %s, ikke %s", keyName(path), want, describe(v))
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		if t == timeType {
			return
		}
		m := v.(map[string]any)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if f, ok := fieldByTag(t, k); ok {
				checkTypes(ix, joinPath(path, k), m[k], f.Type, ds)
			}
		}
	case reflect.Slice:
		for i, e := range sliceOf(v) {
			checkTypes(ix, path+"["+strconv.Itoa(i)+"]", e, t.Elem(), ds)
		}
	}
}

// typeWanted tells whether v fits t, and if not, what t wants in words.
func typeWanted(v any, t reflect.Type) (string, bool) {
	switch t.Kind() {
	case reflect.Struct:
		if t == timeType {
			_, ok := v.(time.Time)
			return "en dato (ÅÅÅÅ-MM-DD, uten anførselstegn)", ok
		}
		_, ok := v.(map[string]any)
		return "en tabell", ok
	case reflect.Slice:
		return "en liste i [ ]", sliceOf(v) != nil
	case reflect.String:
		_, ok := v.(string)
		return "tekst i anførselstegn", ok
	case reflect.Int, reflect.Int64, reflect.Int32:
		_, ok := v.(int64)
		return "et helt tall (uten anførselstegn og mellomrom)", ok
	case reflect.Float64, reflect.Float32:
		switch f := v.(type) {
		case int64:
			return "", true
		case float64:
			return "et vanlig tall (ikke inf eller nan)", !math.IsInf(f, 0) && !math.IsNaN(f)
		}
		return "et tall (med punktum som desimaltegn, for eksempel 19.5)", false
	case reflect.Bool:
		_, ok := v.(bool)
		return "true eller false", ok
	}
	return "", true
}

func sliceOf(v any) []any {
	switch s := v.(type) {
	case []any:
		return s
	case []map[string]any:
		out := make([]any, len(s))
		for i := range s {
			out[i] = s[i]
		}
		return out
	}
	return nil
}

func describe(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("tekst (%q)", v)
	case int64:
		return fmt.Sprintf("tallet %d", v)
	case float64:
		return "tallet " + strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		return fmt.Sprintf("%v", v)
	case time.Time:
		return "en dato"
	case map[string]any:
		return "en tabell"
	}
	if sliceOf(v) != nil {
		return "en liste"
	}
	return fmt.Sprintf("%T", v)
}

// keyName is the last key of a path, for messages: "area[2].population" -> "population".
func keyName(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '.' {
			return trimIndex(path[i+1:])
		}
	}
	return trimIndex(path)
}

func trimIndex(s string) string {
	for i := range s {
		if s[i] == '[' {
			return s[:i]
		}
	}
	return s
}

// The years a date may have: the project runs from 2018, and a date
// outside these is a typing error (such as 0001-01-01 or 9999-12-31).
const (
	minYear = 2000
	maxYear = 2100
)

// checkYears reports every date in the generic TOML value v whose year
// lies outside minYear–maxYear. It does not stop decoding.
func checkYears(ix keyIndex, path string, v any, ds *diag.Diagnostics) {
	switch v := v.(type) {
	case time.Time:
		if y := v.Year(); y < minYear || y > maxYear {
			ds.Add(ix.at(path), "%s har året %04d: en dato må ligge mellom år %d og %d; sjekk årstallet",
				keyName(path), y, minYear, maxYear)
		}
	case map[string]any:
		for k, e := range v {
			checkYears(ix, joinPath(path, k), e, ds)
		}
	default:
		for i, e := range sliceOf(v) {
			checkYears(ix, path+"["+strconv.Itoa(i)+"]", e, ds)
		}
	}
}
