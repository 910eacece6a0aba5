package output

import (
	"fmt"
	"strconv"
	"testing"
)

// BenchmarkWrite writes 2,000 pages of 10 kB in 200 folders, the shape of
// a news archive, into a fresh folder each time.
func BenchmarkWrite(b *testing.B) {
	page := make([]byte, 10<<10)
	files := make([]File, 2000)
	for i := range files {
		files[i] = File{Path: fmt.Sprintf("nyheter/%03d/sak-%d/index.html", i%200, i), Data: page}
	}
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		if err := Write(dir, strconv.Itoa(i), files); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(len(files) * len(page)))
}
