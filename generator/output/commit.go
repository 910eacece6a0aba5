package output

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
)

// Commit writes the manifest, makes the build durable and puts it in the
// place of the output folder in one step (see replace): readers see the
// whole old site or the whole new one, never neither. The old site is
// then kept as the next build's spare (see spare.go), or deleted where it
// cannot be; when that fails too the new site is published all the same,
// Commit returns nil and Warning says what is left.
func (s *Staging) Commit() error {
	defer s.unlock()
	if err := s.seal(); err != nil {
		os.RemoveAll(s.tmp)
		return err
	}
	old, err := replace(s.tmp, s.dir)
	if err != nil {
		os.RemoveAll(s.tmp)
		return err
	}
	s.step("swapped")
	var warnings []error
	if err := syncDir(filepath.Dir(s.dir)); err != nil {
		warnings = append(warnings, err)
	}
	if old != "" {
		if err := s.keepSpare(old); err != nil {
			warnings = append(warnings, err)
		}
	}
	s.warning = errors.Join(warnings...)
	return nil
}

// Warning is what went wrong after a successful Commit: the new site is
// in place, but the old one was not deleted or the swap not synced.
func (s *Staging) Warning() error { return s.warning }

// seal removes what the build did not write from an adopted spare, writes
// the manifest and flushes the build and its folder entry to disk, so the
// swap never publishes a folder whose files a crash can lose.
func (s *Staging) seal() error {
	if err := s.settle(); err != nil {
		return err
	}
	if err := s.prune(); err != nil {
		return err
	}
	s.step("pruned")
	s.mu.Lock()
	list := manifest(s.paths)
	s.mu.Unlock()
	if err := os.WriteFile(filepath.Join(s.tmp, ManifestName), list, 0o644); err != nil {
		return err
	}
	s.step("manifest")
	if err := os.Chmod(s.tmp, 0o755); err != nil {
		return err
	}
	s.flush.Wait()
	if err := syncTree(s.tmp); err != nil {
		return err
	}
	s.step("synced")
	return syncDir(filepath.Dir(s.tmp))
}

// Abort removes the unfinished build, an adopted spare with it (the next
// build then starts from a new folder); the output folder is untouched.
func (s *Staging) Abort() {
	s.prep.Wait()
	s.flush.Wait()
	os.RemoveAll(s.tmp)
	s.unlock()
}

func (s *Staging) unlock() {
	if s.lock != nil {
		s.lock.Close()
		s.lock = nil
	}
}

func (s *Staging) step(name string) {
	if s.hook != nil {
		s.hook(name)
	}
}

// removeLeftovers deletes what killed builds left beside the output
// folder dir: staging folders .<base>.new-<digits> (after a swap one holds
// the old site) and the .old folders of the two-rename swap. Begin calls
// it under the lock, so no running build's folder is among them. The
// spare, .<base>.spare, is not a leftover: Begin adopts or removes it.
func removeLeftovers(dir string) {
	parent, base := filepath.Split(dir)
	ours := regexp.MustCompile(`^\.` + regexp.QuoteMeta(base) + `\.new-[0-9]+(\.old)?$`)
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if ours.MatchString(e.Name()) {
			os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// syncDir flushes folder dir's entries to disk.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// renameTwice moves dir aside and tmp into its place; old is where the old
// site went. Between the two renames there is no dir: a reader finds
// nothing, and a build killed there leaves no site (the next build makes
// one). Used where the file system cannot exchange two folders.
func renameTwice(tmp, dir string) (old string, err error) {
	if _, err := os.Lstat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return "", err
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			_ = os.Rename(old, dir)
		}
		return "", err
	}
	return old, nil
}

// syncEach flushes every file and folder below dir to disk one by one:
// portable, but slow for thousands of files (see BenchmarkSync).
func syncEach(dir string) error {
	return filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		return f.Sync()
	})
}
