package chart

import "testing"

// TestRenderIndependentOfBatch checks that a chart's SVG does not depend on
// what else was rendered before it on the same runtime: ECharts keeps
// counters in its global state, which the id rewriting must hide.
func TestRenderIndependentOfBatch(t *testing.T) {
	b := loadBundle(t)
	sp := sampleSpecs()
	alone := renderOK(t, newRenderer(t, b, 1), sp[Bar])[0]
	batch := renderOK(t, newRenderer(t, b, 1), sp[Pie], sp[HBar], sp[Bar])
	if batch[2] != alone {
		for i := range min(len(alone), len(batch[2])) {
			if alone[i] != batch[2][i] {
				t.Fatalf("SVG differs after other charts, at byte %d:\nalone: %s\nbatch: %s",
					i, alone[max(0, i-100):min(len(alone), i+100)], batch[2][max(0, i-100):min(len(batch[2]), i+100)])
			}
		}
		t.Fatalf("SVG lengths differ: %d alone, %d in a batch", len(alone), len(batch[2]))
	}
}
