package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"alisnord/generator/bench/corpus"
	"alisnord/generator/chart"
	"alisnord/generator/internal/sitetest"
	"alisnord/generator/render"
	"alisnord/generator/site"
)

// BenchmarkEdit measures what the dev server's pipeline spends on one
// edit of one article of 10,000 synthetic articles (bench/corpus), after a
// first build (ALIS_EDIT_N articles instead): its text (the quick path) and its title (lists, tags and
// neighbours change). It reports the median of each; with
// ALIS_EDIT_PROFILE=file it writes a CPU profile of the edits alone, and
// with ALIS_EDIT_MEMPROFILE=file a heap profile before (file.base) and
// after them, so that `go tool pprof -sample_index=alloc_space -base
// file.base file` shows what the edits allocated. A
// title edit's CPU time (the process's, so the garbage collector's too),
// allocations and bytes allocated are reported as medians as well.
func BenchmarkEdit(b *testing.B) {
	bundle := filepath.Join("..", "..", ".cache", "echarts", "echarts.min.js")
	if _, err := chart.LoadBundle(bundle); err != nil {
		b.Skipf("SKIP: %v", err)
	}
	dir := b.TempDir()
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("ALIS_EDIT_N")); err == nil {
		n = v
	}
	m, err := corpus.FS(corpus.ArticlesOnly(n), os.DirFS(filepath.Join("..", "..")))
	if err != nil {
		b.Fatal(err)
	}
	for p, f := range m {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	bl, err := New(Config{Root: dir, Echarts: bundle, Serve: true, Load: site.Options{Drafts: true, Future: true}})
	if err != nil {
		b.Fatal(err)
	}
	sink := render.Collector{Borrow: true}
	if _, err := bl.Build(Changes{}, &sink); err != nil {
		b.Fatal(err)
	}
	rel := "content/nyheter/" + corpus.ArticleSlug(n/2) + ".md"
	file := filepath.Join(dir, filepath.FromSlash(rel))
	type cost struct {
		wall, cpu time.Duration
		allocs    uint64
		bytes     uint64
	}
	edit := func(i int, change func([]byte, int) []byte) cost {
		src, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(file, change(src, i), 0o644); err != nil {
			b.Fatal(err)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		allocs, bytes := ms.Mallocs, ms.TotalAlloc
		cpu, start := cpuTime(), time.Now()
		if _, err := bl.Build(Changes{Paths: []string{rel}}, &sink); err != nil {
			b.Fatal(err)
		}
		c := cost{wall: time.Since(start), cpu: cpuTime() - cpu}
		runtime.ReadMemStats(&ms)
		c.allocs, c.bytes = ms.Mallocs-allocs, ms.TotalAlloc-bytes
		b.Logf("%s: %v (CPU %v, %d allocations)", rel, c.wall, c.cpu, c.allocs)
		return c
	}
	text := func(src []byte, i int) []byte { return append(src, fmt.Sprintf("\nEndring %d, syntetisk.\n", i)...) }
	title := func(src []byte, i int) []byte {
		return bytes.Replace(src, []byte("title = \""), []byte(fmt.Sprintf("title = \"%d ", i)), 1)
	}
	defer sitetest.CPUProfile(b, "ALIS_EDIT_PROFILE")()
	if p := os.Getenv("ALIS_EDIT_MEMPROFILE"); p != "" {
		writeHeapProfile(b, p+".base")
		defer writeHeapProfile(b, p)
	}
	for b.Loop() {
		var texts, titles, titleCPU []time.Duration
		var titleAllocs, titleBytes []uint64
		for i := range 10 {
			texts = append(texts, edit(i, text).wall)
			c := edit(i, title)
			titles, titleCPU = append(titles, c.wall), append(titleCPU, c.cpu)
			titleAllocs, titleBytes = append(titleAllocs, c.allocs), append(titleBytes, c.bytes)
		}
		b.ReportMetric(median(texts), "ms-text")
		b.ReportMetric(median(titles), "ms-title")
		b.ReportMetric(median(titleCPU), "ms-cpu-title")
		b.ReportMetric(medianOf(titleAllocs), "allocs-title")
		b.ReportMetric(medianOf(titleBytes)/(1<<20), "MiB-title")
	}
}

// writeHeapProfile writes the heap profile, allocations so far included,
// to file p.
func writeHeapProfile(b *testing.B, p string) {
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		b.Fatal(err)
	}
}

// cpuTime is the user and system CPU time of this process so far: on a
// shared machine it varies less than the wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func medianOf(ns []uint64) float64 {
	slices.Sort(ns)
	return float64(ns[len(ns)/2])
}

func median(ds []time.Duration) float64 {
	slices.Sort(ds)
	return float64(ds[len(ds)/2].Microseconds()) / 1000
}
