package output

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// list gives "path=content" for every file below dir but the manifest.
func list(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != ManifestName {
			rel, _ := filepath.Rel(dir, p)
			b, _ := os.ReadFile(p)
			out = append(out, filepath.ToSlash(rel)+"="+string(b))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func TestWriteReplacesTree(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := Write(filepath.Dir(dir), dir, []File{{"index.html", []byte("1")}, {"old/index.html", []byte("stale")}}); err != nil {
		t.Fatal(err)
	}
	if err := Write(filepath.Dir(dir), dir, []File{{"index.html", []byte("2")}, {"a/b/c.txt", []byte("c")}}); err != nil {
		t.Fatal(err)
	}
	got := list(t, dir)
	want := []string{"a/b/c.txt=c", "index.html=2"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("got %v, want %v", got, want)
	}
	if s := siblings(t, dir); len(s) != 0 {
		t.Errorf("temporary folders left behind: %v", s)
	}
	if got := list(t, spareName(dir)); len(got) != 2 || got[0] != "index.html=1" || got[1] != "old/index.html=stale" {
		t.Errorf("the spare holds %v, want the first build", got)
	}
}

func TestFailedWriteLeavesTree(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := Write(filepath.Dir(dir), dir, []File{{"index.html", []byte("keep")}}); err != nil {
		t.Fatal(err)
	}
	for _, files := range [][]File{
		{{"a", []byte("file")}, {"a/b", []byte("a is a file, not a folder")}},
		{{"../escape.html", []byte("x")}},
		{{"/abs.html", []byte("x")}},
		{{"", []byte("x")}},
		{{ManifestName, []byte("a page may not overwrite the manifest")}},
	} {
		if err := Write(filepath.Dir(dir), dir, files); err == nil {
			t.Errorf("Write(%v) succeeded", files[0].Path)
		}
		if got := list(t, dir); len(got) != 1 || got[0] != "index.html=keep" {
			t.Fatalf("a failed write changed the tree: %v", got)
		}
	}
	siblings, _ := os.ReadDir(filepath.Dir(dir))
	if len(siblings) != 1 {
		t.Errorf("temporary folders left behind: %v", siblings)
	}
}
