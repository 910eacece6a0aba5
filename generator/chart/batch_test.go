package chart

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// TestRenderIndependentOfBatch checks that a chart's SVG does not depend on
// what else was rendered before it on the same runtime: ECharts keeps
// counters in its global state, which the id rewriting must hide.
func TestRenderIndependentOfBatch(t *testing.T) {
	b := loadBundle(t)
	sp := sampleSpecs()
	alone := renderOK(t, newRenderer(t, b, 1), sp[Bar])[0]
	batch := renderOK(t, newRenderer(t, b, 1), stackedSpec(), sp[HBar], sp[Bar])
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

// narrowVariants are the sample specs at two widths; at phone width long
// labels wrap, where a coarser text-width estimate shows first.
func narrowVariants() []Spec {
	var out []Spec
	for _, base := range []Spec{sampleSpecs()[Bar], sampleSpecs()[HBar], stackedSpec()} {
		for _, w := range []int{0, 360} {
			s := base
			s.ID += "-" + strconv.Itoa(w)
			s.Width = w
			out = append(out, s)
		}
	}
	return out
}

// TestDefaultRendererDeterministic renders the same charts in one batch,
// spread over the default workers, several times and compares each with the
// chart rendered alone in a fresh runtime. ECharts switches to coarser text
// widths when measuring seems slow; without the stopped clock (worker.go)
// a busy machine makes this fail within a few rounds.
func TestDefaultRendererDeterministic(t *testing.T) {
	b := loadBundle(t)
	specs := narrowVariants()
	want := make([]string, len(specs))
	for i, s := range specs {
		want[i] = renderOK(t, newRenderer(t, b, 1), s)[0]
	}
	for round := range 4 {
		got := renderOK(t, newRenderer(t, b, 0), specs...)
		for i := range specs {
			if got[i] != want[i] {
				t.Errorf("round %d: %s differs from the chart rendered alone", round, specs[i].ID)
			}
		}
	}
}

// TestWorkerClockStopped checks what keeps renders independent of machine
// load: ECharts inside a worker sees a clock that never moves.
func TestWorkerClockStopped(t *testing.T) {
	r := newRenderer(t, loadBundle(t), 1)
	e, err := r.startWorker()
	if err != nil {
		t.Fatal(err)
	}
	w := e.(*worker)
	before := w.rt.Get("Date").ToObject(w.rt).Get("now")
	now, _ := goja.AssertFunction(before)
	a, _ := now(goja.Undefined())
	time.Sleep(30 * time.Millisecond)
	b, _ := now(goja.Undefined())
	if a.ToInteger() != b.ToInteger() {
		t.Errorf("Date.now() moved from %d to %d in a worker", a.ToInteger(), b.ToInteger())
	}
}

// mapStore is a Store in memory.
type mapStore map[string][]byte

func (m mapStore) Get(k string) ([]byte, bool) { b, ok := m[k]; return b, ok }
func (m mapStore) Put(k string, b []byte)      { m[k] = b }

// TestStoreSkipsECharts shows a renderer taking raw renders from its store:
// an entry changed in the store comes back, so ECharts did not run.
func TestStoreSkipsECharts(t *testing.T) {
	b := loadBundle(t)
	spec := sampleSpecs()[Bar]
	st := mapStore{}
	first := newRenderer(t, b, 1)
	first.UseStore(st)
	want := renderOK(t, first, spec)[0]
	if len(st) != 2 {
		t.Fatalf("%d entries stored after one chart, want 2 (the raw render and its finished body)", len(st))
	}
	if plain := renderOK(t, newRenderer(t, b, 1), spec)[0]; plain != want {
		t.Fatal("a render through the store differs from one without it")
	}
	for k, v := range st {
		st[k] = []byte(strings.Replace(string(v), ">Finnmark<", ">Finnmork<", 1))
	}
	second := newRenderer(t, b, 1)
	second.UseStore(st)
	if got := renderOK(t, second, spec)[0]; !strings.Contains(got, ">Finnmork<") {
		t.Error("the second renderer ran ECharts instead of using the stored render")
	}
}

// TestStoredBodyChecked shows that a finished body from the store passes
// the same checks as a fresh one: unsafe markup and missing marks are
// refused, whoever wrote the store.
func TestStoredBodyChecked(t *testing.T) {
	b := loadBundle(t)
	spec := sampleSpecs()[Bar]
	for name, spoil := range map[string]func(marks, body string) string{
		"unsafe markup": func(marks, body string) string { return marks + "\n<script>alert(1)</script>" + body },
		"missing marks": func(_, body string) string { return "0\n" + body },
	} {
		st := mapStore{}
		w := newRenderer(t, b, 1)
		w.UseStore(st)
		renderOK(t, w, spec)
		bodies := 0
		for k, v := range st {
			if marks, body, ok := strings.Cut(string(v), "\n"); ok && !strings.HasPrefix(marks, "<") {
				st[k] = []byte(spoil(marks, body))
				bodies++
			}
		}
		if bodies != 1 {
			t.Fatalf("%s: %d finished bodies in the store, want 1", name, bodies)
		}
		r := newRenderer(t, b, 1)
		r.UseStore(st)
		if _, err := r.Render([]Spec{spec}); err == nil {
			t.Errorf("%s: a spoiled body from the store was accepted", name)
		}
	}
}
