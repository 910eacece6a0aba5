package search

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkIndex times Pagefind on 1000 synthetic article pages (test
// data: repeated Norwegian words, not facts), about 300 words each.
func BenchmarkIndex(b *testing.B) {
	tool, err := Tool("../..")
	if err != nil {
		b.Skipf("SKIP: %v", err)
	}
	words := strings.Fields("kommunene søkte om ALIS-stillinger i Nord-Norge for å rekruttere og beholde fastleger med fastlønn eller næring i helseforetaksområdet")
	site := b.TempDir()
	for i := range 1000 {
		var text strings.Builder
		for j := range 300 {
			text.WriteString(words[(i*7+j)%len(words)] + " ")
		}
		dir := filepath.Join(site, "nyheter", fmt.Sprintf("sak-%d", i))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		html := fmt.Sprintf(`<!DOCTYPE html><html lang="nb"><head><title>Sak %d</title></head><body><main data-pagefind-body><h1>Sak %d</h1><p>%s</p></main></body></html>`, i, i, text.String())
		if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(html), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	var res Result
	for b.Loop() {
		if err := os.RemoveAll(filepath.Join(site, Output)); err != nil {
			b.Fatal(err)
		}
		if res, err = Index(tool, site); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Bytes)/1024, "index-kB")
	b.ReportMetric(float64(res.Files), "index-files")
}
