package chart

import (
	"fmt"
	"testing"
)

// benchSpec is a horizontal bar chart of 25 participants, the shape of the
// per-area charts; k varies one value so no two specs share a cache entry.
func benchSpec(k int) Spec {
	s := Spec{ID: "stillinger-i-omrade", Title: "ALIS-stillinger per deltaker", Desc: "Syntetisk.", Kind: HBar,
		Series: []Series{{Name: "ALIS-stillinger"}}}
	for i := range 25 {
		s.Categories = append(s.Categories, fmt.Sprintf("Deltaker %04d", i+1))
		s.Series[0].Values = append(s.Series[0].Values, float64(1+i%2))
	}
	s.Series[0].Values[0] = float64(k)
	return s
}

// BenchmarkNewWorker is the fixed cost of a chart worker: a goja runtime
// running the compiled ECharts bundle. A build pays it once per worker.
func BenchmarkNewWorker(b *testing.B) {
	r := renderer(b)
	for b.Loop() {
		if _, err := r.startWorker(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderChart renders one distinct chart on warm workers.
func BenchmarkRenderChart(b *testing.B) {
	r := renderer(b)
	k := 0
	for b.Loop() {
		k++
		if _, err := r.Render([]Spec{benchSpec(k)}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderMap draws the whole shipped map (79 municipalities) on
// warm workers, a distinct option each time so nothing is cached.
func BenchmarkRenderMap(b *testing.B) {
	r := renderer(b)
	spec := mapSpec(b)
	k := 0
	for b.Loop() {
		k++
		spec.Width = 400 + k%400
		if _, err := r.Render([]Spec{spec}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSimplify simplifies the shipped map at the tolerance of its
// desktop drawing.
func BenchmarkSimplify(b *testing.B) {
	regions := shippedRegions(b)
	for b.Loop() {
		simplifyRegions(regions, 0.009, 0.375)
	}
}
