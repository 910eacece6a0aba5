package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"alisnord/generator/internal/sitetest"
)

// TestRefusedOutputFolders asks build and bundle for output folders they
// must not replace: each exits 1 with a message saying what to do, and
// the whole temp tree around the root keeps every byte, mode and name.
func TestRefusedOutputFolders(t *testing.T) {
	js := bundle(t)
	root := sitetest.TempCopy(t)
	writeTestFile(t, filepath.Join(root, ".git", "HEAD"), "ref: refs/heads/main\n")
	base := filepath.Dir(root) // holds the root and every other temp folder of this test
	other := t.TempDir()
	docs := filepath.Join(other, "Dokumenter")
	writeTestFile(t, filepath.Join(docs, "brev.txt"), "kjære deg")
	note := filepath.Join(other, "notat.txt")
	writeTestFile(t, note, "x")
	t.Chdir(other) // a relative -out resolved from here would miss the root (and spare the repository)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"folder with other files", []string{"build", "-out", docs}, "brev.txt"},
		{"bundle into it", []string{"bundle", "-out", docs}, "brev.txt"},
		{"a file", []string{"build", "-out", note}, "er en fil"},
		{"the root, relative", []string{"build", "-out", "."}, "er rotmappen"},
		{"the root, absolute", []string{"build", "-out", root}, "er rotmappen"},
		{"content/", []string{"build", "-out", "content"}, "er kildemappen content/"},
		{"a folder containing the root", []string{"build", "-out", base}, "inneholder rotmappen"},
		{"bundle -zip over a source file", []string{"bundle", "-zip", "data/areas.toml"}, "er ikke en zip-fil"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := treeHash(t, base)
			code, _, stderr := runCmd(append(tc.args, "-root", root, "-echarts", js)...)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "ingenting er endret") {
				t.Errorf("stderr lacks %q:\n%s", tc.want, stderr)
			}
			if after, _ := treeHash(t, base); after != before {
				t.Error("a refused build changed the tree")
			}
		})
	}
}

// TestDefaultOutFromOtherFolder runs build with the default -out public
// from a folder that has its own public/: the site goes to <root>/public
// and the folder it ran from is untouched.
func TestDefaultOutFromOtherFolder(t *testing.T) {
	js := bundle(t)
	root := sitetest.TempCopy(t)
	cwd := t.TempDir()
	writeTestFile(t, filepath.Join(cwd, "public", "mitt.html"), "<p>mitt</p>")
	before, _ := treeHash(t, cwd)
	t.Chdir(cwd)
	if code, _, stderr := runCmd("build", "-root", root, "-echarts", js); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if after, _ := treeHash(t, cwd); after != before {
		t.Error("build wrote into public/ of the folder it ran from")
	}
	if _, err := os.Stat(filepath.Join(root, "public", "index.html")); err != nil {
		t.Errorf("no site in <root>/public: %v", err)
	}
}

// TestRebuildWhileReading rebuilds the real site twice while a reader
// polls index.html: it is never missing and always whole.
func TestRebuildWhileReading(t *testing.T) {
	js := bundle(t)
	root := sitetest.TempCopy(t)
	index := filepath.Join(root, "public", "index.html")
	if code, _, stderr := runCmd("build", "-root", root, "-echarts", js); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	reads, bad, first := 0, 0, ""
	wg.Go(func() {
		for {
			select {
			case <-done:
				return
			default:
			}
			time.Sleep(100 * time.Microsecond) // leave the build its cores
			b, err := os.ReadFile(index)
			if err == nil && !strings.HasSuffix(string(b), "</html>\n") {
				err = fmt.Errorf("index.html cut off after %d bytes", len(b))
			}
			if reads++; err != nil {
				if bad++; first == "" {
					first = err.Error()
				}
			}
		}
	})
	for range 2 {
		if code, _, stderr := runCmd("build", "-root", root, "-echarts", js); code != 0 {
			t.Errorf("exit %d\n%s", code, stderr)
		}
	}
	close(done)
	wg.Wait()
	if bad > 0 {
		t.Errorf("%d of %d reads of index.html failed, first: %s", bad, reads, first)
	}
}

func writeTestFile(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBundleTwice bundles twice into one folder: the zip inside it is part
// of the build and its manifest, so the second bundle may replace it.
func TestBundleTwice(t *testing.T) {
	js := bundle(t)
	root := sitetest.TempCopy(t)
	for range 2 {
		if code, _, stderr := runCmd("bundle", "-root", root, "-echarts", js); code != 0 {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
	}
	m, err := os.ReadFile(filepath.Join(root, "public", ".alisnord-manifest"))
	if err != nil || !strings.Contains(string(m), "\nalis-nord-frakoblet.zip\n") {
		t.Errorf("the manifest does not list the zip (%v)", err)
	}
}
