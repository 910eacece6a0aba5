package treehash

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSumSeesEveryChange changes a tree in each way Sum must notice.
func TestSumSeesEveryChange(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	base, n, err := Sum(dir)
	if err != nil || n != 1 {
		t.Fatalf("Sum = %v files, %v", n, err)
	}
	for _, change := range []struct {
		name string
		do   func() error
		undo func() error
	}{
		{"bytes", func() error { return os.WriteFile(f, []byte("y"), 0o644) }, func() error { return os.WriteFile(f, []byte("x"), 0o644) }},
		{"mode", func() error { return os.Chmod(f, 0o600) }, func() error { return os.Chmod(f, 0o644) }},
		{"name", func() error { return os.Rename(f, f+"2") }, func() error { return os.Rename(f+"2", f) }},
		{"symlink", func() error { return os.Symlink("a.txt", filepath.Join(dir, "l")) }, func() error { return os.Remove(filepath.Join(dir, "l")) }},
	} {
		if err := change.do(); err != nil {
			t.Fatal(err)
		}
		if got, _, _ := Sum(dir); got == base {
			t.Errorf("a change of %s left the sum as it was", change.name)
		}
		if err := change.undo(); err != nil {
			t.Fatal(err)
		}
		if got, _, _ := Sum(dir); got != base {
			t.Errorf("undoing the change of %s did not give the first sum back", change.name)
		}
	}
}
