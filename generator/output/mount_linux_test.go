package output

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestMountPointRefused mounts a tmpfs as the output folder (only where
// the test may mount, as root on Linux): it is refused, untouched.
func TestMountPointRefused(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=1m"); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, 0) })
	var refused *RefusedError
	if err := Write(root, "public", siteVersion(1)); !errors.As(err, &refused) || !strings.Contains(err.Error(), "monteringspunkt") {
		t.Errorf("Write to a mount point = %v, want refused", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the mount point was written: %v", entries)
	}
	if s := siblings(t, dir); len(s) != 0 {
		t.Errorf("left beside it: %v", s)
	}
}
