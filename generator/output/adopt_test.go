package output

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAdopt: files another program writes into the staged build (a search
// index) are listed in the manifest, so the next build replaces the
// folder instead of refusing it; a symlink is refused; fn's error aborts.
func TestAdopt(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	build := func(extra func(dir string) error) error {
		st, err := Begin(root, dir)
		if err != nil {
			return err
		}
		if err := st.Write(File{"index.html", []byte("side")}); err != nil {
			t.Fatal(err)
		}
		if err := st.Adopt(extra); err != nil {
			st.Abort()
			return err
		}
		return st.Commit()
	}
	index := func(dir string) error {
		if err := os.MkdirAll(filepath.Join(dir, "pagefind", "index"), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, "pagefind", "index", "nb_1.pf_index"), []byte("x"), 0o644)
	}
	if err := build(index); err != nil {
		t.Fatal(err)
	}
	manifest, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(manifest); got != "index.html\npagefind/index/nb_1.pf_index\n" {
		t.Errorf("manifest:\n%s", got)
	}
	if err := build(index); err != nil {
		t.Errorf("the next build refused the folder: %v", err)
	}
	link := func(dir string) error { return os.Symlink("/etc/passwd", filepath.Join(dir, "lenke")) }
	if err := build(link); err == nil || !strings.Contains(err.Error(), "lenke i bygget er ikke en vanlig fil") {
		t.Errorf("symlink: got %v", err)
	}
	failed := errors.New("pagefind feilet")
	if err := build(func(string) error { return failed }); !errors.Is(err, failed) {
		t.Errorf("got %v, want fn's error", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(b) != "side" {
		t.Errorf("the failed builds changed the site: %q", b)
	}
}
