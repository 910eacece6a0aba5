package chart

import (
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"sync"
	"testing"
)

var (
	fillPattern = regexp.MustCompile(`<path\b[^>]*\bfill="(#[0-9a-f]{6})"`)
	idAttr      = regexp.MustCompile(` id="([^"]+)"`)
	idRef       = regexp.MustCompile(`(?:url\(#|href="#)([^")]+)`)
)

// paletteMarks counts the paths filled with a palette colour: bars, slices
// and legend icons.
func paletteMarks(svg string) int {
	n := 0
	for _, m := range fillPattern.FindAllStringSubmatch(svg, -1) {
		for _, c := range Palette {
			if strings.EqualFold(m[1], c) {
				n++
			}
		}
	}
	return n
}

// wellFormed parses svg as XML, which also proves that all text is escaped.
func wellFormed(t *testing.T, svg string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
	}
}

func TestRenderKinds(t *testing.T) {
	r := renderer(t)
	specs := sampleSpecs()
	tests := []struct {
		kind   Kind
		labels []string // text that must appear intact
	}{
		{Bar, []string{"Finnmark", "UNN", "Nordland", "Helgeland", "19,5", "1\u00a0250", "Mål: 1\u00a0000", "2024", "2025"}},
		{HBar, []string{"Skånland/Evenes/Tjeldsund", "Tysfjord-Øst", "Hålogaland", "Bø", "12,5\u00a0%", "10\u00a0%"}},
	}
	for _, tc := range tests {
		t.Run(string(tc.kind), func(t *testing.T) {
			s := specs[tc.kind]
			svg := renderOK(t, r, s)[0]
			wellFormed(t, svg)
			if got, want := paletteMarks(svg), s.nonZero(); got < want {
				t.Errorf("%d coloured marks, want at least %d", got, want)
			}
			p := "chart-" + s.ID
			for _, want := range []string{
				`<svg xmlns="http://www.w3.org/2000/svg"`,
				` role="img"`,
				` aria-label="` + s.Title + `"`,
				` aria-labelledby="` + p + `-title"`,
				` aria-describedby="` + p + `-desc"`,
				`<title id="` + p + `-title">` + s.Title + `</title>`,
				`<desc id="` + p + `-desc">` + s.Desc + `</desc>`,
				` viewBox="0 0 `,
				`max-width:100%`,
				`url(#` + p + `-`, // decal patterns
			} {
				if !strings.Contains(svg, want) {
					t.Errorf("SVG lacks %q", want)
				}
			}
			for _, want := range tc.labels {
				if !strings.Contains(svg, ">"+want+"<") {
					t.Errorf("SVG lacks the text %q", want)
				}
			}
			for _, bad := range []string{"<?xml", "<style", "ecmeta_", `class="zr`, "zr0-", "1,000"} {
				if strings.Contains(svg, bad) {
					t.Errorf("SVG contains %q", bad)
				}
			}
			if !strings.Contains(svg, `class="c-ink-f"`) {
				t.Error("the text has no theme classes for dark mode")
			}
			if !strings.HasPrefix(svg, "<svg ") || !strings.HasSuffix(svg, "</svg>") {
				t.Errorf("SVG is not a bare <svg> element: %.40q … %.40q", svg, svg[len(svg)-40:])
			}
		})
	}
}

func TestRenderDeterministic(t *testing.T) {
	bundle := loadBundle(t)
	specs := sampleSpecs()
	a, b, c := specs[Bar], specs[HBar], stackedSpec()

	// Fresh renderers have empty caches, so every chart is really rendered.
	first := renderOK(t, newRenderer(t, bundle, 1), a, b, c)
	again := renderOK(t, newRenderer(t, bundle, 1), c, b, a) // same runtime, other order
	if first[0] != again[2] || first[1] != again[1] || first[2] != again[0] {
		t.Error("rendering in a different order on one runtime changed the output")
	}

	// Two concurrent batches on the default renderer, in opposite orders.
	par := newRenderer(t, bundle, 0)
	var wg sync.WaitGroup
	var x, y []string
	var errX, errY error
	wg.Go(func() { x, errX = par.Render([]Spec{a, b, c}) })
	wg.Go(func() { y, errY = par.Render([]Spec{c, b, a}) })
	wg.Wait()
	if errX != nil || errY != nil {
		t.Fatal(errX, errY)
	}
	for i := range first {
		if x[i] != first[i] || y[2-i] != first[i] {
			t.Errorf("parallel render of spec %d differs", i)
		}
	}
}

func newRenderer(t *testing.T, bundle []byte, workers int) *Renderer {
	t.Helper()
	r, err := NewRenderer(bundle, workers)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestIDsAreScopedAndResolved(t *testing.T) {
	r := renderer(t)
	specs := sampleSpecs()
	a, b := specs[Bar], specs[Bar]
	b.ID = "annen-graf"
	out := renderOK(t, r, a, b)
	seen := map[string]string{}
	for i, svg := range out {
		spec := []Spec{a, b}[i]
		ids := map[string]bool{}
		for _, m := range idAttr.FindAllStringSubmatch(svg, -1) {
			id := m[1]
			if !strings.HasPrefix(id, "chart-"+spec.ID+"-") {
				t.Errorf("%s: id %q lacks the spec prefix", spec.ID, id)
			}
			if other, dup := seen[id]; dup {
				t.Errorf("id %q used by both %s and %s", id, other, spec.ID)
			}
			seen[id], ids[id] = spec.ID, true
		}
		for _, m := range idRef.FindAllStringSubmatch(svg, -1) {
			if !ids[m[1]] {
				t.Errorf("%s: reference to missing id %q", spec.ID, m[1])
			}
		}
	}
	if strings.ReplaceAll(out[1], "annen-graf", a.ID) != out[0] {
		t.Error("charts that differ only in ID should differ only in their ids")
	}
}

func TestCacheSharesIdenticalCharts(t *testing.T) {
	r := newRenderer(t, loadBundle(t), 2)
	a := stackedSpec()
	b := a
	b.ID, b.Title = "kopi", "Kopi"
	out := renderOK(t, r, a, b, a)
	if out[0] != out[2] {
		t.Error("the same spec gave different SVGs")
	}
	if len(r.cache) != 1 {
		t.Errorf("cache has %d entries, want 1 (one chart, three specs)", len(r.cache))
	}
	if !strings.Contains(out[1], `<title id="chart-kopi-title">Kopi</title>`) {
		t.Error("a cached chart did not get its own title and ids")
	}
}
