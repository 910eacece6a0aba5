package output

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// tree gives every folder ("a/") and file ("a/b.html=bytes") below dir,
// the manifest included, sorted: two trees are equal when a web server
// would serve the same from both and the next build would accept both.
func tree(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			out = append(out, rel+"/")
		case d.Type().IsRegular():
			b, _ := os.ReadFile(p)
			out = append(out, rel+"="+string(b))
		default:
			out = append(out, rel+" ("+d.Type().String()+")")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// wantFresh fails unless the output folder dir holds what a build of
// files into a new folder holds.
func wantFresh(t *testing.T, dir string, files []File) {
	t.Helper()
	fresh := filepath.Join(t.TempDir(), "public")
	if err := Write(filepath.Dir(fresh), fresh, files); err != nil {
		t.Fatal(err)
	}
	if got, want := tree(t, dir), tree(t, fresh); !slices.Equal(got, want) {
		t.Fatalf("the rebuild differs from a fresh build:\n got %q\nwant %q", got, want)
	}
}

// spareSites are builds that add, change and remove files and folders: a
// page changed at the same size, a folder emptied (a/b/), one removed
// (borte/), a file that becomes a folder (f) and a folder that becomes a
// file (g), and back.
var spareSites = [][]File{
	{{"index.html", []byte("forside 1")}, {"same.html", []byte("same")}, {"a/x.html", []byte("x")},
		{"a/b/y.html", []byte("y")}, {"borte/z.html", []byte("z")}, {"f", []byte("f is a file")},
		{"g/h.html", []byte("g is a folder")}},
	{{"index.html", []byte("forside 2")}, {"same.html", []byte("same")}, {"a/x.html", []byte("x")},
		{"f/i.html", []byte("f is a folder")}, {"g", []byte("g is a file")}, {"ny/dyp/k.html", []byte("k")}},
	{{"index.html", []byte("forside 3")}, {"same.html", []byte("same")}, {"a/b/y.html", []byte("y")},
		{"f", []byte("f is a file")}, {"g/h.html", []byte("g is a folder")}, {"borte/z.html", []byte("z")}},
}

// TestRebuildInSpare builds the spareSites in turn, twice over, each build
// after the second in the spare the one before it left (the site of two
// builds ago): the output is always what a fresh build makes (files,
// bytes, folders, manifest), and the spare was used (a folder kept its
// identity).
func TestRebuildInSpare(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	for n := range 6 {
		files := spareSites[n%3]
		spareA, spared := os.Lstat(filepath.Join(spareName(dir), "a"))
		if err := Write(root, "public", files); err != nil {
			t.Fatal(err)
		}
		wantFresh(t, dir, files)
		if n < 2 {
			continue
		}
		if a, err := os.Lstat(filepath.Join(dir, "a")); spared != nil || err != nil || !os.SameFile(spareA, a) {
			t.Errorf("build %d: a/ is not the spare's folder (%v, %v)", n, spared, err)
		}
		if _, err := readSpare(spareName(dir)); err != nil {
			t.Errorf("build %d left a spare the next may not adopt: %v", n, err)
		}
	}
}

// TestSpareHandledSafely tampers with the spare between two builds: the
// build still makes exactly a fresh build's site, and nothing outside the
// spare is changed or deleted. The rule for the spare: it is the
// generator's own, like its staging folders; one holding anything its
// manifest does not list is removed whole and the build starts afresh.
func TestSpareHandledSafely(t *testing.T) {
	for _, tc := range []struct {
		name   string
		tamper func(t *testing.T, spare, outside string)
	}{
		{"foreign file", func(t *testing.T, spare, _ string) {
			writeFile(t, filepath.Join(spare, "a", "fremmed.txt"), "not ours")
		}},
		{"empty foreign folder", func(t *testing.T, spare, _ string) {
			mkdir(t, filepath.Join(spare, "tom"))
		}},
		{"symlinked file", func(t *testing.T, spare, outside string) {
			symlink(t, filepath.Join(outside, "x.html"), filepath.Join(spare, "a", "x.html"))
		}},
		{"symlinked folder", func(t *testing.T, spare, outside string) {
			symlink(t, outside, filepath.Join(spare, "a"))
		}},
		{"edited file of the same size", func(t *testing.T, spare, _ string) {
			writeFile(t, filepath.Join(spare, "index.html"), "forside 9")
			writeFile(t, filepath.Join(spare, "same.html"), "SAME")
		}},
		{"no manifest", func(t *testing.T, spare, _ string) {
			if err := os.Remove(filepath.Join(spare, ManifestName)); err != nil {
				t.Fatal(err)
			}
		}},
		{"a file instead of the spare", func(t *testing.T, spare, _ string) {
			if err := os.RemoveAll(spare); err != nil {
				t.Fatal(err)
			}
			writeFile(t, spare, "not a folder")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "public")
			outside := filepath.Join(root, "utenfor")
			writeFile(t, filepath.Join(outside, "x.html"), "x") // the bytes of the next build's a/x.html
			for range 2 {
				if err := Write(root, "public", spareSites[0]); err != nil {
					t.Fatal(err)
				}
			}
			tc.tamper(t, spareName(dir), outside)
			if err := Write(root, "public", spareSites[1]); err != nil {
				t.Fatal(err)
			}
			wantFresh(t, dir, spareSites[1])
			if got := tree(t, outside); len(got) != 1 || got[0] != "x.html=x" {
				t.Errorf("outside the spare: %v", got)
			}
			if s := siblings(t, dir); len(s) != 1 || s[0] != "utenfor" {
				t.Errorf("beside the output: %v", s)
			}
		})
	}
}

