package chart

import (
	"regexp"
	"strconv"
	"strings"
)

// defaultFontPx is the size assumed when a CSS font string has no px size
// (ECharts' own default).
const defaultFontPx = 12

var (
	fontSizePattern   = regexp.MustCompile(`(\d+(?:\.\d+)?)px`)
	fontWeightPattern = regexp.MustCompile(`(?:^|\s)(bold|bolder|[6-9]00)(?:\s|$)`)
)

// parseFont extracts the pixel size and boldness from a CSS font shorthand
// such as "bold 14px system-ui, sans-serif".
func parseFont(font string) (px float64, bold bool) {
	px = defaultFontPx
	if m := fontSizePattern.FindStringSubmatch(font); m != nil {
		if v, err := strconv.ParseFloat(m[1], 64); err == nil && v > 0 {
			px = v
		}
	}
	head, _, _ := strings.Cut(font, "px") // weight comes before the size
	return px, fontWeightPattern.MatchString(head)
}

// advance returns the advance width of r in thousandths of an em.
func advance(r rune, bold bool) int {
	idx := 0
	if bold {
		idx = 1
	}
	if r >= advFirst && int(r-advFirst) < len(advRegular) {
		w := advRegular[r-advFirst]
		if bold {
			w = advBold[r-advFirst]
		}
		if w != 0 {
			return int(w)
		}
	}
	if w, ok := advExtra[r]; ok {
		return int(w[idx])
	}
	switch {
	case r < advFirst, r >= 0x0300 && r <= 0x036f, r >= 0x200b && r <= 0x200f:
		return 0 // control characters, combining marks, zero-width characters
	case r >= 0x2e80:
		return 1000 // CJK and other wide scripts
	}
	return 640 // a generous average for anything else
}

// measureText estimates the rendered width in px of text set in the CSS
// font described by font. The Node.js host measures with textwidth.js,
// which must give the same numbers (TestMeasureAgrees).
func measureText(text, font string) float64 {
	px, bold := parseFont(font)
	total := 0
	for _, r := range text {
		total += advance(r, bold)
	}
	return float64(total) * px / 1000
}
