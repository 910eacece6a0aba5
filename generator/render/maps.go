package render

import (
	"fmt"
	"slices"
	"strings"

	"alisnord/generator/chart"
	"alisnord/generator/norsk"
	"alisnord/generator/site"
)

// MapCredit is shown under every map, as the map data's licence asks.
const MapCredit = "Kartgrunnlag: © Kartverket (CC BY 4.0). Kommunegrenser fra 2020."

// mapCell is one row of a map's text alternative: a participant and the
// 2020 municipalities its 2019 municipalities lie in.
type mapCell struct {
	participant *site.Participant
	features    []string // on the map, in order, without repeats
	merged      []string // features that cover more than the participant
}

// mapCharts builds the map of all participants, coloured by area, and one
// zoomed map per area with its participants; none without map data.
func mapCharts(s *site.Site) []*chartData {
	if len(s.Map.Features) == 0 || len(s.Participants) == 0 {
		return nil
	}
	regions := make([]chart.Region, len(s.Map.Features))
	for i, f := range s.Map.Features {
		regions[i] = chart.Region{Name: f.Name, Polygons: f.Polygons}
	}
	layer := &chart.MapLayer{Regions: regions}
	out := []*chartData{participantMap(s, layer, chartMapAll, "", s.Areas)}
	for i := range s.Areas {
		a := s.Areas[i : i+1]
		if len(a[0].Participants) > 0 {
			out = append(out, participantMap(s, layer, chartMapArea.forArea(&a[0]), a[0].Name, a))
		}
	}
	return out
}

// participantMap is a map of the participants of areas, one series (and
// colour) per area; zoomed to them when where is an area's name.
func participantMap(s *site.Site, layer *chart.MapLayer, def chartDef, where string, areas []site.Area) *chartData {
	var cats []string
	var series []chart.Series
	var cells []mapCell
	for _, a := range areas {
		ser := chart.Series{Name: a.Name, Color: AreaColor(s, a.ID)}
		for _, pt := range a.Participants {
			cell := mapCell{participant: pt}
			for _, m := range pt.Municipalities {
				f, _ := s.Map.FeatureOf(m)
				if f == "" || slices.Contains(cell.features, f) {
					continue
				}
				cell.features = append(cell.features, f)
				if mg := s.Map.MergedOf(f); mg != nil && coversMore(mg, pt) {
					cell.merged = append(cell.merged, f)
				}
				if !slices.Contains(cats, f) {
					cats = append(cats, f)
				}
			}
			cells = append(cells, cell)
		}
		series = append(series, ser)
	}
	for i := range series {
		series[i].Values = make([]float64, len(cats))
	}
	for _, cell := range cells {
		g := slices.IndexFunc(areas, func(a site.Area) bool { return a.ID == cell.participant.Area })
		for _, f := range cell.features {
			series[g].Values[slices.Index(cats, f)] = 1
		}
	}
	l := *layer
	if where != "" {
		l.Focus = cats
	}
	spec := def.spec(cats, series)
	spec.Map = &l
	c := &chartData{Source: sourceOf(s, participantsSource), AsOf: s.SourceDate(participantsSource),
		Spec: spec}
	c.Summary = mapSummary(s, cats, cells, where)
	c.Spec.Desc = c.Summary
	c.mapTable(s, cells, where == "")
	c.Note = mergedNote(s, cells)
	return c
}

// coversMore reports whether the merged 2020 municipality mg covers 2019
// municipalities that are not part of participant pt.
func coversMore(mg *site.Merged, pt *site.Participant) bool {
	for _, m := range mg.From {
		if !slices.Contains(pt.Municipalities, m) {
			return true
		}
	}
	return false
}

// mapSummary says in a sentence what the map shows.
func mapSummary(s *site.Site, cats []string, cells []mapCell, where string) string {
	if where != "" {
		return fmt.Sprintf("Kartet viser %s med de %s kommunene der deltakerne i %s ligger, farget; de andre kommunene er grå.",
			where, norsk.Int(len(cats)), where)
	}
	var parts []string
	for _, a := range s.Areas {
		if len(a.Participants) > 0 {
			parts = append(parts, fmt.Sprintf("%s %s", a.Name, norsk.Int(len(a.Participants))))
		}
	}
	return fmt.Sprintf("Kartet viser Nord-Norges %s kommuner. De %s kommunene der de %s deltakerne ligger, er farget etter helseforetaksområde (deltakere: %s); de andre er grå.",
		norsk.Int(len(s.Map.Features)), norsk.Int(len(cats)), norsk.Int(len(cells)), joinNorwegian(parts))
}

// mapTable is the map's text alternative: each participant, its 2019
// municipalities and where they lie on the 2020 map.
func (c *chartData) mapTable(s *site.Site, cells []mapCell, withArea bool) {
	c.Head = []string{"Deltaker", "Kommuner (2019)", "På kartet (2020-grenser)"}
	if withArea {
		c.Head = slices.Insert(c.Head, 1, "Område")
	}
	for _, cell := range cells {
		pt := cell.participant
		row := []string{pt.Name, joinNorwegian(pt.Municipalities), joinNorwegian(cell.features)}
		if withArea {
			row = slices.Insert(row, 1, pt.AreaRef.Name)
		}
		c.Rows = append(c.Rows, row)
	}
	c.CSV = csvTable(c.Head, c.Rows, isoOrEmpty(c.AsOf))
}

// mergedNote says which coloured 2020 municipalities cover more than the
// participant they are coloured for; "" when none does.
func mergedNote(s *site.Site, cells []mapCell) string {
	var notes []string
	for _, cell := range cells {
		for _, f := range cell.merged {
			mg := s.Map.MergedOf(f)
			var more []string
			for _, m := range mg.From {
				if !slices.Contains(cell.participant.Municipalities, m) {
					more = append(more, m)
				}
			}
			notes = append(notes, fmt.Sprintf("%s (også %s)", f, joinNorwegian(more)))
		}
	}
	if len(notes) == 0 {
		return ""
	}
	return "Kommunene ble slått sammen i 2020, og kartet farger hele 2020-kommunen. Disse dekker mer enn deltakeren: " +
		strings.Join(notes, ", ") + "."
}
