package output

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRebuildLinksUnchanged rebuilds a site with one page changed, one
// page edited by hand in the live site and one replaced there by a
// symlink: only the untouched page is the live site's file (a hard link),
// the others are files of their own, and every page has the new bytes.
func TestRebuildLinksUnchanged(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	first := []File{{"same.html", []byte("same")}, {"changed.html", []byte("v1")},
		{"edited.html", []byte("ours")}, {"a/symlink.html", []byte("ours")}}
	if err := Write(root, "public", first); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "edited.html"), "hand")
	writeFile(t, filepath.Join(root, "elsewhere.html"), "ours")
	os.Remove(filepath.Join(dir, "a/symlink.html"))
	if err := os.Symlink(filepath.Join(root, "elsewhere.html"), filepath.Join(dir, "a/symlink.html")); err != nil {
		t.Fatal(err)
	}
	before := map[string]os.FileInfo{}
	for _, f := range first {
		fi, err := os.Lstat(filepath.Join(dir, f.Path))
		if err != nil {
			t.Fatal(err)
		}
		before[f.Path] = fi
	}
	second := []File{{"same.html", []byte("same")}, {"changed.html", []byte("v2")},
		{"edited.html", []byte("ours")}, {"a/symlink.html", []byte("ours")}}
	if err := Write(root, "public", second); err != nil {
		t.Fatal(err)
	}
	for _, f := range second {
		p := filepath.Join(dir, f.Path)
		fi, err := os.Lstat(p)
		if err != nil || !fi.Mode().IsRegular() {
			t.Fatalf("%s: %v, %v", f.Path, fi, err)
		}
		if b, _ := os.ReadFile(p); string(b) != string(f.Data) {
			t.Errorf("%s = %q, want %q", f.Path, b, f.Data)
		}
		if linked := os.SameFile(before[f.Path], fi); linked != (f.Path == "same.html") {
			t.Errorf("%s: linked = %v", f.Path, linked)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(root, "elsewhere.html")); string(b) != "ours" {
		t.Errorf("the symlink's target was changed: %q", b)
	}
}

// TestLinkedFileNeverWrittenInPlace writes a page twice into a build: the
// first write links the live site's file, the second must not change it,
// neither while the build runs nor after it is aborted.
func TestLinkedFileNeverWrittenInPlace(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	if err := Write(root, "public", []File{{"index.html", []byte("live")}}); err != nil {
		t.Fatal(err)
	}
	st, err := Begin(root, "public")
	if err != nil {
		t.Fatal(err)
	}
	for _, data := range []string{"live", "new"} {
		if err := st.Write(File{"index.html", []byte(data)}); err != nil {
			t.Fatal(err)
		}
		if got := list(t, dir); len(got) != 1 || got[0] != "index.html=live" {
			t.Fatalf("after writing %q the live site is %v", data, got)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(st.tmp, "index.html")); string(b) != "new" {
		t.Errorf("the build holds %q, want the second write", b)
	}
	st.Abort()
	if got := list(t, dir); len(got) != 1 || got[0] != "index.html=live" {
		t.Fatalf("after the abort the live site is %v", got)
	}
}
