package render

import (
	"alisnord/generator/site"
)

// The colour language: each meaning has one colour in every chart, map,
// the fact sheet and the slides, and unknown is always the same neutral
// grey. Every colour has at least 4.5:1 contrast against white (so white
// labels on a bar stay readable) and at least 3:1 against the dark-mode
// background #14171c (WCAG 1.4.11), so the same colour serves both modes;
// TestColourContrast checks it.
const (
	colourApplicants = "#2f6cb3" // søknader, søkerkommuner and their innbyggere: 5.36 / 3.35
	colourOffers     = "#0f7a72" // tilbud om deltakelse: 5.19 / 3.46
	colourFastlonn   = "#8a4fd0" // avtaleform fastlønn: 5.11 / 3.52
	colourNaering    = "#a05a14" // avtaleform næring: 5.29 / 3.39
	colourBesatt     = "#2e7d32" // status besatt: 5.13 / 3.50
	colourUtlyst     = "#c4490f" // status utlyst: 4.88 / 3.68
	colourPlanlagt   = "#bb3b73" // status planlagt: 5.27 / 3.41
	colourTarget     = "#8c6a00" // the target (mål): 5.03 / 3.57
	colourUnknown    = "#70757d" // ikke oppgitt, and the rest of a whole: 4.64 / 3.87
)

// areaColours are the areas' colours, in the order of data/areas.toml.
var areaColours = []string{
	"#1f7a9c", // 4.86 / 3.70
	"#b5339a", // 5.38 / 3.34
	"#5b7a12", // 4.96 / 3.62
	"#6659d9", // 5.26 / 3.42
}

// darkBackground is the page background under prefers-color-scheme: dark.
const darkBackground = "#14171c"

// statusColours and modelColours colour a position's status and contract
// model; "" is not given.
var (
	statusColours = map[site.PositionStatus]string{site.StatusFilled: colourBesatt, site.StatusAdvertised: colourUtlyst, site.StatusPlanned: colourPlanlagt, "": colourUnknown}
	modelColours  = map[site.ContractModel]string{site.ContractSalaried: colourFastlonn, site.ContractSelfEmployed: colourNaering, "": colourUnknown}
)

// statusOrder is the order of the statuses in charts, the furthest first;
// statusLabels name them there. "" is not given.
var (
	statusOrder  = []site.PositionStatus{site.StatusFilled, site.StatusAdvertised, site.StatusPlanned, ""}
	statusLabels = map[site.PositionStatus]string{site.StatusFilled: "Besatt", site.StatusAdvertised: "Utlyst", site.StatusPlanned: "Planlagt", "": "Status ikke oppgitt"}
)

// AreaColor is the colour of area id wherever the site shows areas by
// colour: the colour at the area's place in data/areas.toml.
func AreaColor(s *site.Site, id string) string {
	for i, a := range s.Areas {
		if a.ID == id {
			return areaColours[i%len(areaColours)]
		}
	}
	return colourUnknown
}
