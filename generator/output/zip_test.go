package output

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteZip(t *testing.T) {
	dir := t.TempDir()
	files := []File{{"nyheter/index.html", []byte("<p>nyheter</p>")}, {"index.html", []byte("<p>forside</p>")}}
	a, b := filepath.Join(dir, "a.zip"), filepath.Join(dir, "b.zip")
	if err := WriteZip(a, "alis-nord", files); err != nil {
		t.Fatal(err)
	}
	// The same files in another order give the same bytes.
	if err := WriteZip(b, "alis-nord", []File{files[1], files[0]}); err != nil {
		t.Fatal(err)
	}
	ab, _ := os.ReadFile(a)
	bb, _ := os.ReadFile(b)
	if !bytes.Equal(ab, bb) {
		t.Error("two zips of the same files differ")
	}
	zr, err := zip.OpenReader(a)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	want := map[string]string{"alis-nord/index.html": "<p>forside</p>", "alis-nord/nyheter/index.html": "<p>nyheter</p>"}
	if len(zr.File) != len(want) {
		t.Fatalf("%d entries, want %d", len(zr.File), len(want))
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(rc)
		rc.Close()
		if want[f.Name] != string(got) {
			t.Errorf("%s = %q, want %q", f.Name, got, want[f.Name])
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}
