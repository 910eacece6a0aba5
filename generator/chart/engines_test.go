package chart_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"alisnord/generator/chart"
)

// TestEnginesAgree draws every chart and map of the shipped site, and
// synthetic charts of every kind and many shapes, in goja and in Node.js:
// the SVGs must be the same bytes, so that a build's output does not
// depend on which engine drew it.
func TestEnginesAgree(t *testing.T) {
	node := chart.NodeOrSkip(t)
	specs, bundle := siteSpecs(t)
	specs = append(specs, syntheticSpecs(90)...)

	goja, err := chart.NewRenderer(bundle, 0)
	if err != nil {
		t.Fatal(err)
	}
	want, err := goja.Render(specs)
	if err != nil {
		t.Fatal(err)
	}
	v8, err := chart.NewRenderer(bundle, 0)
	if err != nil {
		t.Fatal(err)
	}
	v8.UseNode(node, false)
	defer v8.Close()
	got, err := v8.Render(specs)
	if err != nil {
		t.Fatal(err)
	}
	if e := v8.Engine(); e != "node" {
		t.Fatalf("the Node.js renderer drew with %s", e)
	}
	if e := goja.Engine(); e != "goja" {
		t.Fatalf("the goja renderer drew with %s", e)
	}
	differ := 0
	for i := range specs {
		if got[i] != want[i] {
			differ++
			if differ <= 3 {
				t.Errorf("%s (%d×%d): Node.js and goja drew different SVGs:\n%s", specs[i].ID, specs[i].Width, specs[i].Height, firstDifference(want[i], got[i]))
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d drawings differ", differ, len(specs))
	}
	t.Logf("%d drawings compared", len(specs))
}

// firstDifference shows both strings around where they first differ.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("goja: …%s…\nnode: …%s…", a[from:min(len(a), i+80)], b[from:min(len(b), i+80)])
}

// syntheticSpecs are n charts (synthetic data, for this test only) of
// every kind but maps (the site's own maps are in siteSpecs): few and many
// categories, one to three series, decimals, large and negative values,
// units, targets, highlights, Norwegian and long labels, several sizes.
func syntheticSpecs(n int) []chart.Spec {
	rng := rand.New(rand.NewPCG(17, 2026))
	names := []string{"Bodø", "Alta", "Tromsø", "Vågan", "Sør-Varanger", "Hammerfest", "Hattfjelldal",
		"Storfjord – Omasvuotna – Omasvuono", "Ørland", "Æ", "Kautokeino", "Gáivuotna – Kåfjord – Kaivuonu",
		// characters outside the BMP (two UTF-16 units, where a cut label may
		// split one), a combining mark and a label long enough to be cut
		"𝔅𝔬𝔡ø 🏔️🏔️🏔️🏔️🏔️🏔️🏔️🏔️🏔️🏔️🏔️🏔️", "Tana bru – Deatnu – é", strings.Repeat("Lang kommunenavn ", 8) + "😀"}
	units := []string{"", " %", " kr", " stillinger"}
	var specs []chart.Spec
	for i := range n {
		kind := chart.Bar
		if i%2 == 1 {
			kind = chart.HBar
		}
		cats := 1 + rng.IntN(30)
		s := chart.Spec{
			ID: fmt.Sprintf("syntetisk-%d", i), Title: fmt.Sprintf("Syntetisk figur %d", i),
			Desc: "Syntetiske tall, bare for testen.", Kind: kind, Unit: units[rng.IntN(len(units))],
		}
		for c := range cats {
			s.Categories = append(s.Categories, fmt.Sprintf("%s %d", names[rng.IntN(len(names))], c))
		}
		scale := []float64{1e-5, 0.01, 1, 10, 1000, 1e6}[rng.IntN(6)]
		for k := range 1 + rng.IntN(3) {
			se := chart.Series{Name: fmt.Sprintf("Serie %c", 'A'+k)}
			for range cats {
				v := rng.Float64() * scale
				if rng.IntN(10) == 0 {
					v = -v / 3
				}
				if rng.IntN(3) == 0 {
					v = float64(int(v))
				}
				se.Values = append(se.Values, v)
			}
			s.Series = append(s.Series, se)
		}
		if rng.IntN(3) == 0 {
			target := rng.Float64() * scale
			s.Target, s.TargetLabel = &target, "Mål"
		}
		if rng.IntN(2) == 0 {
			s.Highlight = s.Categories[rng.IntN(cats)]
		}
		s.Width = []int{0, 360, 640, 1000}[rng.IntN(4)]
		specs = append(specs, s)
	}
	return specs
}
