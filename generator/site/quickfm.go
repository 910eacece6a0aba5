package site

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"alisnord/generator/diag"
)

// quickFrontMatter decodes the front matter nearly every article has
// without the general TOML decoder (17 of the 27 µs an article's front
// matter took at 10k articles, in the profile of a build): one
// `key = value` per line, each key a bare name of frontMatter given once,
// each value of its field's type (a basic string without escapes but \"
// and \\, a local date YYYY-MM-DD within the years a date may have, true or
// false, a one-line array of such strings), blank lines and comments
// between. For anything else ok is false, and the caller takes
// decodeTOML, which finds and places the problems. src has passed
// checkText (no control characters). Where ok is true, fm
// and the index are what decodeTOML makes of src (FuzzQuickFrontMatter).
func quickFrontMatter(file string, src []byte, offset int, fm *frontMatter) (ix keyIndex, ok bool) {
	ix = keyIndex{pos: map[string]diag.Pos{"": {Path: file, Line: offset, Col: 1}}}
	if offset == 0 {
		ix.pos[""] = diag.Pos{Path: file, Line: 1}
	}
	text := string(src)
	for n := 1; text != ""; n++ {
		line, rest, lf := strings.Cut(text, "\n")
		text = rest
		if lf {
			line = strings.TrimSuffix(line, "\r")
		}
		key, value, col, ok := quickLine(line)
		if !ok || strings.IndexByte(line, '\r') >= 0 { // TOML allows CR only before LF
			return keyIndex{}, false
		}
		if key == "" {
			continue
		}
		if _, twice := ix.pos[key]; twice || !quickField(fm, key, value) {
			return keyIndex{}, false
		}
		ix.pos[key] = diag.Pos{Path: file, Line: n + offset, Col: col}
		ix.order = append(ix.order, key)
	}
	return ix, true
}

// quickLine splits a line into its bare key and the value's text, with
// the column where the key starts; key is empty for a blank or comment
// line. ok is false for a line of any other shape.
func quickLine(line string) (key, value string, col int, ok bool) {
	body := strings.TrimLeft(line, " \t")
	if body == "" || body[0] == '#' {
		return "", "", 0, true
	}
	end := 0
	for end < len(body) && isBareKeyByte(body[end]) {
		end++
	}
	key, rest := body[:end], strings.TrimLeft(body[end:], " \t")
	if key == "" || !strings.HasPrefix(rest, "=") {
		return "", "", 0, false
	}
	return key, strings.TrimLeft(rest[1:], " \t"), len(line) - len(body) + 1, true
}

func isBareKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// quickField stores the value text v under key in fm, when v is a whole
// value of the field's type followed by nothing but a comment.
func quickField(fm *frontMatter, key, v string) bool {
	var str *string
	var date *time.Time
	switch key {
	case "title":
		str = &fm.Title
	case "summary":
		str = &fm.Summary
	case "author":
		str = &fm.Author
	case "image":
		str = &fm.Image
	case "image_alt":
		str = &fm.ImageAlt
	case "layout":
		s, rest, ok := quickString(v)
		if !ok || !quickEnd(rest) {
			return false
		}
		fm.Layout = Layout(s)
		return true
	case "date":
		date = &fm.Date
	case "publishDate":
		date = &fm.PublishDate
	case "expiryDate":
		date = &fm.ExpiryDate
	case "lastmod":
		date = &fm.LastMod
	case "draft":
		switch {
		case strings.HasPrefix(v, "true"):
			fm.Draft = true
			return quickEnd(v[4:])
		case strings.HasPrefix(v, "false"):
			fm.Draft = false
			return quickEnd(v[5:])
		}
		return false
	case "tags":
		tags, ok := quickStrings(v)
		fm.Tags = tags
		return ok
	case "tall_per":
		if s, rest, ok := quickString(v); ok {
			fm.TallPer = s
			return quickEnd(rest)
		}
		d, rest, ok := quickDate(v, false)
		fm.TallPer = d
		return ok && quickEnd(rest)
	default:
		return false
	}
	if str != nil {
		s, rest, ok := quickString(v)
		*str = s
		return ok && quickEnd(rest)
	}
	d, rest, ok := quickDate(v, true)
	*date = d
	return ok && quickEnd(rest)
}

