package render

import (
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"alisnord/generator/chart"
	"alisnord/generator/internal/sitetest"
	"alisnord/generator/site"
)

// squareMap is a synthetic map (test data, not real boundaries): five unit
// squares in a row, A, B, CX (C and X merged), D and E.
const squareMap = `{"type":"FeatureCollection","features":[` +
	`{"type":"Feature","properties":{"navn":"A"},"geometry":{"type":"Polygon","coordinates":[[[0,66],[1,66],[1,67],[0,67],[0,66]]]}},` +
	`{"type":"Feature","properties":{"navn":"B"},"geometry":{"type":"Polygon","coordinates":[[[1,66],[2,66],[2,67],[1,67],[1,66]]]}},` +
	`{"type":"Feature","properties":{"navn":"CX"},"geometry":{"type":"Polygon","coordinates":[[[2,66],[3,66],[3,67],[2,67],[2,66]]]}},` +
	`{"type":"Feature","properties":{"navn":"D"},"geometry":{"type":"Polygon","coordinates":[[[3,66],[4,66],[4,67],[3,67],[3,66]]]}},` +
	`{"type":"Feature","properties":{"navn":"E"},"geometry":{"type":"Polygon","coordinates":[[[4,66],[5,66],[5,67],[4,67],[4,66]]]}}]}`

const squareMerged = "[[merged]]\nfeature = \"CX\"\nfrom = [\"C\", \"X\"]\n"

// withMap is the small site with the synthetic map.
func withMap(t *testing.T) *txtar.Archive {
	ar := smallWith(t, site.MapFile, squareMap)
	ar.Files = append(ar.Files, txtar.File{Name: "in/" + site.MergedFile, Data: []byte(squareMerged)})
	return ar
}

// renderWithMap renders the small site with the synthetic map and returns
// the model, every output file's text by path, and the specs drawn.
func renderWithMap(t *testing.T) (*site.Site, map[string]string, *sitetest.Charts) {
	t.Helper()
	m := archiveFS(withMap(t))
	repoTemplates(t, m)
	s, err := site.Load(m, site.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	cr := sitetest.NewCharts(t)
	files, err := Site(s, Options{Root: m, Charts: cr})
	if err != nil {
		t.Fatal(err)
	}
	page := map[string]string{}
	for _, f := range files {
		page[f.Path] = string(f.Data)
	}
	return s, page, cr
}

// TestMaps renders the small site with a map: the areas page shows every
// participant's municipality coloured by area, each area page its own,
// zoomed; both say where the map comes from, note the merged municipality
// and carry the participants as a table.
func TestMaps(t *testing.T) {
	s, page, cr := renderWithMap(t)
	all := cr.Specs()[mapAllID]
	if all.Kind != chart.Map || strings.Join(all.Categories, ",") != "A,B,CX,D" || len(all.Series) != 2 || len(all.Map.Focus) != 0 {
		t.Errorf("whole map: kind %s, categories %v, %d series, focus %v", all.Kind, all.Categories, len(all.Series), all.Map.Focus)
	}
	nord := cr.Specs()[mapAllID+"-nord"]
	if strings.Join(nord.Map.Focus, ",") != "A,B,CX" || nord.Series[0].Color != AreaColor(s, "nord") {
		t.Errorf("map of Nord: focus %v, colour %q", nord.Map.Focus, nord.Series[0].Color)
	}
	for path, want := range map[string][]string{
		"omrader/index.html": {`id="figur-kart-deltakere"`, "Kartgrunnlag: © Kartverket (CC BY 4.0). Kommunegrenser fra 2020.",
			"CX (også X)", `<th scope="row">C</th><td data-label="Område">Nord</td><td data-label="Kommuner (2019)">C</td><td data-label="På kartet (2020-grenser)">CX</td>`, `<svg xmlns=`, "Ikke med"},
		"omrader/nord/index.html":            {`id="figur-kart-deltakere-nord"`, "Kartgrunnlag: © Kartverket", "CX (også X)"},
		"omrader/sor/index.html":             {`id="figur-kart-deltakere-sor"`},
		"statistikk/data/kart-deltakere.csv": {"Deltaker;Område;Kommuner (2019);På kartet (2020-grenser)", "A/B;Nord;A og B;A og B"},
	} {
		for _, w := range want {
			if !strings.Contains(page[path], w) {
				t.Errorf("%s lacks %q", path, w)
			}
		}
	}
	if strings.Contains(page["omrader/sor/index.html"], "CX (også X)") {
		t.Error("the note on CX shows on the page of an area that does not colour it")
	}
}
