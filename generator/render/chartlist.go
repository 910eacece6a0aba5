package render

import (
	"fmt"

	"alisnord/generator/chart"
	"alisnord/generator/site"
)

// chartDef is one chart of the site as the table below lists it. A chart
// drawn once per area (or per place) has an id that the area's id ends and
// a title with %s for the area's name; forArea fills both in.
type chartDef struct {
	id    string
	title string
	kind  chart.Kind
	unit  string // after each value, as in chart.Spec.Unit
}

// The ids other code looks charts up by: the offers chart has a
// highlighted copy per area (offersID + "-" + area id), the other three
// have one chart per area.
const (
	offersID        = "tilbud-mot-soknader"
	areaPositionsID = "stillinger-i-"
	progressID      = "stillinger-over-tid"
	mapAllID        = "kart-deltakere"
)

// Every chart of the site: id, title, kind, unit; after each, the sources
// its source line cites and the function that builds it.
var (
	chartApplications   = chartDef{"soknader-per-omrade", "Søknader per helseforetaksområde", chart.Bar, ""}                                             // the applications' sources; simpleAreaChart
	chartMunicipalities = chartDef{"kommuner-per-omrade", "Søkerkommuner per helseforetaksområde", chart.Bar, ""}                                        // the municipalities' sources; simpleAreaChart
	chartPopulation     = chartDef{"innbyggere-per-omrade", "Innbyggere i søkerkommunene per helseforetaksområde", chart.Bar, ""}                        // the population's sources; simpleAreaChart
	chartModels         = chartDef{"stillinger-per-omrade", "ALIS-stillinger per helseforetaksområde, etter avtaleform", chart.Bar, ""}                  // participants and changes; positionsByModel
	chartOffers         = chartDef{offersID, "Tilbud om deltakelse mot søknader, per helseforetaksområde", chart.Bar, ""}                                // applications and participants; offersChart
	chartRecruitment    = chartDef{"rekruttering-per-omrade", "Rekruttering: besatte ALIS-stillinger mot målet, per helseforetaksområde", chart.Bar, ""} // participants and changes; recruitmentChart
	chartShare          = chartDef{"andel-nord-norge", "Søkerkommunenes andel av Nord-Norge", chart.HBar, " %"}                                          // the project's totals; shareChart
	chartAreaPositions  = chartDef{areaPositionsID, "ALIS-stillinger per deltaker i %s", chart.HBar, ""}                                                 // participants; areaPositions
	chartProgress       = chartDef{progressID, "ALIS-stillinger etter status over tid", chart.Bar, ""}                                                   // participants and changes; progressChart
	chartAreaProgress   = chartDef{progressID + "-", "ALIS-stillinger i %s etter status over tid", chart.Bar, ""}                                        // participants and changes; progressChart
	chartMapAll         = chartDef{mapAllID, "Deltakerkommunene i Nord-Norge", chart.Map, ""}                                                            // participants; participantMap
	chartMapArea        = chartDef{mapAllID + "-", "Deltakerkommunene i %s", chart.Map, ""}                                                              // participants; participantMap
)

// chartOrder is the order of the statistics page.
var chartOrder = []string{
	chartApplications.id, chartMunicipalities.id, chartPopulation.id,
	chartModels.id, chartOffers.id, chartRecruitment.id, chartShare.id,
}

// forArea is the chart of a per-area def for one area.
func (d chartDef) forArea(a *site.Area) chartDef {
	d.id += a.ID
	d.title = fmt.Sprintf(d.title, a.Name)
	return d
}

// spec is the chart's spec with the given categories and series.
func (d chartDef) spec(categories []string, series []chart.Series) chart.Spec {
	return chart.Spec{ID: d.id, Title: d.title, Kind: d.kind, Unit: d.unit, Categories: categories, Series: series}
}
