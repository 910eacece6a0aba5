package render

import (
	"alisnord/generator/chart"
	"alisnord/generator/site"
)

// AreaColor is the colour of area id wherever the site shows areas by
// colour: the palette's colour at the area's place in data/areas.toml.
func AreaColor(s *site.Site, id string) string {
	for i, a := range s.Areas {
		if a.ID == id {
			return chart.Palette[i%len(chart.Palette)]
		}
	}
	return ""
}
