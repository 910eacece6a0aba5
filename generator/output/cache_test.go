package output

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCache(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "charts")
	c := NewCache(dir)
	key := "0123456789abcdef0123456789abcdef"
	if _, ok := c.Get(key); ok {
		t.Fatal("an empty cache had an entry")
	}
	c.Put(key, []byte("<svg/>"))
	if b, ok := c.Get(key); !ok || string(b) != "<svg/>" {
		t.Fatalf("Get after Put = %q, %v", b, ok)
	}
	// Keys that are not hex hashes never reach the disk.
	for _, bad := range []string{"../x", "", "ABCDEF0123456789", "0123456789abcdef/.."} {
		c.Put(bad, []byte("x"))
		if _, ok := c.Get(bad); ok {
			t.Errorf("key %q was stored", bad)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the cache folder, want 1 (no temp files left)", len(entries))
	}
}
