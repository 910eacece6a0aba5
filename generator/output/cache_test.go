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

// TestCachePrune keeps the entries named and anything that is not an
// entry, and deletes the rest.
func TestCachePrune(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "charts")
	c := NewCache(dir)
	old, kept := "00000000000000000000000000000000", "11111111111111111111111111111111"
	c.Put(old, []byte("gammel"))
	c.Put(kept, []byte("i bruk"))
	if err := os.WriteFile(filepath.Join(dir, "LESMEG.txt"), []byte("ikke vår"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.Prune(map[string]bool{kept: true})
	if _, ok := c.Get(old); ok {
		t.Error("an entry the build did not use was kept")
	}
	if _, ok := c.Get(kept); !ok {
		t.Error("an entry in use was deleted")
	}
	if _, err := os.Stat(filepath.Join(dir, "LESMEG.txt")); err != nil {
		t.Errorf("a file that is not an entry was deleted: %v", err)
	}
}