// TestForeignFileInLiveSite: a file put into the live site refuses the
// next build, and neither it nor the spare is touched.
func TestForeignFileInLiveSite(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	for range 2 {
		if err := Write(root, "public", spareSites[0]); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(dir, "a", "fremmed.txt"), "not ours")
	spare := tree(t, spareName(dir))
	var refused *RefusedError
	if err := Write(root, "public", spareSites[1]); !errors.As(err, &refused) {
		t.Fatalf("Write = %v, want refused", err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "a", "fremmed.txt")); string(b) != "not ours" {
		t.Errorf("the foreign file: %q, %v", b, err)
	}
	if got := tree(t, spareName(dir)); !slices.Equal(got, spare) {
		t.Errorf("the spare changed: %v", got)
	}
}

// TestAbortAfterAdopting: a build that adopted the spare and fails leaves
// the live site as it was, removes the spare it was writing into, and the
// next build makes the site afresh.
func TestAbortAfterAdopting(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	st := beginAfter(t, root, siteVersion(1), siteVersion(1))
	if st.spare == nil {
		t.Fatal("Begin did not adopt the spare")
	}
	for _, f := range siteVersion(2)[:5] {
		if err := st.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	st.Abort()
	wantVersion(t, dir, 1)
	if s, err := os.ReadDir(root); err != nil || len(s) != 1 {
		t.Errorf("beside the output: %v, %v", s, err)
	}
	if err := Write(root, "public", siteVersion(2)); err != nil {
		t.Fatal(err)
	}
	wantFresh(t, dir, siteVersion(2))
}

// TestAdoptSeesNoStaleFiles: what an outside program adds (Adopt) finds
// no file of the spare the build did not write, such as last build's
// search index, and is listed in the manifest.
func TestAdoptSeesNoStaleFiles(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	site := []File{{"index.html", []byte("forside")}}
	withIndex := append(slices.Clone(site), File{"pagefind/gammel.js", []byte("old index")})
	st := beginAfter(t, root, withIndex, withIndex)
	if err := st.WriteAll(site); err != nil {
		t.Fatal(err)
	}
	err := st.Adopt(func(staged string) error {
		if got := tree(t, staged); !slices.Equal(got, []string{"index.html=forside"}) {
			t.Errorf("Adopt's program found %q", got)
		}
		writeFile(t, filepath.Join(staged, "pagefind", "ny.js"), "new index")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	wantFresh(t, dir, append(slices.Clone(site), File{"pagefind/ny.js", []byte("new index")}))
}

// TestPrepareFailureFailsCommit: a folder Prepare could not make in the
// background (a file of the build is in its place) fails the build.
func TestPrepareFailureFailsCommit(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	st := beginAfter(t, root, siteVersion(1))
	if err := st.Write(File{"f", []byte("a file")}); err != nil {
		t.Fatal(err)
	}
	if err := st.Prepare([]string{"f/g/index.html"}); err != nil {
		t.Fatal(err)
	}
	if err := st.Commit(); err == nil || !strings.Contains(err.Error(), "mkdir") {
		t.Errorf("Commit = %v, want the folder's error", err)
	}
	wantVersion(t, dir, 1)
}

// beginAfter writes each of builds into root/public in turn, then begins
// the next build there.
func beginAfter(t *testing.T, root string, builds ...[]File) *Staging {
	t.Helper()
	for _, files := range builds {
		if err := Write(root, "public", files); err != nil {
			t.Fatal(err)
		}
	}
	st, err := Begin(root, "public")
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.RemoveAll(link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// TestPrevious checks what a build may read of the last build's files:
// the live site's files its manifest lists, whether the build is made in
// a new folder or in the spare (which holds the build before), and
// nothing else.
func TestPrevious(t *testing.T) {
	root := t.TempDir()
	v1 := []File{{"index.html", []byte("forside 1")}, {"a/x.html", []byte("x 1")}}
	v2 := []File{{"index.html", []byte("forside 2")}, {"a/x.html", []byte("x 2")}}
	want := func(st *Staging, p, data string) {
		t.Helper()
		got, ok := st.Previous(p)
		if ok != (data != "") || string(got) != data {
			t.Errorf("Previous(%q) = %q, %v; want %q", p, got, ok, data)
		}
	}
	st := beginAfter(t, root, v1)
	want(st, "index.html", "forside 1") // the live site: no spare yet
	want(st, "a/x.html", "x 1")
	want(st, "a/y.html", "")
	want(st, "../public/index.html", "")
	want(st, ManifestName, "")
	st.Abort()

	st = beginAfter(t, root, v2) // the spare holds v1, the live site v2
	want(st, "index.html", "forside 2")
	if err := st.Write(File{"index.html", []byte("forside 3")}); err != nil {
		t.Fatal(err)
	}
	want(st, "index.html", "forside 2")
	want(st, "a/x.html", "x 2")
	want(st, "a/y.html", "")
	st.Abort()
}
