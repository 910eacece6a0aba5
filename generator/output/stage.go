package output

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
)

// Staging is a build being written: files go into a fresh sibling of the
// output folder as they come, so a build need not hold the whole site in
// memory, and Commit swaps the folder into place. Until then the old site
// stays as it was; Abort removes what was written.
type Staging struct {
	dir, tmp string

	mu   sync.Mutex
	dirs map[string]*madeDir // slash-separated folder -> its creation

	// mkdirs runs one mkdir at a time: thousands of folders made at once
	// in one parent (nyheter/<slug>/) contend on the parent's lock in the
	// kernel and cost more CPU time than making them one by one.
	mkdirs sync.Mutex
	files  atomic.Int64
}

// madeDir creates one folder exactly once, however many files go into it.
type madeDir struct {
	once sync.Once
	err  error
}

// Begin starts writing a new build of dir.
func Begin(dir string) (*Staging, error) {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return nil, err
	}
	return &Staging{dir: dir, tmp: tmp, dirs: map[string]*madeDir{}}, nil
}

// Prepare makes the folders of all paths, one after another, before the
// files come: making them in one pass costs the kernel less than making
// them between file writes.
func (s *Staging) Prepare(paths []string) error {
	dirs := map[string]bool{}
	for _, p := range paths {
		if err := checkPath(p); err != nil {
			return err
		}
		dirs[path.Dir(p)] = true
	}
	sorted := make([]string, 0, len(dirs))
	for d := range dirs {
		sorted = append(sorted, d)
	}
	sort.Strings(sorted) // parents first
	for _, d := range sorted {
		if err := s.mkdir(d); err != nil {
			return err
		}
	}
	return nil
}

// Files is the number of files written so far.
func (s *Staging) Files() int { return int(s.files.Load()) }

// Write writes one file of the build. It is safe for concurrent use, and
// it does not keep f.Data, so the caller may reuse the buffer.
func (s *Staging) Write(f File) error {
	if err := checkPath(f.Path); err != nil {
		return err
	}
	if err := s.mkdir(path.Dir(f.Path)); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(s.tmp, filepath.FromSlash(f.Path)), f.Data, 0o644); err != nil {
		return err
	}
	s.files.Add(1)
	return nil
}

// mkdir creates folder d of the build and its parents, each once.
func (s *Staging) mkdir(d string) error {
	if d == "." {
		return nil
	}
	s.mu.Lock()
	m := s.dirs[d]
	if m == nil {
		m = &madeDir{}
		s.dirs[d] = m
	}
	s.mu.Unlock()
	m.once.Do(func() {
		if m.err = s.mkdir(path.Dir(d)); m.err == nil {
			s.mkdirs.Lock()
			m.err = os.Mkdir(filepath.Join(s.tmp, filepath.FromSlash(d)), 0o755)
			s.mkdirs.Unlock()
		}
	})
	return m.err
}

// Commit swaps the written build into place of the output folder.
func (s *Staging) Commit() error {
	if err := os.Chmod(s.tmp, 0o755); err != nil {
		s.Abort()
		return err
	}
	return swap(s.tmp, s.dir)
}

// Abort removes the unfinished build; the output folder is untouched.
func (s *Staging) Abort() { os.RemoveAll(s.tmp) }

// swap moves tmp into dir's place; the old dir is removed after the move.
func swap(tmp, dir string) error {
	old := ""
	if _, err := os.Lstat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			os.RemoveAll(tmp)
			return err
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			_ = os.Rename(old, dir)
		}
		os.RemoveAll(tmp)
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
