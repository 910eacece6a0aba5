package program

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
)

// escapers are html/template's escapers, by the name its escaped trees
// call them, for the values they are given on this site's pages. Each
// returns ok false for a value it does not handle (a pointer, an
// html/template type other than HTML, or HTML where html/template would
// strip its tags), and the page falls back to html/template. The tests
// compare each with html/template's own, in the context that calls it,
// on fuzzed strings.
var escapers = map[string]func(reflect.Value) (string, bool){
	"_html_template_htmlescaper": func(v reflect.Value) (string, bool) {
		s, html, ok := stringify(v)
		if html {
			return s, ok
		}
		return escapeHTML(s, true), ok
	},
	"_html_template_attrescaper": func(v reflect.Value) (string, bool) {
		s, html, ok := stringify(v)
		return escapeHTML(s, true), ok && !html
	},
	"_html_template_rcdataescaper": func(v reflect.Value) (string, bool) {
		s, html, ok := stringify(v)
		return escapeHTML(s, !html), ok
	},
	"_html_template_urlfilter": func(v reflect.Value) (string, bool) {
		s, _, ok := stringify(v)
		if !safeURL(s) {
			return "#" + failsafe, ok
		}
		return s, ok
	},
	"_html_template_urlnormalizer": func(v reflect.Value) (string, bool) {
		s, _, ok := stringify(v)
		return escapeURL(s, true), ok
	},
	"_html_template_urlescaper": func(v reflect.Value) (string, bool) {
		s, _, ok := stringify(v)
		return escapeURL(s, false), ok
	},
	"_html_template_srcsetescaper": func(v reflect.Value) (string, bool) {
		s, _, ok := stringify(v)
		return filterSrcset(s), ok
	},
	"_html_template_cssvaluefilter": func(v reflect.Value) (string, bool) {
		s, _, ok := stringify(v)
		return s, ok && plainCSSValue(s)
	},
}

// failsafe is what html/template writes in place of a value it refuses.
const failsafe = "ZgotmplZ"

var (
	stringType = reflect.TypeFor[string]()
	htmlType   = reflect.TypeFor[template.HTML]()
	intType    = reflect.TypeFor[int]()
	// contentTypes are html/template's typed strings, which its
	// escapers treat each in its own way; HTML is handled here.
	contentTypes = map[reflect.Type]bool{
		reflect.TypeFor[template.CSS]():      true,
		reflect.TypeFor[template.HTMLAttr](): true,
		reflect.TypeFor[template.JS]():       true,
		reflect.TypeFor[template.JSStr]():    true,
		reflect.TypeFor[template.URL]():      true,
		reflect.TypeFor[template.Srcset]():   true,
	}
)

// stringify is html/template's: the text of one value, and whether it is
// trusted HTML. ok is false for what is left to html/template.
func stringify(v reflect.Value) (s string, html, ok bool) {
	if v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem() // the escaper is given what the interface holds
	}
	if !v.IsValid() {
		return "", false, false
	}
	switch v.Type() {
	case stringType:
		return v.String(), false, true
	case htmlType:
		return v.String(), true, true
	case intType:
		return strconv.FormatInt(v.Int(), 10), false, true
	}
	if v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface || contentTypes[v.Type()] || !v.CanInterface() {
		return "", false, false
	}
	return fmt.Sprint(v.Interface()), false, true
}

// escapeHTML replaces the characters that are markup in HTML text and
// attribute values; amp false keeps '&' (the text is HTML already). Only
// ASCII is replaced, so the bytes are scanned one by one.
func escapeHTML(s string, amp bool) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			if !amp {
				continue
			}
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteString(repl)
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

// safeURL reports whether a URL has no scheme, or http, https or mailto.
func safeURL(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	if !ok || strings.Contains(scheme, "/") {
		return true
	}
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
}

// escapeURL percent-encodes the bytes of s that may not stand in a URL;
// norm keeps the URL's own delimiters and escapes (normalising a whole
// URL) instead of encoding them (a value inside one).
func escapeURL(s string, norm bool) string {
	var b strings.Builder
	if appendURL(&b, s, norm) {
		return b.String()
	}
	return s
}

// appendURL writes s escaped to b, and reports whether anything changed.
func appendURL(b *strings.Builder, s string, norm bool) bool {
	const hex = "0123456789abcdef"
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~':
			continue
		case strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0:
			if norm {
				continue
			}
		case c == '%':
			// a whole URL keeps the escapes it already has
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
		written = i + 1
	}
	if written == 0 {
		b.WriteString(s)
		return false
	}
	b.WriteString(s[written:])
	return true
}

// filterSrcset checks each candidate of a srcset ("url 480w, url 960w"):
// a safe URL, normalised, and a descriptor of letters, digits and
// spaces; a candidate that fails becomes the failsafe.
func filterSrcset(s string) string {
	var b strings.Builder
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != ',' {
			continue
		}
		srcsetCandidate(&b, s[start:i])
		if i < len(s) {
			b.WriteByte(',')
		}
		start = i + 1
	}
	return b.String()
}

func srcsetCandidate(b *strings.Builder, c string) {
	from := 0
	for from < len(c) && htmlSpace(c[from]) {
		from++
	}
	to := from
	for to < len(c) && !htmlSpace(c[to]) {
		to++
	}
	url := c[from:to]
	if safeURL(url) && plainDescriptor(c[to:]) {
		b.WriteString(c[:from])
		appendURL(b, url, true)
		b.WriteString(c[to:])
		return
	}
	b.WriteString("#" + failsafe)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func htmlSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func plainDescriptor(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !htmlSpace(c) && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// plainCSSValue reports whether html/template's CSS value filter lets s
// through unchanged for certain: letters, digits, '#', '.', '%', commas
// and spaces (a colour, a width), and not its two forbidden words, which
// it looks for in the letters and digits alone, whatever stands between
// them ("MoZBin ding" is refused). What else it allows is left to
// html/template.
func plainCSSValue(s string) bool {
	name := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			name = append(name, c)
		case 'A' <= c && c <= 'Z':
			name = append(name, c+'a'-'A')
		case c == '#', c == '.', c == '%', c == ' ', c == ',':
		default:
			return false
		}
	}
	return !bytes.Contains(name, []byte("expression")) && !bytes.Contains(name, []byte("mozbinding"))
}
