package site

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
)

// TestReadRegularOneBuffer: a file is read into one buffer of its size
// (plus one read), not grown step by step; its bytes come back whole, and
// a file over the limit is refused.
func TestReadRegularOneBuffer(t *testing.T) {
	for _, n := range []int{0, 1, 511, 512, 4096, 100_000} {
		data := bytes.Repeat([]byte("x"), n)
		fsys := fstest.MapFS{"a.md": {Data: data}}
		src, msg := readRegular(fsys, "a.md", 200_000)
		if msg != "" || !bytes.Equal(src, data) {
			t.Fatalf("%d bytes: got %d bytes, %q", n, len(src), msg)
		}
		if cap(src) != n {
			t.Errorf("%d bytes: buffer of %d (grown instead of sized)", n, cap(src))
		}
	}
	if _, msg := readRegular(fstest.MapFS{"b.md": {Data: make([]byte, 11)}}, "b.md", 10); msg == "" {
		t.Error("a file over the limit was read")
	}
	// A file that grew after Stat, or shrank, is read as it is now.
	for _, size := range []int64{0, 5, 99} {
		got, err := readSized(strings.NewReader("abcdefghij"), size, 1000)
		if err != nil || string(got) != "abcdefghij" {
			t.Errorf("stat size %d: got %q, %v", size, got, err)
		}
	}
	if got, _ := readSized(strings.NewReader("abcdefghij"), 2, 5); len(got) != 6 {
		t.Errorf("a file that grew past the limit: got %d bytes, want limit+1 = 6", len(got))
	}
}
