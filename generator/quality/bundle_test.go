package quality

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// TestShippedBundleLinks builds the offline bundle as `make bundle` does
// and checks its links from file://'s point of view.
func TestShippedBundleLinks(t *testing.T) {
	shippedSite(t) // skips where the site cannot be built
	dir := filepath.Join(t.TempDir(), "frakoblet")
	cmd := exec.Command("go", "run", "./generator", "bundle", "-out", dir)
	cmd.Dir = repoRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the bundle: %v\n%s", err, out)
	}
	ps, err := BundleLinks(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	pages, _ := Pages(os.DirFS(dir))
	summary("bundle", fmt.Sprintf("offline bundle: every relative link of %d pages names a file, not a folder", len(pages)), len(ps), 0)
	listProblems(t, ps)
}

// TestBundleLinksFaults plants a folder link, a missing file and a
// root-relative link in a small bundle: each is reported.
func TestBundleLinksFaults(t *testing.T) {
	page := func(body string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(body)} }
	site := fstest.MapFS{
		"index.html":         page(`<a href="nyheter/index.html">ok</a> <a href="nyheter/">folder</a> <a href="borte.html">missing</a> <a href="/nyheter/index.html">root</a> <a href="https://example.org/">out</a> <a href="#top">self</a>`),
		"nyheter/index.html": page(`<a href="../index.html">ok</a> <link href="../style.css">`),
		"style.css":          page(``),
	}
	ps, err := BundleLinks(site)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"names a folder", "no such file", "starts at the root"}
	if len(ps) != len(want) {
		t.Fatalf("want %d problems, got:%s", len(want), listed(ps))
	}
	for _, w := range want {
		if !hasProblem(ps, "bundle", w) {
			t.Errorf("no problem %q; got:%s", w, listed(ps))
		}
	}
}
