package render

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"alisnord/generator/internal/sitetest"
	"alisnord/generator/output"
	"alisnord/generator/photo/phototest"
	"alisnord/generator/site"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/*.txtar")

var testNow = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// repoTemplates adds the repository's templates/ to m.
func repoTemplates(t testing.TB, m fstest.MapFS) { maps.Copy(m, sitetest.MapFS(t, "templates")) }

// smallTree is the in/ tree of testdata/small.txtar with the
// repository's templates.
func smallTree(t testing.TB) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/small.txtar")
	if err != nil {
		t.Fatal(err)
	}
	m := archiveFS(ar)
	repoTemplates(t, m)
	return m
}

// smallSite is smallTree, loaded.
func smallSite(t testing.TB) (fstest.MapFS, *site.Site) {
	t.Helper()
	m := smallTree(t)
	s, err := site.Load(m, site.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	return m, s
}

// buildArchive renders the in/ tree of an archive with the repo's templates
// and the test chart renderer (sitetest.Charts): the real renderer and
// chart store over a stub ECharts, so the pages hold drawings as they do in
// a build; package chart tests ECharts' own drawings.
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
	return Site(s, Options{Root: m, Charts: sitetest.NewCharts(t)})
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
			assertAssets(t, got)
			sections, err := goldenSections(got, layoutPage(ar))
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				writeGolden(t, file, ar, sections)
				return
			}
			compareGolden(t, ar, sections)
		})
	}
}

// layoutPage is the page an archive keeps whole, as its layout golden: the
// path after "layout: " on a line of the archive's comment; "" for none.
func layoutPage(ar *txtar.Archive) string {
	for line := range strings.Lines(string(ar.Comment)) {
		if p, ok := strings.CutPrefix(strings.TrimSpace(line), "layout: "); ok {
			return p
		}
	}
	return ""
}

// goldenSections is what an archive holds of a build, by section name: the
// layout page whole under out/, every other page's <main> element under
// main/, and the other files under out/ (pictures by size and hash), but
// not the assets, which assertAssets compares with their sources. So a
// change to the layout shows once, and a page's golden holds what that
// page says.
func goldenSections(files []output.File, layout string) ([]txtar.File, error) {
	var out []txtar.File
	if layout != "" && !slices.ContainsFunc(files, func(f output.File) bool { return f.Path == layout }) {
		return nil, fmt.Errorf("the layout page %s is not built", layout)
	}
	for _, f := range files {
		switch {
		case strings.HasPrefix(f.Path, "assets/"):
		case path.Ext(f.Path) == ".html" && f.Path != layout:
			main, err := mainElement(f.Data)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", f.Path, err)
			}
			out = append(out, txtar.File{Name: "main/" + f.Path, Data: main})
		default:
			out = append(out, txtar.File{Name: "out/" + f.Path, Data: goldenData(f)})
		}
	}
	return out, nil
}

// mainElement is the page's <main …>…</main> element and a newline.
func mainElement(page []byte) ([]byte, error) {
	start := bytes.Index(page, []byte("<main"))
	end := bytes.LastIndex(page, []byte("</main>"))
	if start < 0 || end < start || bytes.Count(page, []byte("<main")) != 1 {
		return nil, errors.New("har ikke nøyaktig ett <main>-element")
	}
	return append(bytes.Clone(page[start:end+len("</main>")]), '\n'), nil
}

// assertAssets checks that every file the build writes under assets/ is,
// byte for byte, its source in the repository's templates/assets, and that
// every source is written.
func assertAssets(t *testing.T, files []output.File) {
	t.Helper()
	src := os.DirFS("../../templates/assets")
	written := map[string]bool{}
	for _, f := range files {
		name, ok := strings.CutPrefix(f.Path, "assets/")
		if !ok {
			continue
		}
		written[name] = true
		want, err := fs.ReadFile(src, name)
		if err != nil {
			t.Errorf("%s has no source in templates/assets: %v", f.Path, err)
		} else if !bytes.Equal(f.Data, want) {
			t.Errorf("%s differs from templates/assets/%s:\n%s", f.Path, name, firstDiff(want, f.Data))
		}
	}
	sources := 0
	err := fs.WalkDir(src, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err // the build skips hidden files too
		}
		if sources++; !written[name] {
			t.Errorf("templates/assets/%s is not written to assets/", name)
		}
		return nil
	})
	if err != nil || sources == 0 {
		t.Fatalf("no sources in templates/assets: %v", err)
	}
}

func writeGolden(t *testing.T, file string, ar *txtar.Archive, got []txtar.File) {
	var keep []txtar.File
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "in/") {
			keep = append(keep, f)
		}
	}
	ar.Files = append(keep, got...)
	if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}

func compareGolden(t *testing.T, ar *txtar.Archive, got []txtar.File) {
	want := map[string][]byte{}
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "in/") {
			want[f.Name] = f.Data
		}
	}
	for _, f := range got {
		w, ok := want[f.Name]
		if !ok {
			t.Errorf("unexpected golden section %s (run go test ./generator/render -run TestGolden -update and review the diff)", f.Name)
			continue
		}
		delete(want, f.Name)
		if data := ensureNewline(f.Data); !bytes.Equal(w, data) {
			t.Errorf("%s differs from the golden file:\n%s", f.Name, firstDiff(w, data))
		}
	}
	for name := range want {
		t.Errorf("missing golden section %s", name)
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
