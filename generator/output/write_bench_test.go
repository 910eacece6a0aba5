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

// BenchmarkBegin checks an earlier build of 12,918 files (the size of the
// 10,000-article benchmark site) against its manifest, as every build
// does before it writes, and takes the lock.
func BenchmarkBegin(b *testing.B) {
	files := make([]File, 12918)
	for i := range files {
		files[i] = File{Path: fmt.Sprintf("nyheter/sak-%d/index.html", i), Data: []byte("x")}
	}
	root := b.TempDir()
	if err := Write(root, "public", files); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		st, err := Begin(root, "public")
		if err != nil {
			b.Fatal(err)
		}
		st.Abort()
	}
}
