package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// siteVersion is build n of a small synthetic site (test data, no real
// figures): every line of index.html names n, build.txt holds n, and
// twenty pages in folders go around them.
func siteVersion(n int) []File {
	line := fmt.Sprintf("bygg %d\n", n)
	files := []File{{"index.html", []byte(strings.Repeat(line, 2000))}, {"build.txt", []byte(strconv.Itoa(n))}}
	for i := range 20 {
		files = append(files, File{fmt.Sprintf("nyheter/%d/index.html", i), []byte(line)})
	}
	return files
}

// readVersion reads dir/index.html and returns the build it names; an
// index.html that is not one build's whole file is an error.
func readVersion(dir string) (int, error) {
	b, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		return 0, err
	}
	first, _, _ := strings.Cut(string(b), "\n")
	n, err := strconv.Atoi(strings.TrimPrefix(first, "bygg "))
	if err != nil || string(b) != strings.Repeat(first+"\n", 2000) {
		return 0, fmt.Errorf("index.html is not a whole build (%d bytes, first line %q)", len(b), first)
	}
	return n, nil
}

// wantVersion fails unless dir holds exactly build n (and its manifest).
func wantVersion(t *testing.T, dir string, n int) {
	t.Helper()
	got := list(t, dir)
	want := list(t, writeTemp(t, siteVersion(n)))
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("%s does not hold build %d whole: %d files, want %d", dir, n, len(got), len(want))
	}
	if _, err := readManifest(dir); err != nil {
		t.Fatalf("%s has no manifest: %v", dir, err)
	}
}

// writeTemp writes files into a fresh temp folder, for comparison.
func writeTemp(t *testing.T, files []File) string {
	dir := t.TempDir()
	for _, f := range files {
		writeFile(t, filepath.Join(dir, f.Path), string(f.Data))
	}
	return dir
}

// siblings lists the names beside the output folder dir, itself and its
// spare (the last build's old site, kept on purpose) excluded.
func siblings(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != filepath.Base(dir) && e.Name() != filepath.Base(spareName(dir)) {
			names = append(names, e.Name())
		}
	}
	return names
}

// TestSwapNeverHidesSite rebuilds a site 200 times while a reader polls
// it: index.html is never missing, always one build's whole file, builds
// never go backwards, and build.txt read between two reads of the same
// build names that build.
func TestSwapNeverHidesSite(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("only Linux exchanges two folders in one step")
	}
	root := memDir(t)
	dir := filepath.Join(root, "public")
	if err := Write(root, "public", siteVersion(0)); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var problems []string
	reads, faults := 0, 0
	var wg sync.WaitGroup
	wg.Go(func() {
		last := 0
		for {
			select {
			case <-done:
				return
			default:
			}
			n, err := readVersion(dir)
			bt, berr := os.ReadFile(filepath.Join(dir, "build.txt"))
			n2, err2 := readVersion(dir)
			switch {
			case errors.Join(err, berr, err2) != nil:
				err = errors.Join(err, berr, err2)
			case n < last:
				err = fmt.Errorf("build %d after build %d", n, last)
			case n == n2 && string(bt) != strconv.Itoa(n):
				err = fmt.Errorf("build.txt = %s inside build %d", bt, n)
			}
			reads++
			if err != nil {
				if faults++; len(problems) < 5 {
					problems = append(problems, err.Error())
				}
				continue
			}
			last = n2
		}
	})
	for i := 1; i <= 200; i++ {
		if err := Write(root, "public", siteVersion(i)); err != nil {
			t.Fatal(err)
		}
	}
	close(done)
	wg.Wait()
	if faults > 0 {
		t.Errorf("%d of %d reads went wrong, first: %s", faults, reads, strings.Join(problems, "; "))
	}
	t.Logf("%d reads during 200 builds", reads)
	wantVersion(t, dir, 200)
	if s := siblings(t, dir); len(s) > 0 {
		t.Errorf("left beside the output: %v", s)
	}
}

// memDir is a temp folder in memory (/dev/shm) where there is one, else on
// disk. The swap is the same rename on any file system, but each build's
// syncfs waits for every dirty page of its file system: on a disk shared
// with other jobs 200 builds take 20–45 s, in memory a few.
func memDir(t *testing.T) string {
	dir, err := os.MkdirTemp("/dev/shm", "alisnord-output-")
	if err != nil {
		return t.TempDir()
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// TestSymlinkedOutput builds twice through a symlink: the target gets the
// site and the symlink stays a symlink to it.
func TestSymlinkedOutput(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "ekte"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("ekte", filepath.Join(root, "public")); err != nil {
		t.Fatal(err)
	}
	for n := 1; n <= 2; n++ {
		if err := Write(root, "public", siteVersion(n)); err != nil {
			t.Fatal(err)
		}
	}
	if target, err := os.Readlink(filepath.Join(root, "public")); err != nil || target != "ekte" {
		t.Fatalf("public is no longer the symlink to ekte: %q, %v", target, err)
	}
	wantVersion(t, filepath.Join(root, "ekte"), 2)
	if s := siblings(t, filepath.Join(root, "ekte")); len(s) != 1 {
		t.Errorf("beside the target: %v, want only the symlink", s)
	}
}

// TestOldTreeNotDeleted: when the old site can be neither kept as the
// spare nor deleted after the swap, the new one is published, Commit
// succeeds with a warning, and the next build removes the old tree.
func TestOldTreeNotDeleted(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	st := beginAfter(t, root, siteVersion(1))
	if err := st.WriteAll(siteVersion(2)); err != nil {
		t.Fatal(err)
	}
	st.rename = func(string, string) error { return errors.New("planted: rename refused") }
	st.remove = func(string) error { return errors.New("planted: permission denied") }
	if err := st.Commit(); err != nil {
		t.Fatalf("Commit = %v, want success with a warning", err)
	}
	if w := st.Warning(); w == nil || !strings.Contains(w.Error(), "planted") {
		t.Errorf("Warning() = %v", w)
	}
	wantVersion(t, dir, 2)
	if s := siblings(t, dir); len(s) != 1 {
		t.Fatalf("beside the output: %v, want the old tree", s)
	}
	if err := Write(root, "public", siteVersion(3)); err != nil {
		t.Fatal(err)
	}
	if s := siblings(t, dir); len(s) != 0 {
		t.Errorf("the next build left %v", s)
	}
}

// TestConcurrentBuildRefused: a second build into the same place while
// one is running is refused, so neither removes the other's folder.
func TestConcurrentBuildRefused(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("builds take a lock only on Linux")
	}
	root := t.TempDir()
	st, err := Begin(root, "public")
	if err != nil {
		t.Fatal(err)
	}
	var refused *RefusedError
	if _, err := Begin(root, "public"); !errors.As(err, &refused) || !strings.Contains(err.Error(), "et annet bygg") {
		t.Errorf("second Begin = %v, want refused", err)
	}
	if err := st.WriteAll(siteVersion(1)); err != nil {
		t.Fatal(err)
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := Write(root, "public", siteVersion(2)); err != nil {
		t.Fatalf("a build after the first finished: %v", err)
	}
}
