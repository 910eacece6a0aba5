package output

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestStagingConcurrent writes files into shared and nested folders from
// many goroutines, and asks for a flush twice meanwhile; every folder is
// made once and every file lands.
func TestStagingConcurrent(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	st, err := Begin(filepath.Dir(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	paths := make([]string, 200)
	for i := range paths {
		paths[i] = fmt.Sprintf("a/%d/b/%d.html", i%7, i)
	}
	if err := st.Prepare(paths[:100]); err != nil { // the rest come unannounced
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 200)
	for i := range errs {
		wg.Go(func() {
			errs[i] = st.Write(File{paths[i], []byte("x")})
		})
		if i%100 == 50 {
			wg.Go(st.Flush) // the second call does nothing
		}
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	if st.Files() != 200 {
		t.Errorf("Files() = %d, want 200", st.Files())
	}
	if got := len(list(t, dir)); got != 200 {
		t.Errorf("got %d files, want 200", got)
	}
}

// TestStagingAbort leaves the old build and no temporary folder behind.
func TestStagingAbort(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := Write(filepath.Dir(dir), dir, []File{{"index.html", []byte("keep")}}); err != nil {
		t.Fatal(err)
	}
	st, err := Begin(filepath.Dir(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Write(File{"index.html", []byte("new")}); err != nil {
		t.Fatal(err)
	}
	if err := st.Write(File{"../out.html", []byte("x")}); err == nil {
		t.Error("an unsafe path was written")
	}
	if err := st.Prepare([]string{"ok/index.html", "/abs/index.html"}); err == nil {
		t.Error("Prepare accepted an unsafe path")
	}
	st.Flush() // and then the build fails after all
	st.Abort()
	if got := list(t, dir); len(got) != 1 || got[0] != "index.html=keep" {
		t.Errorf("abort changed the tree: %v", got)
	}
	if siblings, _ := os.ReadDir(filepath.Dir(dir)); len(siblings) != 1 {
		t.Errorf("temporary folders left behind: %v", siblings)
	}
}

// TestFresh: a build into a missing or empty folder starts from nothing;
// one after a build (its live site and the spare it left), one over a live
// site whose spare is gone, and one that adopts a spare where the live site
// is gone do not.
func TestFresh(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	spare := filepath.Join(root, ".public.spare")
	begin := func() *Staging {
		t.Helper()
		st, err := Begin(root, dir)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	build := func(st *Staging) {
		t.Helper()
		if err := st.Write(File{"a/index.html", []byte("x")}); err != nil {
			t.Fatal(err)
		}
		if err := st.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	fresh := func(want bool, what string) {
		t.Helper()
		st := begin()
		if st.Fresh() != want {
			t.Errorf("%s: Fresh() = %v, want %v", what, st.Fresh(), want)
		}
		build(st)
	}
	fresh(true, "a build into a missing folder")
	build(begin())
	if _, err := os.Stat(spare); err != nil {
		t.Fatalf("no spare after two builds: %v", err)
	}
	fresh(false, "a build after a build")
	if err := os.RemoveAll(spare); err != nil {
		t.Fatal(err)
	}
	fresh(false, "a build over a live site without a spare")
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(spare); err != nil {
		t.Fatalf("no spare: %v", err)
	}
	fresh(false, "a build that adopts a spare, no live site")
	for _, p := range []string{dir, spare} {
		if err := os.RemoveAll(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	fresh(true, "a build into an empty folder")
}
