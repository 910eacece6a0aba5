package chart

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
)

var (
	rootPattern  = regexp.MustCompile(`^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>]*>\s*)?<svg\b[^>]*>`)
	stylePattern = regexp.MustCompile(`(?s)<style\b[^>]*>.*?</style>\s*`)
	// Attributes that only serve ECharts' hover styling and hydration.
	dropAttrPattern = regexp.MustCompile(` (?:class|ecmeta_[a-z_]+|pointer-events)="[^"]*"`)
	idRefPattern    = regexp.MustCompile(`( id="|url\(#|href="#)([^")]+)`)
	attrPattern     = regexp.MustCompile(` ([a-z_:-]+)="([^"]*)"`)
	// Characters that are not allowed in XML 1.0 text.
	controlChars = regexp.MustCompile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
)

// idPrefix is the prefix of every element id in the chart's SVG.
func idPrefix(s Spec) string {
	return "chart-" + s.ID
}

// finishSVG turns the raw ECharts SVG into the accessible, deterministic
// inline SVG for s. It fails when the marks for the data are missing.
func finishSVG(raw string, s Spec) (string, error) {
	f, err := finishBody(raw, s)
	if err != nil {
		return "", err
	}
	return f.svg(s)
}

// finished is the part of a finished SVG that depends only on the raw
// render and the id prefix: its body, and the marks the render drew (the
// check against the spec's values is made again on every use).
type finished struct {
	marks int
	body  string
}

// finishBody cleans the raw ECharts SVG: drops its root element and styles,
// the attributes of hover styling and hydration, and renames its ids.
func finishBody(raw string, s Spec) (finished, error) {
	root := rootPattern.FindStringIndex(raw)
	if root == nil {
		return finished{}, specError(s, "ECharts ga ikke et <svg>-dokument")
	}
	body := raw[root[1]:]
	body = stylePattern.ReplaceAllString(body, "")
	ids := idRenamer{prefix: idPrefix(s) + "-", names: map[string]string{}}
	body = eachTag(body, func(tag string) string {
		return ids.rename(themeClass(dropAttrs(tag)))
	})
	return finished{marks: countMarks(raw), body: strings.TrimSpace(body)}, nil
}

// eachTag replaces each tag of s, as tagPattern finds them (from a "<" to
// the first ">" after at least one other byte), by what fn returns for it.
// The regular expression did the same at several times the cost: a cold
// build's drawings spent most of their time in Go here.
func eachTag(s string, fn func(tag string) string) string {
	var b strings.Builder
	b.Grow(len(s))
	done := 0 // s[:done] is written
	for i := 0; ; {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			break
		}
		lt += i
		gt := strings.IndexByte(s[lt+1:], '>')
		if gt < 0 {
			break
		}
		if gt == 0 { // "<>" is no tag; the search goes on from its ">"
			i = lt + 1
			continue
		}
		end := lt + 1 + gt + 1
		b.WriteString(s[done:lt])
		b.WriteString(fn(s[lt:end]))
		done, i = end, end
	}
	b.WriteString(s[done:])
	return b.String()
}

// dropAttrs removes the attributes dropAttrPattern matches from one tag;
// a tag without their names is returned as it is, without the search.
func dropAttrs(tag string) string {
	if !strings.Contains(tag, ` class="`) && !strings.Contains(tag, ` ecmeta_`) && !strings.Contains(tag, ` pointer-events="`) {
		return tag
	}
	return dropAttrPattern.ReplaceAllString(tag, "")
}

// svg is the whole inline SVG for s, or an error when the render lacks
// marks for s's values or holds unsafe markup. The checks run on every
// use, also of a finished body kept in the store.
func (f finished) svg(s Spec) (string, error) {
	if want := max(1, s.nonZero()); f.marks < want {
		return "", specError(s, "tegningen har %d merker for %d verdier som ikke er null; figuren ville blitt tom eller ufullstendig", f.marks, want)
	}
	if unsafeMarkup(f.body) {
		return "", specError(s, "SVG-en inneholder markup som ikke er trygg å sette inn i siden")
	}
	root := rootElement(s)
	var b strings.Builder
	b.Grow(len(root) + len(f.body))
	b.WriteString(root)
	b.WriteString(f.body)
	return b.String(), nil
}

