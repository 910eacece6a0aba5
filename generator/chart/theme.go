package chart

import (
	"regexp"
	"strings"
)

// Theme classes let a page restyle a chart's neutral colours (text, axes,
// grid lines, the map's land and borders) for dark mode from its own
// stylesheet: each shape or text drawn in one of them gets a class naming
// its role, c-<role>-f for its fill and c-<role>-s for its stroke, and the
// stylesheet sets fill or stroke from a custom property. The data colours
// need no class: each has enough contrast on both backgrounds.
var themeRoles = map[string]string{
	textColor:     "ink",
	axisColor:     "axis",
	"#54555a":     "axis", // ECharts' own axis line and ticks
	gridLineColor: "grid",
	mapLandColor:  "land",
	mapEdgeColor:  "paper", // map borders and the halo behind map labels
	"#fff":        "paper",
}

var paintPattern = regexp.MustCompile(` (fill|stroke)="(#[0-9a-fA-F]{3,6})"`)

// themeClass adds the theme classes to one start tag. White text (labels
// inside bars) keeps its colour: it sits on a data colour in both modes.
func themeClass(tag string) string {
	if !strings.Contains(tag, ` fill="#`) && !strings.Contains(tag, ` stroke="#`) {
		return tag // paintPattern finds nothing
	}
	return addThemeClasses(tag)
}

// addThemeClasses is themeClass without the check that spares the search.
func addThemeClasses(tag string) string {
	if !strings.HasPrefix(tag, "<") || strings.HasPrefix(tag, "</") {
		return tag
	}
	var classes []string
	for _, m := range paintPattern.FindAllStringSubmatch(tag, -1) {
		role, ok := themeRoles[strings.ToLower(m[2])]
		if !ok || role == "paper" && m[1] == "fill" {
			continue
		}
		classes = append(classes, "c-"+role+"-"+m[1][:1])
	}
	if len(classes) == 0 {
		return tag
	}
	end := len(tag) - 1
	if strings.HasSuffix(tag, "/>") {
		end--
	}
	return tag[:end] + ` class="` + strings.Join(classes, " ") + `"` + tag[end:]
}
