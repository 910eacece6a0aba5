package chart

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
)

// memStore is a Store (and Pruner) in memory that counts its calls.
type memStore struct {
	mu     sync.Mutex
	m      map[string][]byte
	gets   int
	puts   int
	prunes int
}

func newMemStore() *memStore { return &memStore{m: map[string][]byte{}} }

func (s *memStore) Get(key string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gets++
	b, ok := s.m[key]
	return b, ok
}

func (s *memStore) Put(key string, svg []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.puts++
	s.m[key] = svg
}

func (s *memStore) Prune(keep map[string]bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prunes++
	maps.DeleteFunc(s.m, func(k string, _ []byte) bool { return !keep[k] })
}

// freshRenderer is a Renderer of its own with one worker, for tests that
// look at its cache.
func freshRenderer(t *testing.T) *Renderer {
	t.Helper()
	r, err := NewRenderer(loadBundle(t), 1)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// edited is the sample bar chart after the n-th edit of its data.
func edited(n int) Spec {
	s := sampleSpecs()[Bar]
	s.Series = []Series{{Name: "2024", Values: []float64{float64(100 + n), 980, 19.5, 410}}}
	return s
}

// TestCacheKeepsOnlyWhatTheSiteUses renders the chart after twelve data
// edits, as the dev server does: the in-memory cache never holds more
// than the current round's renders, and the store is pruned to them.
func TestCacheKeepsOnlyWhatTheSiteUses(t *testing.T) {
	r := freshRenderer(t)
	st := newMemStore()
	r.UseStore(st)
	for n := range 12 {
		spec := edited(n)
		narrow := spec
		narrow.ID, narrow.Width = spec.ID+"-smal", 360
		renderOK(t, r, spec, narrow)
		if len(r.cache) != 2 || len(st.m) != 4 {
			t.Fatalf("after edit %d: %d renders in memory, %d in the store; want 2 and 4 (2 raw, 2 finished)", n+1, len(r.cache), len(st.m))
		}
	}
	if st.prunes != 12 {
		t.Errorf("store pruned %d times, want once per round (12)", st.prunes)
	}
}

// TestReadOnlyStore renders with a store a build filled, read-only as a
// check does: it reads from the store and never adds to or prunes it.
func TestReadOnlyStore(t *testing.T) {
	st, want := filledStore(t)
	r := freshRenderer(t)
	r.UseReadOnlyStore(st)
	puts, before := st.puts, maps.Clone(st.m)
	got := renderOK(t, r, edited(1), edited(2))
	if st.puts != puts || st.prunes != 1 || !maps.EqualFunc(st.m, before, slices.Equal) {
		t.Errorf("read-only store changed: %d puts, %d prunes (want %d and 1)", st.puts, st.prunes, puts)
	}
	if got[0] != want[0] {
		t.Error("the stored render was not used")
	}
}

// TestRenderReportsEveryFailure renders two broken specs around a good
// one: both come back as *Error with their index and category, in
// Norwegian, and the good one is still drawn.
func TestRenderReportsEveryFailure(t *testing.T) {
	good := stackedSpec()
	empty := sampleSpecs()[Bar]
	empty.Categories = []string{"Finnmark", "UNN", " ", "Helgeland"}
	zero := sampleSpecs()[HBar]
	zero.Series = []Series{{Name: "Deltakere", Values: make([]float64, 4)}}
	out, err := renderer(t).Render([]Spec{empty, good, zero})
	var es Errors
	if !errors.As(err, &es) || len(es) != 2 {
		t.Fatalf("want Errors with two failures, got %v", err)
	}
	if es[0].Index != 0 || es[0].Category != 2 || es[1].Index != 2 || es[1].Category != -1 {
		t.Errorf("failures at %+v and %+v; want index 0 category 2, index 2 category -1", *es[0], *es[1])
	}
	want := `figuren "soknader-per-omrade" kunne ikke tegnes: kategori 2 har tomt navn`
	if es[0].Error() != want {
		t.Errorf("got %q, want %q", es[0].Error(), want)
	}
	if !strings.HasPrefix(out[1], "<svg") {
		t.Error("the good spec was not drawn")
	}
}

// TestScriptErrorWrapped runs a stand-in for ECharts that throws: the
// exception comes back as a Norwegian *Error naming the chart, with the
// script's own text kept.
func TestScriptErrorWrapped(t *testing.T) {
	bundle := `var echarts = {setPlatformAPI: function () {}, init: function () { throw new Error("boom i skriptet"); }};`
	r, err := NewRenderer([]byte(bundle), 1)
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Render([]Spec{stackedSpec()})
	var es Errors
	if !errors.As(err, &es) || len(es) != 1 {
		t.Fatalf("want one *Error, got %v", err)
	}
	msg := es[0].Error()
	if !strings.HasPrefix(msg, `figuren "stillinger-etter-status" kunne ikke tegnes: `) || !strings.Contains(msg, "boom i skriptet") {
		t.Errorf("got %q", msg)
	}
}

// TestBundleCompiledOnDemand: a renderer whose charts all come from the
// store never compiles the bundle (a warm build pays nothing for ECharts),
// and a bundle that does not compile is reported when a chart is drawn.
func TestBundleCompiledOnDemand(t *testing.T) {
	st, want := filledStore(t)
	r := freshRenderer(t)
	r.UseStore(st)
	if got := renderOK(t, r, edited(1)); !slices.Equal(got, want) {
		t.Fatal("the stored chart differs from the drawn one")
	}
	if r.bundle != nil {
		t.Error("the bundle was compiled although every chart came from the store")
	}
	bad, err := NewRenderer([]byte("var = ;"), 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bad.Render([]Spec{edited(1)}); err == nil || !strings.Contains(err.Error(), "compile echarts bundle") {
		t.Errorf("a bundle that does not compile gave %v", err)
	}
}

// filledStore is a store a build filled by drawing edited(1), and what it drew.
func filledStore(t *testing.T) (*memStore, []string) {
	t.Helper()
	st := newMemStore()
	w := freshRenderer(t)
	w.UseStore(st)
	return st, renderOK(t, w, edited(1))
}