// encode and decodeFinished are a finished body's form in the store: the
// number of marks on the first line, then the body.
func (f finished) encode() []byte {
	return []byte(strconv.Itoa(f.marks) + "\n" + f.body)
}

func decodeFinished(b []byte) (finished, bool) {
	line, body, ok := strings.Cut(string(b), "\n")
	n, err := strconv.Atoi(line)
	if !ok || err != nil || n < 0 {
		return finished{}, false
	}
	return finished{marks: n, body: body}, true
}

// rootElement is the <svg> start tag with title and description.
func rootElement(s Spec) string {
	w, h := s.size()
	p := idPrefix(s)
	title := xmlText(s.Title)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"`+
		` viewBox="0 0 %d %d" width="%d" height="%d" style="max-width:100%%;height:auto"`+
		` role="img" aria-label="%s" aria-labelledby="%s-title"`, w, h, w, h, title, p)
	if s.Desc != "" {
		fmt.Fprintf(&b, ` aria-describedby="%s-desc"`, p)
	}
	fmt.Fprintf(&b, ">\n<title id=\"%s-title\">%s</title>\n", p, title)
	if s.Desc != "" {
		fmt.Fprintf(&b, "<desc id=\"%s-desc\">%s</desc>\n", p, xmlText(s.Desc))
	}
	return b.String()
}

// xmlText escapes s for XML text and attribute values and drops characters
// XML does not allow.
func xmlText(s string) string {
	return html.EscapeString(controlChars.ReplaceAllString(s, ""))
}

// idRenamer renames every id, and every reference to one, tag by tag in
// order of first appearance: zr3-p0 → prefix0 and so on. Only markup
// inside tags is touched; text content (escaped by ECharts) is left alone.
type idRenamer struct {
	prefix string
	names  map[string]string
}

// rename renames the ids in one tag and the references to them; a tag
// with neither is returned as it is, without the search.
func (r idRenamer) rename(tag string) string {
	if !strings.Contains(tag, ` id="`) && !strings.Contains(tag, `url(#`) && !strings.Contains(tag, `href="#`) {
		return tag
	}
	return r.renameAll(tag)
}

// renameAll is rename without the check that spares the search.
func (r idRenamer) renameAll(tag string) string {
	return idRefPattern.ReplaceAllStringFunc(tag, func(m string) string {
		sub := idRefPattern.FindStringSubmatch(m)
		name, ok := r.names[sub[2]]
		if !ok {
			name = r.prefix + strconv.Itoa(len(r.names))
			r.names[sub[2]] = name
		}
		return sub[1] + name
	})
}

// markTags returns what markPattern finds in s: each "<path" or "<rect"
// that ends a word, up to the next ">".
func markTags(s string) []string {
	var out []string
	for i := 0; ; {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			return out
		}
		lt += i
		rest := s[lt+1:]
		if !(strings.HasPrefix(rest, "path") || strings.HasPrefix(rest, "rect")) || len(rest) > 4 && wordByte(rest[4]) {
			i = lt + 1
			continue
		}
		gt := strings.IndexByte(rest, '>')
		if gt < 0 {
			return out
		}
		end := lt + 1 + gt + 1
		out = append(out, s[lt:end])
		i = end
	}
}

// countMarks counts the distinct data items that ECharts drew a filled
// shape for (bars, sectors), using the ecmeta attributes of SSR output.
// Decal overlays, axis lines and label lines carry no ecmeta or no fill.
func countMarks(raw string) int { return distinctMarks(markTags(raw)) }

// distinctMarks is countMarks for the tags markTags found.
func distinctMarks(tags []string) int {
	seen := map[string]bool{}
	for _, tag := range tags {
		if !strings.Contains(tag, ` ecmeta_ssr_type="chart"`) {
			continue // the attribute below could not be "chart"
		}
		attrs := map[string]string{}
		for _, a := range attrPattern.FindAllStringSubmatch(tag, -1) {
			attrs[a[1]] = a[2]
		}
		if attrs["ecmeta_ssr_type"] != "chart" {
			continue
		}
		if fill := attrs["fill"]; fill == "" || fill == "none" || strings.HasPrefix(fill, "url(") {
			continue
		}
		seen[attrs["ecmeta_series_index"]+"/"+attrs["ecmeta_data_index"]] = true
	}
	return len(seen)
}
