package output

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
)

// A rebuild replaces a site of 13,000 files in 10,000 folders that mostly
// stay as they were. Deleting the old tree after the swap and making every
// folder again costs as much as the rest of the build, so the old site is
// kept beside the output folder as a spare (spareName) and the next build
// is made in it: Begin renames it to the staging name, Write leaves a file
// whose bytes are already there alone and replaces any other, and prune
// removes what the build did not write before the search index is made and
// the site is sealed. The disk holds two copies of the site.
//
// The spare is ours the way the staging folders are: a dot-named sibling
// of the output folder that only builds touch, under their lock. Begin
// adopts it only when it holds its manifest, regular files the manifest
// lists and the folders above them, nothing else (no symlinks, no foreign
// files or folders); otherwise it is removed whole, like a killed build's
// staging folder. A spare's file may be a hard link shared with the live
// site (see reuse.go), so it is never written in place: a changed file is
// unlinked and written anew, and every file is compared byte for byte,
// since someone may have edited one by hand.

// spareName is where the site that dir held before the last swap is kept.
func spareName(dir string) string {
	parent, base := filepath.Split(dir)
	return filepath.Join(parent, "."+base+".spare")
}

// spareTree is what a spare holds: its files (manifest excluded) and
// folders, slash-separated.
type spareTree struct {
	files, dirs map[string]bool
}

// readSpare reads the spare at dir and checks that a build may adopt it:
// a real folder holding its manifest, regular files that the manifest
// lists and the folders above them, and nothing else.
func readSpare(dir string) (*spareTree, error) {
	if fi, err := os.Lstat(dir); err != nil || !fi.IsDir() {
		return nil, cmp.Or(err, fmt.Errorf("%s er ikke en mappe", dir))
	}
	listed, err := readManifest(dir)
	if err != nil {
		return nil, err
	}
	parents := parentsOf(listed)
	t := &spareTree{files: map[string]bool{}, dirs: map[string]bool{}}
	var (
		mu      sync.Mutex
		foreign []string
	)
	err = visitTree(dir, func(p string, e fs.DirEntry) bool {
		mu.Lock()
		defer mu.Unlock()
		switch regular := e.Type().IsRegular(); {
		case e.IsDir() && parents[p]:
			t.dirs[p] = true
			return true
		case regular && p == ManifestName:
		case regular && listed[p]:
			t.files[p] = true
		default:
			foreign = append(foreign, p)
		}
		return false
	})
	if err == nil && len(foreign) > 0 {
		slices.Sort(foreign)
		err = fmt.Errorf("%s holder %d %s som ikke står i %s: %s", dir, len(foreign),
			plural(len(foreign), "fil, mappe eller lenke", "filer, mapper eller lenker"), ManifestName,
			strings.Join(foreign[:min(len(foreign), 5)], ", "))
	}
	return t, err
}

// adoptSpare makes the spare beside the output folder the staging folder,
// renaming it to the name of the empty one Begin made, when readSpare
// accepts it; a spare it refuses is removed. It reports whether it
// adopted one; after an error Begin fails and Abort removes the staging
// folder, whatever of the spare it holds.
func (s *Staging) adoptSpare() (bool, error) {
	spare := spareName(s.dir)
	if _, err := os.Lstat(spare); errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	t, err := readSpare(spare)
	if err != nil {
		os.RemoveAll(spare)
		return false, nil
	}
	// os.Rename will not replace a folder, even an empty one: the empty
	// staging folder only reserved the name.
	if err := os.Remove(s.tmp); err != nil {
		return false, err
	}
	if err := os.Rename(spare, s.tmp); err != nil {
		os.RemoveAll(spare)
		return false, os.Mkdir(s.tmp, 0o700)
	}
	// The next manifest is written anew by seal, never through this one.
	if err := os.Remove(filepath.Join(s.tmp, ManifestName)); err != nil {
		return false, err
	}
	s.spare, s.spareDirs = t.files, t.dirs
	return true, nil
}

// claim takes path p out of the spare, so prune leaves it alone, and
// reports whether the spare had a file or a folder there.
func (s *Staging) claim(p string) (file, folder bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	file, folder = s.spare[p], s.spareDirs[p]
	delete(s.spare, p)
	delete(s.spareDirs, p)
	return file, folder
}

// prune removes what an adopted spare holds that this build did not
// write: its remaining files, then the folders no file or Prepare of this
// build asked for, deepest first, so the staging folder holds what a
// fresh build would. Adopt and Commit call it after the last Write; it
// does its work once.
func (s *Staging) prune() error {
	s.mu.Lock()
	files, dirs := s.spare, s.spareDirs
	s.spare, s.spareDirs = nil, nil
	var stale []string
	for d := range dirs {
		if s.dirs[d] == nil {
			stale = append(stale, d)
		}
	}
	s.mu.Unlock()
	for p := range files {
		if err := s.removeGone(p); err != nil {
			return err
		}
	}
	slices.Sort(stale)
	slices.Reverse(stale) // a folder sorts before what it holds
	for _, d := range stale {
		if err := s.removeGone(d); err != nil {
			return err
		}
	}
	return nil
}

// removeGone removes the build's file or empty folder p. It may be gone
// already: a file of this build replaced a spare's folder that held it.
func (s *Staging) removeGone(p string) error {
	err := os.Remove(filepath.Join(s.tmp, filepath.FromSlash(p)))
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return nil
	}
	return err
}

// keepSpare keeps the old site, at old after the swap, as the next
// build's spare; where it cannot, it is deleted.
func (s *Staging) keepSpare(old string) error {
	if err := s.rename(old, spareName(s.dir)); err == nil {
		s.step("kept")
		return nil
	}
	if err := s.remove(old); err != nil {
		return fmt.Errorf("det gamle bygget i %s ble ikke slettet (neste bygg prøver igjen): %w", old, err)
	}
	return nil
}
