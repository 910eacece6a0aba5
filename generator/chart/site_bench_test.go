package chart_test

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"alisnord/generator/chart"
	"alisnord/generator/render"
	"alisnord/generator/site"
)

// recorder is a render.ChartRenderer that keeps the specs a site asks for
// and draws nothing.
type recorder struct {
	mu    sync.Mutex
	specs []chart.Spec
}

func (r *recorder) Render(specs []chart.Spec) ([]string, error) {
	r.mu.Lock()
	r.specs = append(r.specs, specs...)
	r.mu.Unlock()
	out := make([]string, len(specs))
	for i := range out {
		out[i] = `<svg role="img"></svg>`
	}
	return out, nil
}

// siteSpecs returns every drawing the shipped site (data/, content/ and
// templates/ of this repository) asks for, and the ECharts bundle.
func siteSpecs(b testing.TB) ([]chart.Spec, []byte) {
	b.Helper()
	root := filepath.Join("..", "..")
	bundle, err := chart.LoadBundle(filepath.Join(root, ".cache", "echarts", "echarts.min.js"))
	if err != nil {
		b.Skip(err)
	}
	fsys := os.DirFS(root)
	s, err := site.Load(fsys, site.Options{Now: time.Now()})
	if err != nil {
		b.Fatal(err)
	}
	rec := &recorder{}
	if err := render.NewEngine(render.Forget).Render(s, render.Options{Root: fsys, Charts: rec}, render.Discard); err != nil {
		b.Fatal(err)
	}
	return rec.specs, bundle
}

// cpuTime is the CPU time (user and system) the process has used so far.
// The benchmarks report it beside wall time: the machines they run on are
// shared, and CPU time is what a busy neighbour does not inflate.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkColdSite draws every chart and map of the shipped site on a
// fresh renderer with no store, as a cold build does, on one worker that
// is already running (its start is BenchmarkNewWorker). It reports the CPU
// time per drawing, ordinary charts and maps apart: issue 17 asks for at
// most ~20 ms each. The node sub-benchmarks draw in a Node.js process
// (skipped without one); their CPU time is the process's own, counted
// when it ends, so it includes its start and reading the bundle.
func BenchmarkColdSite(b *testing.B) {
	specs, bundle := siteSpecs(b)
	kinds := map[string][]chart.Spec{}
	for _, s := range specs {
		k := "chart"
		if s.Kind == chart.Map {
			k = "map"
		}
		kinds[k] = append(kinds[k], s)
	}
	for _, k := range []string{"chart", "map"} {
		b.Run(k, func(b *testing.B) {
			benchCold(b, bundle, kinds[k])
		})
		b.Run(k+"/node", func(b *testing.B) {
			benchNode(b, bundle, kinds[k])
		})
	}
}

// benchNode draws specs in a fresh one-process Node.js renderer per
// iteration and reports the CPU ms per drawing of the process and of the
// test together.
func benchNode(b *testing.B, bundle []byte, specs []chart.Spec) {
	node := chart.NodeOrSkip(b)
	var cpu time.Duration
	for b.Loop() {
		r, err := chart.NewRenderer(bundle, 1)
		if err != nil {
			b.Fatal(err)
		}
		r.UseNode(node, false)
		start := cpuTime() + childrenCPU()
		if _, err := r.Render(specs); err != nil {
			b.Fatal(err)
		}
		if r.Engine() != "node" {
			b.Fatalf("drew with %s", r.Engine())
		}
		r.Close()
		cpu += cpuTime() + childrenCPU() - start
	}
	b.ReportMetric(float64(cpu.Microseconds())/1e3/float64(b.N*len(specs)), "cpu-ms/drawing")
	b.ReportMetric(float64(len(specs)), "drawings")
}

// childrenCPU is the CPU time of the child processes that have ended.
func childrenCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchCold draws specs on a fresh one-worker renderer per iteration and
// reports CPU ms and heap allocations per drawing. The allocations barely
// move with the machine's load: on a busy shared machine they show a
// change in the work that CPU time blurs.
func benchCold(b *testing.B, bundle []byte, specs []chart.Spec) {
	var cpu time.Duration
	var mallocs uint64
	var ms runtime.MemStats
	for b.Loop() {
		b.StopTimer()
		r, err := chart.NewRenderer(bundle, 1)
		if err != nil {
			b.Fatal(err)
		}
		warm := chart.Spec{ID: "oppvarming", Title: "Syntetisk", Desc: "Syntetisk.", Kind: chart.Bar,
			Categories: []string{"a", "b"}, Series: []chart.Series{{Name: "s", Values: []float64{1, 2}}}}
		if _, err := r.Render([]chart.Spec{warm}); err != nil {
			b.Fatal(err)
		}
		runtime.ReadMemStats(&ms)
		before := ms.Mallocs
		b.StartTimer()
		start := cpuTime()
		if _, err := r.Render(specs); err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime() - start
		b.StopTimer()
		runtime.ReadMemStats(&ms)
		mallocs += ms.Mallocs - before
		b.StartTimer()
	}
	drawings := float64(b.N * len(specs))
	b.ReportMetric(float64(cpu.Microseconds())/1e3/drawings, "cpu-ms/drawing")
	b.ReportMetric(float64(mallocs)/drawings, "allocs/drawing")
	b.ReportMetric(float64(len(specs)), "drawings")
}
