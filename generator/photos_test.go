package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"alisnord/generator/internal/sitetest"
	"alisnord/generator/photo/phototest"
)

// addBundle writes a news article as a page bundle with a synthetic photo.
func addBundle(t *testing.T, root, body string) {
	t.Helper()
	dir := filepath.Join(root, "content", "nyheter", "ny-lege")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	md := "+++\ntitle = \"Ny lege\"\ndate = 2019-03-01\n+++\n" + body
	if err := os.WriteFile(filepath.Join(dir, "index.md"), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "lege.jpg"), phototest.PhoneJPEG(1300, 900, 6), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCheckReportsPhotoProblems(t *testing.T) {
	js := bundle(t)
	root := sitetest.TempCopy(t)
	addBundle(t, root, "Tekst.\n\n![](lege.jpg)\n\n![Legen](mangler.jpg)\n\n![Legen](https://example.org/lege.jpg)\n")
	code, _, stderr := runCmd("check", "-root", root, "-echarts", js)
	if code != 1 {
		t.Fatalf("check exit %d, want 1:\n%s", code, stderr)
	}
	for _, want := range []string{
		"content/nyheter/ny-lege/index.md:7:1: bildet \"lege.jpg\" mangler alternativ tekst",
		"content/nyheter/ny-lege/index.md:9:1: mangler.jpg: finner ikke bildet",
		"content/nyheter/ny-lege/index.md:11:1: bildet \"https://example.org/lege.jpg\" ligger på et annet nettsted",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// TestPhotoBuildsIdentical builds a site with a photo cold and warm: the
// second build takes the photo and the share card from .cache/photos, and
// the output is the same, byte for byte.
func TestPhotoBuildsIdentical(t *testing.T) {
	js := bundle(t)
	root := sitetest.TempCopy(t)
	addBundle(t, root, "Tekst.\n\n![Legen ved døra](lege.jpg \"Ny lege. Foto: Syntetisk\")\n")
	var hashes []string
	for _, out := range []string{"a", "b"} {
		code, stdout, stderr := runCmd("build", "-root", root, "-out", filepath.Join(root, out), "-echarts", js)
		if code != 0 {
			t.Fatalf("build exit %d:\n%s", code, stderr)
		}
		if !strings.Contains(stdout, "content/nyheter/ny-lege/index.md:1: advarsel: summary mangler") {
			t.Errorf("build did not warn about the missing summary:\n%s", stdout)
		}
		h, _ := treeHash(t, filepath.Join(root, out))
		hashes = append(hashes, h)
	}
	if hashes[0] != hashes[1] {
		t.Error("a build from the photo cache differs from the first build")
	}
	cached, _ := os.ReadDir(filepath.Join(root, ".cache", "photos"))
	if len(cached) != 2 {
		t.Errorf(".cache/photos holds %d entries, want 2 (the photo and the share card)", len(cached))
	}
}
