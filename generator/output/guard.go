package output

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
)

// sourceDirs make a folder a source tree: a folder holding one of them is
// a repository (ours or someone else's), never a site we built.
var sourceDirs = []string{"content", "data", "templates", "generator", ".git"}

// RefusedError says why a folder may not be written as output and what to
// do instead. Nothing on disk has been changed when it is returned.
type RefusedError struct {
	Dir    string // the output folder, symlinks resolved
	Reason string // what is wrong with it
	Hint   string // what to do
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("%s: %s; ingenting er endret. %s", e.Dir, e.Reason, e.Hint)
}

const hintNewFolder = "Velg en ny eller tom mappe med -out (standard: public i -root)."

// resolve gives the folder a build of root into out replaces: out is taken
// relative to root unless absolute, and symlinks are followed, so a
// symlinked output folder stays a symlink and its target is replaced.
func resolve(root, out string) (realRoot, dir string, err error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", "", err
	}
	if realRoot, err = filepath.EvalSymlinks(abs); err != nil {
		return "", "", err
	}
	if !filepath.IsAbs(out) {
		out = filepath.Join(realRoot, out)
	}
	dir, err = realPath(filepath.Clean(out))
	return realRoot, dir, err
}

// realPath resolves the symlinks of p's existing part; the missing rest is
// kept as written. A symlink that points nowhere is an error.
func realPath(p string) (string, error) {
	r, err := filepath.EvalSymlinks(p)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return r, err
	}
	if fi, lerr := os.Lstat(p); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
		return "", &RefusedError{p, "er en symbolsk lenke til noe som ikke finnes", "Lag målmappen eller fjern lenken."}
	}
	parent := filepath.Dir(p)
	if parent == p {
		return p, nil
	}
	rp, err := realPath(parent)
	return filepath.Join(rp, filepath.Base(p)), err
}

// checkPlace refuses an output folder by where it is: the root itself, a
// folder that contains the root, or a folder inside the root's sources.
// It looks at names only, so it runs before anything is made.
func checkPlace(root, dir string) error {
	switch {
	case dir == root:
		return &RefusedError{dir, "er rotmappen selv (med content/, data/ og templates/)", hintNewFolder}
	case inside(root, dir):
		return &RefusedError{dir, "inneholder rotmappen " + root, hintNewFolder}
	}
	for _, src := range sourceDirs {
		switch s := filepath.Join(root, src); {
		case dir == s:
			return &RefusedError{dir, "er kildemappen " + src + "/", hintNewFolder}
		case inside(dir, s):
			return &RefusedError{dir, "ligger i kildemappen " + src + "/", hintNewFolder}
		}
	}
	return nil
}

// inside reports whether p lies below folder dir.
func inside(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// checkContents refuses an existing output folder we did not write: a
// file, a mount point, a source tree, or a folder with anything not listed
// in its manifest. A missing or empty folder is fine.
func checkContents(dir string) error {
	fi, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return &RefusedError{dir, "er en fil, ikke en mappe", hintNewFolder}
	}
	if mountPoint(dir) {
		return errMountPoint(dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		for _, src := range sourceDirs {
			if e.Name() == src {
				return &RefusedError{dir, "ser ut som en kildemappe (har " + src + "/)", hintNewFolder}
			}
		}
	}
	if len(entries) == 0 {
		return nil
	}
	return checkManifest(dir)
}

// errMountPoint refuses a mount point: a folder on another file system
// than its parent cannot be swapped in one step (rename fails with EBUSY
// or EXDEV), and writing in place would let readers see half a site.
func errMountPoint(dir string) error {
	return &RefusedError{dir, "er et monteringspunkt og kan ikke byttes ut i ett steg",
		"Skriv til en undermappe, for eksempel -out " + filepath.Join(dir, "nettsted") + ", og la webserveren vise den."}
}

// checkManifest refuses a folder unless every file and folder in it is
// listed in its manifest: we delete the old site whole, so anything else
// in it would be lost.
func checkManifest(dir string) error {
	listed, err := readManifest(dir)
	if errors.Is(err, fs.ErrNotExist) {
		foreign, n := foreignFiles(dir, nil)
		return &RefusedError{dir, fmt.Sprintf("inneholder %d %s som ikke er skrevet av generatoren (mangler %s): %s",
			n, plural(n, "fil eller mappe", "filer eller mapper"), ManifestName, foreign),
			hintNewFolder + " Er mappen et eldre bygg av dette nettstedet, slett den selv først."}
	}
	if err != nil {
		return err
	}
	if foreign, n := foreignFiles(dir, listed); n > 0 {
		return &RefusedError{dir, fmt.Sprintf("inneholder %d %s som ikke står i %s: %s",
			n, plural(n, "fil eller mappe", "filer eller mapper"), ManifestName, foreign),
			"Flytt dem ut av mappen (de ville blitt slettet), eller velg en annen mappe med -out."}
	}
	return nil
}

// foreignFiles lists the paths in dir that listed does not account for:
// the first few in order, comma-separated, and how many there are. A
// foreign folder counts once.
func foreignFiles(dir string, listed map[string]bool) (string, int) {
	parents := parentsOf(listed)
	var (
		mu      sync.Mutex
		foreign []string
	)
	visitTree(dir, func(p string, e fs.DirEntry) bool {
		switch {
		case p == ManifestName || (listed[p] && !e.IsDir()):
			return false
		case e.IsDir() && parents[p]:
			return true
		}
		mu.Lock()
		foreign = append(foreign, p)
		mu.Unlock()
		return false
	})
	sort.Strings(foreign)
	list := strings.Join(foreign[:min(len(foreign), 5)], ", ")
	if len(foreign) > 5 {
		list += ", …"
	}
	return list, len(foreign)
}

// parentsOf is the set of folders that hold the listed files.
func parentsOf(listed map[string]bool) map[string]bool {
	parents := map[string]bool{}
	for p := range listed {
		for d := path.Dir(p); d != "." && !parents[d]; d = path.Dir(d) {
			parents[d] = true
		}
	}
	return parents
}

// visitTree calls visit for every entry below dir with its slash-separated
// path, without following symlinks; visit says whether to go into a folder
// and may be called from several goroutines at once. Folders are read
// several at a time: a site of 10,000 articles has as many folders, and
// every build reads them. The error is the first folder that could not be
// read; the others are visited all the same.
func visitTree(dir string, visit func(rel string, e fs.DirEntry) bool) error {
	var (
		mu    sync.Mutex
		first error
		g     errgroup.Group
	)
	g.SetLimit(8)
	var walk func(rel string)
	walk = func(rel string) {
		entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			mu.Lock()
			first = cmp.Or(first, err)
			mu.Unlock()
		}
		for _, e := range entries {
			p := path.Join(rel, e.Name())
			if visit(p, e) && e.IsDir() {
				if !g.TryGo(func() error { walk(p); return nil }) {
					walk(p)
				}
			}
		}
	}
	walk(".")
	g.Wait()
	return first
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
