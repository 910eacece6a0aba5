package chart

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// shippedRegions reads the site's map (data/kart/kommuner-2020.json).
func shippedRegions(t testing.TB) []Region {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(filepath.Dir(bundlePath(t)), "..", "..", "data", "kart", "kommuner-2020.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Features []struct {
			Properties struct {
				Name string `json:"navn"`
			} `json:"properties"`
			Geometry struct {
				Coordinates [][][]Point `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	out := make([]Region, len(doc.Features))
	for i, f := range doc.Features {
		out[i] = Region{Name: f.Properties.Name, Polygons: f.Geometry.Coordinates}
	}
	return out
}

func gzipSize(t testing.TB, s string) int {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zw.Write([]byte(s))
	zw.Close()
	return b.Len()
}

// mapSpec is a map of the shipped regions with synthetic groups (test data).
func mapSpec(t testing.TB, focus ...string) Spec {
	cats := []string{"Bodø", "Alta", "Tromsø", "Vega", "Rana"}
	return Spec{
		ID: "kart-test", Title: "Testkart", Desc: "Syntetiske grupper.", Kind: Map,
		Categories: cats,
		Series: []Series{
			{Name: "Gruppe A", Values: []float64{1, 0, 0, 1, 1}},
			{Name: "Gruppe B", Values: []float64{0, 1, 1, 0, 0}},
		},
		Map: &MapLayer{Regions: shippedRegions(t), Focus: focus},
	}
}

// TestSimplifyKeepsSharedBorders simplifies the shipped map and checks,
// for every pair of neighbours, that each point one keeps of their common
// border the other keeps too: no gap or overlap can open between them.
func TestSimplifyKeepsSharedBorders(t *testing.T) {
	regions := shippedRegions(t)
	owners := map[Point][]int{}
	before := 0
	for i, r := range regions {
		for _, p := range points(r) {
			owners[p] = append(owners[p], i)
			before++
		}
	}
	out := simplifyRegions(regions, 0.02, 0.375) // coarse, so much is dropped
	kept := make([]map[Point]bool, len(out))
	after := 0
	for i, r := range out {
		kept[i] = map[Point]bool{}
		for _, p := range points(r) {
			kept[i][p] = true
			after++
		}
	}
	if after > before/2 {
		t.Errorf("%d of %d points kept; simplification did little", after, before)
	}
	gaps := 0
	for i := range out {
		for p := range kept[i] {
			for _, j := range owners[p] {
				if j != i && !kept[j][p] {
					gaps++
				}
			}
		}
		if len(out[i].Polygons) == 0 {
			t.Errorf("%s lost every polygon", out[i].Name)
		}
	}
	if gaps > 0 {
		t.Errorf("%d border points kept by one neighbour and dropped by the other", gaps)
	}
}

// points lists a region's points, without repeats.
func points(r Region) []Point {
	seen := map[Point]bool{}
	var out []Point
	for _, poly := range r.Polygons {
		for _, ring := range poly {
			for _, p := range ring {
				if !seen[p] {
					seen[p] = true
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// TestMapBudget draws the whole map for a desktop column and a phone, as
// a page shows it, and holds it to the page-weight budget: at most 40 KB
// gzipped together. It also checks the aspect (about cos(68°) for
// Northern Norway) and that every coloured region is drawn.
func TestMapBudget(t *testing.T) {
	r := renderer(t)
	wide := mapSpec(t)
	narrow := mapSpec(t)
	narrow.ID, narrow.Width = "kart-test-smal", 360
	svgs, err := r.Render([]Spec{wide, narrow})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for i, svg := range svgs {
		wellFormed(t, svg)
		total += gzipSize(t, svg)
		if !strings.Contains(svg, `role="img"`) || !strings.Contains(svg, "<desc ") {
			t.Errorf("drawing %d is not accessible", i)
		}
		if n := strings.Count(svg, `fill="#1d5fa8"`) + strings.Count(svg, `fill="#b8440b"`); n != 5 {
			t.Errorf("drawing %d: %d coloured regions, want 5", i, n)
		}
	}
	t.Logf("map: %d bytes gzipped (desktop and phone)", total)
	if total > 40_000 {
		t.Errorf("the map weighs %d bytes gzipped; the budget is 40,000", total)
	}
	if x := mapXScale(mapView(wide.Map)); x < 0.33 || x > 0.42 {
		t.Errorf("aspect scale %.3f, want about cos(68°) = 0.375", x)
	}
	if w, h := wide.size(); float64(w)/float64(h) < 1.0 || float64(w)/float64(h) > 1.3 {
		t.Errorf("map size %dx%d: Northern Norway is a little wider than high", w, h)
	}
}

// TestMapZoom draws one group's regions zoomed: regions far away are left
// out, so the drawing is smaller than the whole map.
func TestMapZoom(t *testing.T) {
	r := renderer(t)
	all, zoomed := mapSpec(t), mapSpec(t, "Vega", "Rana")
	svgs, err := r.Render([]Spec{all, zoomed})
	if err != nil {
		t.Fatal(err)
	}
	if n, m := strings.Count(svgs[0], "<path"), strings.Count(svgs[1], "<path"); m >= n || m < 5 {
		t.Errorf("zoomed map draws %d regions, whole map %d", m, n)
	}
	if strings.Contains(svgs[1], ">Alta<") {
		t.Error("the zoomed map of Helgeland labels Alta")
	}
}

// TestMapValidate refuses a category that is no region, naming it.
func TestMapValidate(t *testing.T) {
	s := mapSpec(t)
	s.Categories[1] = "Atlantis"
	var e *Error
	if err := s.Validate(); !errors.As(err, &e) || e.Category != 1 || !strings.Contains(e.Msg, "Atlantis") {
		t.Errorf("want an error at category 1 naming Atlantis, got %v", err)
	}
	s = mapSpec(t)
	s.Map = nil
	if err := s.Validate(); err == nil {
		t.Error("a map without geometry validated")
	}
}

// TestHighlight outlines the highlighted category's bar and sets its
// label bold; other bars stay as they are.
func TestHighlight(t *testing.T) {
	s := Spec{ID: "uthevet", Title: "T", Kind: HBar, Categories: []string{"A", "B", "C"},
		Series: []Series{{Name: "S", Values: []float64{1, 2, 3}}}, Highlight: "B"}
	plain := s
	plain.ID, plain.Highlight = "vanlig", ""
	svgs, err := renderer(t).Render([]Spec{s, plain})
	if err != nil {
		t.Fatal(err)
	}
	outline := `stroke="` + textColor + `" stroke-width="2"`
	if n, m := strings.Count(svgs[0], outline), strings.Count(svgs[1], outline); n == 0 || m != 0 {
		t.Errorf("%d outlined shapes with a highlight, %d without", n, m)
	}
	if !strings.Contains(svgs[0], "bold") || strings.Contains(svgs[1], "bold") {
		t.Error("only the highlighted label should be bold")
	}
}
