package chart

import (
	"testing"
)

// drawOn draws s on worker w as the renderer would, without its cache:
// every call runs ECharts.
func drawOn(t *testing.T, w engine, s Spec) string {
	t.Helper()
	option, err := Option(s)
	if err != nil {
		t.Fatal(err)
	}
	width, height := s.size()
	raw, _, err := w.renderSVG(option, width, height)
	if err != nil {
		t.Fatalf("%s: %v", s.ID, err)
	}
	svg, err := finishSVG(raw, s)
	if err != nil {
		t.Fatalf("%s: %v", s.ID, err)
	}
	return svg
}

// reuseSpecs is one spec of each kind, each at the desktop and the phone
// width, and a map drawn whole and zoomed under one ID, so that a runtime
// which kept a map's geometry by its name would draw the second wrongly.
func reuseSpecs(t *testing.T) []Spec {
	specs := narrowVariants()
	whole := mapSpec(t)
	zoomed := mapSpec(t, "Bodø", "Vega")
	narrow := whole
	narrow.Width = 360
	return append(specs, whole, zoomed, narrow)
}

// TestRuntimeReuseMatchesFresh draws every spec twice, forwards and then
// backwards, on one worker and compares each drawing with the same spec drawn on a fresh
// runtime: a worker is reused for a whole build (and the dev server's
// life), so nothing one drawing leaves in the runtime may change the next.
func TestRuntimeReuseMatchesFresh(t *testing.T) {
	r := newRenderer(t, loadBundle(t), 1)
	specs := reuseSpecs(t)
	fresh := make([]string, len(specs))
	for i, s := range specs {
		w, err := r.startWorker()
		if err != nil {
			t.Fatal(err)
		}
		fresh[i] = drawOn(t, w, s)
	}
	w, err := r.startWorker()
	if err != nil {
		t.Fatal(err)
	}
	// Forwards, then backwards: what one kind leaves behind meets every
	// other kind after it.
	n := len(specs)
	for k := range 2 * n {
		i := k
		if k >= n {
			i = 2*n - 1 - k
		}
		s := specs[i]
		if got := drawOn(t, w, s); got != fresh[i] {
			t.Errorf("drawing %d: %s (width %d) on a reused runtime differs from a fresh one at byte %d",
				k+1, s.ID, s.Width, firstDiff(got, fresh[i]))
		}
	}
}

// firstDiff is the index of the first byte where a and b differ.
func firstDiff(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
