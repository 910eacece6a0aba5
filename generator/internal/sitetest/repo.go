package sitetest

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"testing/fstest"
)

// sources are the folders a site is built from: data/, content/, templates/.
var sources = []string{"data", "content", "templates"}

var (
	rootOnce sync.Once
	root     string
	rootErr  error
)

// Root is the repository's folder: the nearest folder above the test's
// working directory that holds go.mod.
func Root(t testing.TB) string {
	t.Helper()
	rootOnce.Do(func() {
		dir, err := os.Getwd()
		for err == nil {
			if _, err = os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				root = dir
				return
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				err = fs.ErrNotExist
				break
			}
			dir, err = parent, nil
		}
		rootErr = err
	})
	if rootErr != nil {
		t.Fatalf("sitetest: no go.mod above the working directory: %v", rootErr)
	}
	return root
}

// MapFS returns the repository's folders dirs (data, content and
// templates when none are named) in a MapFS, which the test may change.
func MapFS(t testing.TB, dirs ...string) fstest.MapFS {
	t.Helper()
	if len(dirs) == 0 {
		dirs = sources
	}
	repo := os.DirFS(Root(t))
	m := fstest.MapFS{}
	for _, dir := range dirs {
		err := fs.WalkDir(repo, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(repo, p)
			m[p] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return m
}

// Copy copies the repository's folders dirs (data, content and templates
// when none are named) into dst, which the test may then change.
func Copy(t testing.TB, dst string, dirs ...string) {
	t.Helper()
	if len(dirs) == 0 {
		dirs = sources
	}
	for _, dir := range dirs {
		if err := os.CopyFS(filepath.Join(dst, dir), os.DirFS(filepath.Join(Root(t), dir))); err != nil {
			t.Fatal(err)
		}
	}
}

// TempCopy copies the repository's folders dirs (data, content and
// templates when none are named) into a new temporary folder and returns it.
func TempCopy(t testing.TB, dirs ...string) string {
	t.Helper()
	dst := t.TempDir()
	Copy(t, dst, dirs...)
	return dst
}
