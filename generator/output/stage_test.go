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
