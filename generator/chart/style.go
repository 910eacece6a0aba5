package chart

// Palette is the series/slice colour cycle. Every colour has at least
// 4.5:1 contrast against white, so white value labels inside bars and the
// colours used as text both stay readable; decal patterns (hatching, dots)
// are drawn on top so that no meaning rests on colour alone.
var Palette = []string{
	"#1d5fa8", // blue
	"#b8440b", // burnt orange
	"#17753a", // green
	"#7a2fb8", // purple
	"#b3163f", // crimson
	"#0e6e6a", // teal
	"#8a5a00", // ochre
	"#4a5568", // slate
}

// FontFamily is the generic font stack used for all chart text; no web
// fonts are needed.
const FontFamily = "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif"

// Text styling shared by all kinds.
const (
	textColor      = "#1f2328" // body text
	axisColor      = "#3d444d" // axis labels and lines (7:1 on white)
	gridLineColor  = "#d8dee4" // value-axis split lines (decorative)
	targetColor    = "#1f2328" // reference line
	insideColor    = "#ffffff" // labels drawn on top of a bar
	fontSize       = 14        // axis and legend text, px
	labelFontSize  = 13        // value labels, px
	labelLineGap   = 4         // extra px between lines of a wrapped label
	outerMargin    = 12        // px between the chart and the SVG edge
	legendHeight   = 32        // px reserved above the plot for the legend
	labelPad       = 8         // px between a value label and its bar
	categoryMargin = 8         // px between category labels and the axis
)
