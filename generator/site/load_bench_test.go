package site_test

import (
	"flag"
	"os"
	"testing"
	"time"

	"alisnord/generator/bench/corpus"
	"alisnord/generator/site"
)

var benchN = flag.Int("corpus", 1000, "articles in the synthetic corpus of the benchmarks")

// BenchmarkLoad reads, parses and checks a synthetic corpus (articles,
// areas and participants scaled with -corpus) held in memory.
func BenchmarkLoad(b *testing.B) {
	m, err := corpus.FS(corpus.SizeFor(*benchN), os.DirFS("../.."))
	if err != nil {
		b.Fatal(err)
	}
	opt := site.Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	for b.Loop() {
		if _, err := site.Load(m, opt); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(*benchN), "µs/article")
}
