package render

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"alisnord/generator/output"
	"alisnord/generator/photo/phototest"
	"alisnord/generator/site"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/*.txtar")

var testNow = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// repoTemplates adds the repository's templates/ to m.
func repoTemplates(t testing.TB, m fstest.MapFS) { repoDirs(t, m, "templates") }

// repoDirs adds the repository's folders dirs to m.
func repoDirs(t testing.TB, m fstest.MapFS, dirs ...string) {
	t.Helper()
	root := os.DirFS("../..")
	for _, dir := range dirs {
		err := fs.WalkDir(root, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(root, p)
			m[p] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// buildArchive renders the in/ tree of an archive with the repo's templates
// and no chart SVGs (package chart has its own tests).
func buildArchive(t testing.TB, ar *txtar.Archive) ([]output.File, error) {
	m := archiveFS(ar)
	repoTemplates(t, m)
	return renderFS(t, m)
}

// archiveFS returns the in/ tree of an archive. A file whose text is
// "phototest WxH O" becomes a synthetic W×H phone photo with EXIF
// orientation O and a GPS block (txtar holds text, not pictures).
func archiveFS(ar *txtar.Archive) fstest.MapFS {
	m := fstest.MapFS{}
	for _, f := range ar.Files {
		if name, ok := strings.CutPrefix(f.Name, "in/"); ok {
			m[name] = &fstest.MapFile{Data: f.Data}
			var w, h, o int
			if _, err := fmt.Sscanf(string(f.Data), "phototest %dx%d %d", &w, &h, &o); err == nil {
				m[name].Data = phototest.PhoneJPEG(w, h, o)
			}
		}
	}
	return m
}

func renderFS(t testing.TB, m fstest.MapFS) ([]output.File, error) {
	s, err := site.Load(m, site.Options{Now: testNow})
	if err != nil {
		return nil, err
	}
	return Site(s, Options{Root: m})
}

func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden archives")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got, err := buildArchive(t, ar)
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			if *update {
				writeGolden(t, file, ar, got)
				return
			}
			compareGolden(t, ar, got)
		})
	}
}

func writeGolden(t *testing.T, file string, ar *txtar.Archive, got []output.File) {
	var keep []txtar.File
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "in/") {
			keep = append(keep, f)
		}
	}
	for _, f := range got {
		keep = append(keep, txtar.File{Name: "out/" + f.Path, Data: goldenData(f)})
	}
	ar.Files = keep
	if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}

func compareGolden(t *testing.T, ar *txtar.Archive, got []output.File) {
	want := map[string][]byte{}
	for _, f := range ar.Files {
		if name, ok := strings.CutPrefix(f.Name, "out/"); ok {
			want[name] = f.Data
		}
	}
	for _, f := range got {
		w, ok := want[f.Path]
		if !ok {
			t.Errorf("unexpected output file %s (run go test ./generator/render -update and review the diff)", f.Path)
			continue
		}
		delete(want, f.Path)
		if data := goldenData(f); !bytes.Equal(w, ensureNewline(data)) {
			t.Errorf("%s differs from the golden file:\n%s", f.Path, firstDiff(w, ensureNewline(data)))
		}
	}
	for name := range want {
		t.Errorf("missing output file %s", name)
	}
}

// goldenData is what the golden file holds for f: the file itself, or
// for a picture its size and hash, which txtar cannot hold and a reviewer
// cannot read.
func goldenData(f output.File) []byte {
	switch path.Ext(f.Path) {
	case ".png", ".jpg", ".webp":
		return fmt.Appendf(nil, "bilde: %d byte, sha256 %x\n", len(f.Data), sha256.Sum256(f.Data))
	}
	return f.Data
}

// ensureNewline matches txtar, which ends every file with a newline.
func ensureNewline(b []byte) []byte {
	if len(b) > 0 && b[len(b)-1] != '\n' {
		return append(append([]byte{}, b...), '\n')
	}
	return b
}

func firstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return "(only the trailing newline differs)"
}
