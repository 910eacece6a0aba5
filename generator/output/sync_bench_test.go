package output

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkSync flushes 2,000 freshly written 10 kB pages to disk, the
// shape BenchmarkWrite writes: one syncfs (what Commit does on Linux)
// against an fsync per file and folder (what it does elsewhere).
func BenchmarkSync(b *testing.B) {
	page := make([]byte, 10<<10)
	for _, bc := range []struct {
		name string
		sync func(string) error
	}{{"syncfs", syncTree}, {"fsync-each", syncEach}} {
		b.Run(bc.name, func(b *testing.B) {
			dir := b.TempDir()
			for b.Loop() {
				b.StopTimer()
				os.RemoveAll(dir)
				for i := range 2000 {
					p := filepath.Join(dir, fmt.Sprintf("%03d", i%200), fmt.Sprintf("sak-%d.html", i))
					os.MkdirAll(filepath.Dir(p), 0o755)
					os.WriteFile(p, page, 0o644)
				}
				b.StartTimer()
				if err := bc.sync(dir); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
