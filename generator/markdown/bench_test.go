package markdown

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"alisnord/generator/bench/corpus"
	"alisnord/generator/site"
)

// BenchmarkConvert converts every article of the synthetic corpus
// (bench/corpus, 1,000 articles of about 600 words) one after another,
// with figures and root-relative links resolved as a page does.
func BenchmarkConvert(b *testing.B) {
	m, err := corpus.FS(corpus.SizeFor(1000), os.DirFS("../.."))
	if err != nil {
		b.Fatal(err)
	}
	s, err := site.Load(m, site.Options{Now: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)}) // after every article
	if err != nil {
		b.Fatal(err)
	}
	md := New()
	env := hostileEnv()
	env.Rel = func(link string) string {
		if strings.HasPrefix(link, "/") {
			return "../.." + link
		}
		return link
	}
	for b.Loop() {
		for _, a := range s.Articles {
			if _, _, ds := Convert(md, a, env); ds != nil {
				b.Fatal(ds)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(s.Articles)), "µs/article")
}

// BenchmarkConvertTable converts one synthetic table of 10, 100 and 1,000
// rows: ns/op should grow tenfold per step, not a hundredfold.
func BenchmarkConvertTable(b *testing.B) {
	md := New()
	for _, n := range []int{10, 100, 1_000} {
		var body strings.Builder
		body.WriteString("| Kommune | Innbyggere | Merknad | Andel |\n|---|---|:-:|---|\n")
		for i := range n {
			fmt.Fprintf(&body, "| K%d | %d 142 | *to* kommuner | %d %% |\n", i, i, i%100)
		}
		a := article(body.String())
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(a.Body)))
			for b.Loop() {
				if _, _, ds := Convert(md, a, hostileEnv()); len(ds) > 0 {
					b.Fatal(ds)
				}
			}
		})
	}
}

// BenchmarkConvertLinks converts articles of 1,000, 10,000 and 100,000
// links: ns/op should grow tenfold per step (linear), not a hundredfold.
func BenchmarkConvertLinks(b *testing.B) {
	md := New()
	for _, n := range []int{1_000, 10_000, 100_000} {
		a := &site.Article{Meta: site.Meta{Path: "content/nyheter/x.md", BodyLine: 5}, Body: manyLinks(n)}
		b.Run(fmt.Sprintf("links=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(a.Body)))
			for b.Loop() {
				if _, _, ds := Convert(md, a, hostileEnv()); len(ds) > 0 {
					b.Fatal(ds)
				}
			}
		})
	}
}

// BenchmarkConvertNesting converts lists nested 100 deep (the limit),
// repeated 100, 1,000 and 10,000 times: linear growth again.
func BenchmarkConvertNesting(b *testing.B) {
	md := New()
	for _, n := range []int{100, 1_000, 10_000} {
		a := article(strings.Repeat(strings.Repeat("- ", 100)+"x\n", n))
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(a.Body)))
			for b.Loop() {
				if _, _, ds := Convert(md, a, hostileEnv()); len(ds) > 0 {
					b.Fatal(ds)
				}
			}
		})
	}
}
