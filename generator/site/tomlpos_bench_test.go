package site

import (
	"fmt"
	"strings"
	"testing"

	"alisnord/generator/diag"
)

// BenchmarkIndexTOML indexes synthetic data files of growing size: the time
// per key must stay flat (nothing in the index counts lines from the top
// for each key). Run: go test ./generator/site -run '^$' -bench IndexTOML
func BenchmarkIndexTOML(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		src := []byte(syntheticAreas(n))
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				indexTOML("data/areas.toml", src)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(9*n), "ns/key")
		})
	}
}

// BenchmarkDecodeAreas decodes and checks the types and keys of the same
// files, as the loader does for each data file.
func BenchmarkDecodeAreas(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		src := []byte(syntheticAreas(n))
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				var v struct {
					Area []Area `toml:"area"`
				}
				var ds diag.Diagnostics
				if checkText("data/areas.toml", src, &ds); len(ds) > 0 {
					b.Fatal(ds)
				}
				if _, ok := decodeTOML("data/areas.toml", src, 0, &v, &ds); !ok || len(ds) > 0 {
					b.Fatal(ds)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(9*n), "ns/key")
		})
	}
}

// syntheticAreas writes n made-up [[area]] entries (synthetic test data,
// no real figures), nine keys each.
func syntheticAreas(n int) string {
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, "[[area]]\nid = \"syntetisk-%d\"\nname = \"Syntetisk %d\"\nhealth_trust = \"Syntetisk HF\"\n"+
			"applications = %d\nmunicipalities = %d.5\npopulation = %d\napplications_source = \"s\"\n"+
			"population_source = \"s\"\nnote = \"\"\"Syntetisk\n[ikke en tabell]\"\"\"\n\n", i, i, i%50, i%9, 1000+i)
	}
	return sb.String()
}
