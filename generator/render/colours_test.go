package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"alisnord/generator/chart"
	"alisnord/generator/internal/sitetest"
	"alisnord/generator/site"
)

// luminance is the WCAG relative luminance of #rrggbb.
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if err != nil || len(hex) != 7 {
		t.Fatalf("%q is not #rrggbb", hex)
	}
	lin := func(c uint64) float64 {
		x := float64(c) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(v>>16) + 0.7152*lin(v>>8&0xff) + 0.0722*lin(v&0xff)
}

func contrast(t *testing.T, a, b string) float64 {
	la, lb := luminance(t, a), luminance(t, b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// TestColourContrast: every colour of the colour language has 4.5:1
// against white (white labels on it) and 3:1 against the dark background.
func TestColourContrast(t *testing.T) {
	all := append([]string{colourApplicants, colourOffers, colourFastlonn, colourNaering, colourBesatt,
		colourUtlyst, colourPlanlagt, colourTarget, colourUnknown}, areaColours...)
	for _, c := range all {
		if w, d := contrast(t, c, "#ffffff"), contrast(t, c, darkBackground); w < 4.5 || d < 3 {
			t.Errorf("%s: %.2f:1 on white (want 4.5), %.2f:1 on %s (want 3)", c, w, d, darkBackground)
		}
	}
}

// TestColourLanguage renders the small site and the shipped one and
// checks every chart (see checkColours). The page of an area marks its
// own bars.
func TestColourLanguage(t *testing.T) {
	_, _, cr := renderWithMap(t)
	checkColours(t, cr.Specs())
	for id, want := range map[string]string{offersID + "-nord": "Nord", offersID + "-sor": "Sør"} {
		if got := cr.Specs()[id].Highlight; got != want {
			t.Errorf("%s highlights %q, want %q", id, got, want)
		}
	}
	m := sitetest.MapFS(t)
	s, err := site.Load(m, site.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	shipped := sitetest.NewCharts(t)
	if _, err := Site(s, Options{Root: m, Charts: shipped}); err != nil {
		t.Fatal(err)
	}
	checkColours(t, shipped.Specs())
}

// checkColours: each series has a colour, the same name has the same
// colour in every chart, no two meanings share a colour within one chart,
// and what is not given is grey.
func checkColours(t *testing.T, specs map[string]chart.Spec) {
	t.Helper()
	colourOf := map[string]string{}
	for _, id := range sortedNames(specs) {
		spec := specs[id]
		inChart := map[string]string{}
		for _, ser := range spec.Series {
			where := fmt.Sprintf("%s: %q", id, ser.Name)
			switch {
			case ser.Color == "":
				t.Errorf("%s has no colour", where)
			case colourOf[ser.Name] != "" && colourOf[ser.Name] != ser.Color:
				t.Errorf("%s is %s, elsewhere %s", where, ser.Color, colourOf[ser.Name])
			case inChart[ser.Color] != "":
				t.Errorf("%s has the colour of %q", where, inChart[ser.Color])
			case strings.Contains(strings.ToLower(ser.Name), "ikke oppgitt") && ser.Color != colourUnknown:
				t.Errorf("%s is %s, not the grey of what is not given", where, ser.Color)
			}
			colourOf[ser.Name], inChart[ser.Color] = ser.Color, ser.Name
		}
	}
}
