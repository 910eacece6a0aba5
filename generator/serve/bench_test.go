package serve

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"alisnord/generator/bench/corpus"
	"alisnord/generator/chart"
	"alisnord/generator/internal/sitetest"
)

// corpusSize is the number of synthetic articles the benchmark serves.
const corpusSize = 10000

// BenchmarkEditToReload measures the dev server on the synthetic corpus
// of make bench (generator/bench/corpus), 10,000 articles with the
// smallest data: the time from writing an edited article to the reload
// event reaching an SSE client, over 10 edits (median, min, max), and the
// server's memory. Run it with make bench-serve. A goal, not a test: the
// issue asks for a median under 100 ms. With ALIS_SERVE_PROFILE=file it
// writes a CPU profile of the edits (the whole process, after the first
// build).
func BenchmarkEditToReload(b *testing.B) {
	bundle := filepath.Join(sitetest.Root(b), ".cache", "echarts", "echarts.min.js")
	if _, err := chart.LoadBundle(bundle); err != nil {
		b.Skipf("SKIP: %v", err)
	}
	dir := filepath.Join(b.TempDir(), "site")
	site, err := corpus.FS(corpus.ArticlesOnly(corpusSize), os.DirFS(sitetest.Root(b)))
	if err != nil {
		b.Fatal(err)
	}
	if err := os.CopyFS(dir, site); err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	start := time.Now()
	log := &syncBuffer{}
	srv, err := Start(ctx, Config{Root: dir, Addr: "127.0.0.1:0", Echarts: bundle, Log: log})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Wait()
	defer cancel()
	first := time.Since(start)
	events := benchClient(b, ctx, "http://"+srv.Addr()+eventsPath)
	waitFor(b, events, eventHello)
	defer sitetest.CPUProfile(b, "ALIS_SERVE_PROFILE")()
	for b.Loop() {
		body := editSeries(b, dir, events, 10, func(src []byte, i int) []byte {
			return append(src, fmt.Sprintf("\nEndring nummer %d, syntetisk.\n", i)...)
		})
		title := editSeries(b, dir, events, 10, func(src []byte, i int) []byte {
			return bytes.Replace(src, []byte(`title = "Syntetisk sak`), []byte(fmt.Sprintf(`title = "Endret %d: Syntetisk sak`, i)), 1)
		})
		b.ReportMetric(ms(body.median), "ms-median")
		b.ReportMetric(ms(body.min), "ms-min")
		b.ReportMetric(ms(body.max), "ms-max")
		b.ReportMetric(ms(body.cpu), "ms-cpu/edit")
		b.ReportMetric(ms(title.median), "ms-median-title")
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		b.ReportMetric(float64(m.HeapInuse)/(1<<20), "MiB-heap-inuse")
		hwm := vmHWM()
		b.ReportMetric(hwm, "MiB-peak-rss")
		b.Logf("%d synthetic articles; first build and start %.1f s", corpusSize, first.Seconds())
		b.Logf("edit of an article's text, write to reload event, %d edits: %s", body.n, body)
		b.Logf("edit of an article's title (lists, tags and neighbours change), %d edits: %s", title.n, title)
		b.Logf("memory: heap in use %.0f MiB, peak RSS %.0f MiB (the whole test process, first build included)", float64(m.HeapInuse)/(1<<20), hwm)
		b.Logf("server log (last lines):\n%s", lastLines(log.String(), 6))
	}
}

// series is the edit-to-reload times of a run of edits.
type series struct {
	n                     int
	median, min, max, cpu time.Duration
	all                   []time.Duration
}

func (s series) String() string {
	return fmt.Sprintf("median %.1f ms, min %.1f ms, max %.1f ms; CPU time per edit %.1f ms; all %v",
		ms(s.median), ms(s.min), ms(s.max), ms(s.cpu), s.all)
}

// editSeries edits n articles spread over the corpus, one at a time.
func editSeries(b *testing.B, dir string, events <-chan string, n int, edit func([]byte, int) []byte) series {
	s := series{n: n}
	for i := range n {
		rel := corpus.ArticleFile((i*997 + 13) % corpusSize)
		t, c := editArticle(b, filepath.Join(dir, filepath.FromSlash(rel)), i, events, edit)
		s.all = append(s.all, t)
		s.cpu += c
	}
	s.cpu /= time.Duration(n)
	sorted := slices.Sorted(slices.Values(s.all))
	s.median = (sorted[(n-1)/2] + sorted[n/2]) / 2
	s.min, s.max = sorted[0], sorted[n-1]
	return s
}

// editArticle edits an article and returns the time until
// the reload event arrives, and the CPU time the process used meanwhile
// (which the machine's other load does not inflate as much).
func editArticle(b *testing.B, file string, i int, events <-chan string, edit func([]byte, int) []byte) (time.Duration, time.Duration) {
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	src = edit(src, i)
	time.Sleep(100 * time.Millisecond) // let the server settle between edits
	cpu, start := cpuTime(), time.Now()
	if err := os.WriteFile(file, src, 0o644); err != nil {
		b.Fatal(err)
	}
	waitFor(b, events, eventReload)
	return time.Since(start), cpuTime() - cpu
}

// cpuTime is the user and system CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchClient reads event names from the stream; it is lighter than the
// tests' client, so it adds nothing to the measured time.
func benchClient(b *testing.B, ctx context.Context, url string) <-chan string {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	out := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				out <- name
			}
		}
	}()
	return out
}

func waitFor(b *testing.B, events <-chan string, name string) {
	select {
	case got := <-events:
		if got != name {
			b.Fatalf("event %q, want %q", got, name)
		}
	case <-time.After(60 * time.Second):
		b.Fatalf("no %s event within 60 s", name)
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// vmHWM is the peak resident memory of this process in MiB, from
// /proc/self/status (0 where there is none).
func vmHWM() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb float64
			fmt.Sscanf(strings.TrimSpace(v), "%f", &kb)
			return kb / 1024
		}
	}
	return 0
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
