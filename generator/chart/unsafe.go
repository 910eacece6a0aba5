package chart

import "strings"

// unsafeTags are the elements an inline SVG must not carry: they run
// script or pull in other documents.
var unsafeTags = []string{"script", "foreignobject", "iframe", "img", "object", "embed"}

// unsafeMarkup reports whether svg holds one of unsafeTags, or an event
// attribute (on…=) inside a tag, in any letter case. It reads each byte
// once: every '<' starts a stretch that ends at the next '<' or '>', since
// neither a tag name nor an event attribute holds one. (A regular
// expression did the same at ten times the cost; TestUnsafeMarkup holds
// the two to the same answers.)
func unsafeMarkup(svg string) bool {
	for i := strings.IndexByte(svg, '<'); i >= 0; {
		rest := svg[i+1:]
		end := strings.IndexAny(rest, "<>")
		if end < 0 {
			end = len(rest)
		}
		if unsafeTag(rest) || eventAttr(rest[:end]) {
			return true
		}
		next := strings.IndexByte(rest, '<')
		if next < 0 {
			return false
		}
		i += 1 + next
	}
	return false
}

// unsafeTag reports whether s starts with one of unsafeTags, whole.
func unsafeTag(s string) bool {
	for _, t := range unsafeTags {
		if len(s) >= len(t) && strings.EqualFold(s[:len(t)], t) && (len(s) == len(t) || !wordByte(s[len(t)])) {
			return true
		}
	}
	return false
}

// eventAttr reports whether tag holds white space, "on", one or more
// letters, optional white space and "=".
func eventAttr(tag string) bool {
	for j := 0; j+2 < len(tag); j++ {
		if !space(tag[j]) || lower(tag[j+1]) != 'o' || lower(tag[j+2]) != 'n' {
			continue
		}
		k := j + 3
		for k < len(tag) && lower(tag[k]) >= 'a' && lower(tag[k]) <= 'z' {
			k++
		}
		if k == j+3 {
			continue
		}
		for k < len(tag) && space(tag[k]) {
			k++
		}
		if k < len(tag) && tag[k] == '=' {
			return true
		}
	}
	return false
}

func space(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func wordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || lower(c) >= 'a' && lower(c) <= 'z'
}
