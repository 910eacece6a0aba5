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
	tagPattern      = regexp.MustCompile(`<[^>]+>`)
	idRefPattern    = regexp.MustCompile(`( id="|url\(#|href="#)([^")]+)`)
	markPattern     = regexp.MustCompile(`<(?:path|rect)\b[^>]*>`)
	attrPattern     = regexp.MustCompile(` ([a-z_:-]+)="([^"]*)"`)
	unsafePattern   = regexp.MustCompile(`(?i)<(?:script|foreignObject|iframe|img|object|embed)\b|<[^>]*\son[a-z]+\s*=`)
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
	root := rootPattern.FindStringIndex(raw)
	if root == nil {
		return "", specError(s, "ECharts ga ikke et <svg>-dokument")
	}
	if got, want := countMarks(raw), max(1, s.nonZero()); got < want {
		return "", specError(s, "tegningen har %d merker for %d verdier som ikke er null; figuren ville blitt tom eller ufullstendig", got, want)
	}
	body := raw[root[1]:]
	body = stylePattern.ReplaceAllString(body, "")
	body = tagPattern.ReplaceAllStringFunc(body, func(tag string) string {
		return themeClass(dropAttrPattern.ReplaceAllString(tag, ""))
	})
	body = renameIDs(body, idPrefix(s)+"-")
	if unsafePattern.MatchString(body) {
		return "", specError(s, "SVG-en inneholder markup som ikke er trygg å sette inn i siden")
	}
	var b strings.Builder
	b.Grow(len(body) + 512)
	b.WriteString(rootElement(s))
	b.WriteString(strings.TrimSpace(body))
	return b.String(), nil
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

// renameIDs renames every id, and every reference to one, in order of first
// appearance: zr3-p0 → prefix0 and so on. Only markup inside tags is
// touched; text content (escaped by ECharts) is left alone.
func renameIDs(body, prefix string) string {
	names := map[string]string{}
	return tagPattern.ReplaceAllStringFunc(body, func(tag string) string {
		return idRefPattern.ReplaceAllStringFunc(tag, func(m string) string {
			sub := idRefPattern.FindStringSubmatch(m)
			name, ok := names[sub[2]]
			if !ok {
				name = prefix + strconv.Itoa(len(names))
				names[sub[2]] = name
			}
			return sub[1] + name
		})
	})
}

// countMarks counts the distinct data items that ECharts drew a filled
// shape for (bars, sectors), using the ecmeta attributes of SSR output.
// Decal overlays, axis lines and label lines carry no ecmeta or no fill.
func countMarks(raw string) int {
	seen := map[string]bool{}
	for _, tag := range markPattern.FindAllString(raw, -1) {
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
