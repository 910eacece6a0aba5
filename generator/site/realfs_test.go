package site

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"alisnord/generator/diag"
)

// TestSpecialFiles builds from a real folder holding what a MapFS cannot
// stand for: a FIFO named like an article (reading it would block the build
// for ever), a symbolic link to /dev/zero (reading it would never end), a
// linked folder and a data file that is a link to a device. Each must come
// back as a diagnostic, quickly.
func TestSpecialFiles(t *testing.T) {
	root := t.TempDir()
	if err := os.CopyFS(root, repoFS(t)); err != nil {
		t.Fatal(err)
	}
	elsewhere := t.TempDir()
	must(t, os.WriteFile(filepath.Join(elsewhere, "sak.md"), []byte("+++\ntitle = \"x\"\n+++\n"), 0o644))
	must(t, syscall.Mkfifo(filepath.Join(root, "content/nyheter/ror.md"), 0o644))
	must(t, os.Symlink("/dev/zero", filepath.Join(root, "content/null.md")))
	must(t, os.Symlink(elsewhere, filepath.Join(root, "content/arkiv")))
	must(t, os.Remove(filepath.Join(root, SiteFile)))
	must(t, os.Symlink("/dev/zero", filepath.Join(root, SiteFile)))

	done := make(chan diag.Diagnostics, 1)
	go func() {
		_, ds := LoadAll(os.DirFS(root), Options{Now: now})
		done <- ds
	}()
	var ds diag.Diagnostics
	select {
	case ds = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the load hangs on a special file")
	}
	want := []string{
		"content/arkiv:1:1: er en symbolsk lenke: bygget følger ikke lenker; legg selve filen eller mappen her i stedet",
		"content/null.md:1:1: er en symbolsk lenke: bygget følger ikke lenker; legg selve filen eller mappen her i stedet",
		"content/nyheter/ror.md:1:1: er et navngitt rør (FIFO), ikke en vanlig fil: slett det og legg en vanlig fil her",
		"data/site.toml:1:1: er en enhetsfil, ikke en vanlig fil: slett den og legg en vanlig fil her",
	}
	if got := strings.Join(lines(ds), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("want\n%s\ngot\n%s", strings.Join(want, "\n"), got)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
