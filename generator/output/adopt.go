package output

import (
	"fmt"
	"io/fs"
	"path/filepath"
)

// Adopt lets a program outside the generator add files to the build
// before it is committed, such as the search index Pagefind writes: fn
// gets the staging folder, and every regular file it leaves there is
// listed in the manifest with the files written through Write, so the
// next build may replace them. A symlink or other special file is
// refused, since the next build would refuse the folder for it. Adopt
// comes after the last Write: what an adopted spare holds that the build
// did not write is removed first, so fn sees what a fresh build holds. fn
// must only add files: one already written may be a hard link to the live
// site's copy (see reuse.go and spare.go), and changing it would change
// the live site.
func (s *Staging) Adopt(fn func(dir string) error) error {
	if err := s.settle(); err != nil {
		return err
	}
	if err := s.prune(); err != nil {
		return err
	}
	if err := fn(s.tmp); err != nil {
		return err
	}
	s.mu.Lock()
	known := make(map[string]bool, len(s.paths))
	for _, p := range s.paths {
		known[p] = true
	}
	s.mu.Unlock()
	var added []string
	err := filepath.WalkDir(s.tmp, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(s.tmp, p)
		if err != nil || rel == "." || d.IsDir() {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case !d.Type().IsRegular():
			return fmt.Errorf("output: %s i bygget er ikke en vanlig fil (%s)", rel, d.Type())
		case !known[rel]:
			if err := checkPath(rel); err != nil {
				return err
			}
			added = append(added, rel)
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.paths = append(s.paths, added...)
	s.mu.Unlock()
	s.files.Add(int64(len(added)))
	return nil
}
