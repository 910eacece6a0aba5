package chart

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// bundlePath finds .cache/echarts/echarts.min.js under the module root
// (the nearest parent directory with a go.mod).
func bundlePath(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, ".cache", "echarts", "echarts.min.js")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

// loadBundle returns the ECharts bundle, or skips the test when it has not
// been fetched. In CI (CI=true) a missing bundle fails the test.
func loadBundle(t testing.TB) []byte {
	t.Helper()
	path := bundlePath(t)
	b, err := LoadBundle(path)
	if err != nil {
		msg := "\n\n*** ECharts bundle not found: " + err.Error() +
			"\n*** run `make echarts` (generator/chart/fetch-echarts.sh .cache/echarts) to enable the chart tests.\n"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return b
}

var (
	sharedOnce     sync.Once
	sharedRenderer *Renderer
	sharedErr      error
)

// renderer returns a Renderer shared by the tests (compiling the bundle
// takes a while).
func renderer(t testing.TB) *Renderer {
	t.Helper()
	bundle := loadBundle(t)
	sharedOnce.Do(func() {
		sharedRenderer, sharedErr = NewRenderer(bundle, 0)
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedRenderer
}

// renderOK renders specs with r and fails the test on error.
func renderOK(t testing.TB, r *Renderer, specs ...Spec) []string {
	t.Helper()
	out, err := r.Render(specs)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func ptr(v float64) *float64 { return &v }

// sampleSpecs is one spec of each kind, with Norwegian text.
func sampleSpecs() map[Kind]Spec {
	return map[Kind]Spec{
		Bar: {
			ID:         "soknader-per-omrade",
			Title:      "Søknader per område",
			Desc:       "Finnmark har flest søknader, Helgeland færrest.",
			Kind:       Bar,
			Categories: []string{"Finnmark", "UNN", "Nordland", "Helgeland"},
			Series: []Series{
				{Name: "2024", Values: []float64{1250, 980, 19.5, 410}},
				{Name: "2025", Values: []float64{1310, 1020, 22, 0}},
			},
			Target:      ptr(1000),
			TargetLabel: "Mål",
		},
		HBar: {
			ID:    "deltakere-per-kommune",
			Title: "Deltakere per kommunegruppe",
			Desc:  "Skånland/Evenes/Tjeldsund har flest deltakere.",
			Kind:  HBar,
			Categories: []string{"Narvik/Ballangen/Tysfjord-Øst", "Skånland/Evenes/Tjeldsund",
				"Hålogaland", "Bø"},
			Series: []Series{{Name: "Deltakere", Values: []float64{12.5, 48, 7, 30}}},
			Unit:   " %",
		},
	}
}

// stackedSpec is a stacked bar chart with fixed series colours and a
// highlighted category, like an area's page shows (synthetic figures).
func stackedSpec() Spec {
	return Spec{
		ID:         "stillinger-etter-status",
		Title:      "Stillinger etter status (syntetiske tall)",
		Desc:       "UNN har flest besatte stillinger.",
		Kind:       Bar,
		Categories: []string{"Finnmark", "UNN", "Nordland", "Helgeland"},
		Series: []Series{
			{Name: "Besatt", Values: []float64{3, 9, 5, 2}, Stack: "status", Color: "#2f6cb3"},
			{Name: "Utlyst", Values: []float64{1, 2, 0, 1}, Stack: "status", Color: "#70757d"},
			{Name: "Mål", Values: []float64{5, 12, 6, 4}},
		},
		Highlight: "UNN",
	}
}
