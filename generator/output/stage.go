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
	lock     *os.File // held from Begin to Commit or Abort; nil where there is no flock

	mu    sync.Mutex
	dirs  map[string]*madeDir // slash-separated folder -> its creation
	paths []string            // every file written, for the manifest

	// mkdirs runs one mkdir at a time: thousands of folders made at once
	// in one parent (nyheter/<slug>/) contend on the parent's lock in the
	// kernel and cost more CPU time than making them one by one.
	mkdirs sync.Mutex
	files  atomic.Int64

	old     map[string]bool // files of the live site that may be linked (see reuse.go); read-only
	linked  map[string]bool // files of the build that are links to the live site; under mu
	noLinks atomic.Bool     // set when the file system refused a hard link

	warning error              // set by Commit when the old site could not be deleted
	remove  func(string) error // os.RemoveAll; tests make it fail
	hook    func(step string)  // tests: called at each step of Commit
}

// madeDir creates one folder exactly once, however many files go into it.
type madeDir struct {
	once sync.Once
	err  error
}

// Begin starts writing a new build of root into out: relative to root
// unless absolute, symlinks followed (a symlinked output folder stays a
// symlink; its target is replaced). It refuses, with a *RefusedError and
// without changing anything, an output folder that is not missing, empty
// or written by us (see ManifestName), the root itself, a folder holding
// the root or a source tree, and one inside the root's sources. It removes
// what killed builds left beside the output folder.
func Begin(root, out string) (*Staging, error) {
	root, dir, err := resolve(root, out)
	if err != nil {
		return nil, err
	}
	if err := checkPlace(root, dir); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	lock, err := lockDir(parent)
	if err != nil {
		return nil, err
	}
	s := &Staging{dir: dir, lock: lock, dirs: map[string]*madeDir{}, remove: os.RemoveAll}
	if err := checkContents(dir); err != nil {
		s.unlock()
		return nil, err
	}
	removeLeftovers(dir)
	s.old, s.linked = reusable(dir), map[string]bool{}
	if s.tmp, err = os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-"); err != nil {
		s.unlock()
		return nil, err
	}
	return s, nil
}

// Dir is the output folder, symlinks resolved.
func (s *Staging) Dir() string { return s.dir }

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
	dst := filepath.Join(s.tmp, filepath.FromSlash(f.Path))
	linked := s.link(f, dst)
	if !linked {
		if err := s.write(f, dst); err != nil {
			return err
		}
	}
	s.mu.Lock()
	s.paths = append(s.paths, f.Path)
	if linked {
		s.linked[f.Path] = true
	} else {
		delete(s.linked, f.Path)
	}
	s.mu.Unlock()
	s.files.Add(1)
	return nil
}

// write writes f's bytes to a file of its own at dst. A link to the live
// site already there (the same path written twice) is removed first, so
// the live file is never changed.
func (s *Staging) write(f File, dst string) error {
	s.mu.Lock()
	shared := s.linked[f.Path]
	s.mu.Unlock()
	if shared {
		if err := os.Remove(dst); err != nil {
			return err
		}
	}
	return os.WriteFile(dst, f.Data, 0o644)
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

// Locate resolves file against root as Begin resolves the output folder
// and, when it lies in the output folder, gives its slash-separated path
// there: such a file must be written into the build, or the next build
// would find a file it did not write and refuse the folder.
func (s *Staging) Locate(root, file string) (abs, rel string, err error) {
	if _, abs, err = resolve(root, file); err != nil {
		return "", "", err
	}
	if !inside(abs, s.dir) {
		return abs, "", nil
	}
	r, err := filepath.Rel(s.dir, abs)
	return abs, filepath.ToSlash(r), err
}