// quickEnd tells whether rest, after a value, holds only white space and
// perhaps a comment.
func quickEnd(rest string) bool {
	rest = strings.TrimLeft(rest, " \t")
	return rest == "" || rest[0] == '#'
}

// quickString reads a basic string at the start of v: its value and the
// text after it. Escapes other than \" and \\ and control characters other
// than tab are left to the general decoder.
func quickString(v string) (s, rest string, ok bool) {
	if v == "" || v[0] != '"' {
		return "", "", false
	}
	var b *strings.Builder
	for i := 1; i < len(v); i++ {
		switch c := v[i]; {
		case c == '"':
			if b == nil {
				return v[1:i], v[i+1:], true
			}
			return b.String(), v[i+1:], true
		case c == '\\':
			if i+1 >= len(v) || v[i+1] != '"' && v[i+1] != '\\' {
				return "", "", false
			}
			if b == nil {
				b = &strings.Builder{}
				b.WriteString(v[1:i])
			}
			i++
			b.WriteByte(v[i])
		case c < 0x20 && c != '\t' || c == 0x7f:
			return "", "", false
		default:
			if b != nil {
				b.WriteByte(c)
			}
		}
	}
	return "", "", false // never closed
}

// quickStrings reads a one-line array of basic strings, with nothing but a
// comment after it. An empty array is left to the general decoder.
func quickStrings(v string) ([]string, bool) {
	if v == "" || v[0] != '[' {
		return nil, false
	}
	var out []string
	v = v[1:]
	for {
		v = strings.TrimLeft(v, " \t")
		if v != "" && v[0] == ']' && len(out) > 0 {
			return out, quickEnd(v[1:])
		}
		s, rest, ok := quickString(v)
		if !ok {
			return nil, false
		}
		out = append(out, s)
		v = strings.TrimLeft(rest, " \t")
		switch {
		case v != "" && v[0] == ',':
			v = v[1:]
		case v != "" && v[0] == ']':
			return out, quickEnd(v[1:])
		default:
			return nil, false
		}
	}
}

// quickDate reads a local date YYYY-MM-DD at the start of v, when it is a
// real day in the years a date may have and no time follows it; field
// tells whether it is for a field of type time.Time (see localDate).
func quickDate(v string, field bool) (time.Time, string, bool) {
	if len(v) < 10 || v[4] != '-' || v[7] != '-' {
		return time.Time{}, "", false
	}
	y, ok1 := quickDigits(v[0:4])
	m, ok2 := quickDigits(v[5:7])
	d, ok3 := quickDigits(v[8:10])
	rest := v[10:]
	if !ok1 || !ok2 || !ok3 || y < minYear || y > maxYear || rest != "" && rest[0] != ' ' && rest[0] != '\t' && rest[0] != '#' {
		return time.Time{}, "", false
	}
	if r := strings.TrimLeft(rest, " \t"); r != "" && r[0] >= '0' && r[0] <= '9' {
		return time.Time{}, "", false // a time after a space: 2000-01-02 10:00:00
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, localDate(field))
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, "", false // no such day, such as 30 February
	}
	return t, rest, true
}

func quickDigits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// localDate gives the time zone the TOML library gives a local date: one
// for a field of type time.Time (field true), another for a field of any
// type. They are taken from the library itself, so that both ways of
// reading an article give equal values.
func localDate(field bool) *time.Location {
	z := localDates()
	if field {
		return z[0]
	}
	return z[1]
}

var localDates = sync.OnceValue(func() [2]*time.Location {
	var v struct {
		D time.Time
		A any
	}
	_, err := toml.Decode("D = 2000-01-01\nA = 2000-01-01", &v)
	a, ok := v.A.(time.Time)
	if err != nil || !ok {
		panic(fmt.Sprintf("TOML-biblioteket leser ikke en dato: %v", err))
	}
	return [2]*time.Location{v.D.Location(), a.Location()}
})
