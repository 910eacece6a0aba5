package output

import (
	"cmp"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
)

// Staging is a build being written: files go into a sibling of the
// output folder as they come, so a build need not hold the whole site in
// memory, and Commit swaps the folder into place. The sibling is new, or
// the spare that the last build left (see spare.go). Until the swap the
// old site stays as it was; Abort removes what was written.
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

	// prep is Prepare's folder making in the background; prepErr its
	// first error, under mu.
	prep    sync.WaitGroup
	prepErr error

	live    map[string]bool // files of the live site, as its manifest lists them; read-only
	old     map[string]bool // of them, those that may be linked (see reuse.go); read-only
	shared  map[string]bool // files of the build that may be shared: linked to the live site or kept from the spare; under mu
	noLinks atomic.Bool     // set when the file system refused a hard link
	fresh   bool            // no live site and no spare: see Fresh

	// spare and spareDirs are the files and folders of an adopted spare
	// (see spare.go) that no Write has claimed yet; nil after prune. Under mu.
	spare, spareDirs map[string]bool

	// flush is the syncfs started by Begin and Flush in the background,
	// waited for before the build is sealed or thrown away.
	flush     sync.WaitGroup
	flushOnce sync.Once

	warning error                               // set by Commit when the old site could not be deleted
	remove  func(string) error                  // os.RemoveAll; tests make it fail
	rename  func(oldpath, newpath string) error // os.Rename, for keeping the spare; tests make it fail
	hook    func(step string)                   // tests: called at each step of Commit
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
// what killed builds left beside the output folder, and adopts the spare
// the last build left as its staging folder (see spare.go).
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
	s := &Staging{dir: dir, lock: lock, dirs: map[string]*madeDir{}, shared: map[string]bool{},
		remove: os.RemoveAll, rename: os.Rename}
	if err := checkContents(dir); err != nil {
		s.unlock()
		return nil, err
	}
	removeLeftovers(dir)
	if s.tmp, err = os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-"); err != nil {
		s.unlock()
		return nil, err
	}
	// What other programs left unwritten on the file system (another
	// tool's build, a checkout, an editor) is written while the site
	// loads and renders, so that the flush before the exchange waits for
	// this build's own files alone: one syncfs now, in the background.
	s.flush.Go(func() { _ = syncTree(s.tmp) })
	adopted, err := s.adoptSpare()
	if err != nil {
		s.Abort()
		return nil, err
	}
	if s.live = reusable(dir); !adopted {
		s.old = s.live
	}
	s.fresh = !adopted && len(s.live) == 0
	return s, nil
}

// Fresh reports whether the build starts from nothing: no live site whose
// files it could take and no spare adopted, as in an empty output folder.
func (s *Staging) Fresh() bool { return s.fresh }

// Dir is the output folder, symlinks resolved.
func (s *Staging) Dir() string { return s.dir }

// Prepare starts making the folders of all paths, parents first, in the
// background while the first files are rendered: making them in one pass
// costs the kernel less than making them between file writes, and a Write
// that comes first makes its own folder (each is made once). An unsafe
// path is refused at once; a folder that could not be made fails the
// Write that needs it, or else Adopt or Commit.
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
	s.prep.Go(func() {
		for _, d := range sorted {
			if err := s.mkdir(d); err != nil {
				s.mu.Lock()
				s.prepErr = cmp.Or(s.prepErr, err)
				s.mu.Unlock()
				return
			}
		}
	})
	return nil
}

// settle waits for Prepare's folders and says whether they were all made.
func (s *Staging) settle() error {
	s.prep.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.prepErr
}

// Flush starts writing what the build has written so far to disk, in the
// background: the engine calls it when the pages are done, so that most of
// the flush that Commit must wait for happens while the feeds and the
// other last files are made. Commit still flushes everything itself.
func (s *Staging) Flush() {
	s.flushOnce.Do(func() {
		s.flush.Go(func() { _ = syncTree(s.tmp) }) // Commit's own flush reports errors
	})
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
	spared, folder := s.claim(f.Path)
	s.mu.Lock()
	shared := s.shared[f.Path]
	s.mu.Unlock()
	var kept bool
	if spared {
		_, kept = holds(dst, f.Data)
	} else {
		kept = s.link(f, dst)
	}
	if !kept {
		if err := s.write(f, dst, spared || shared, folder); err != nil {
			return err
		}
	}
	s.mu.Lock()
	s.paths = append(s.paths, f.Path)
	if kept {
		s.shared[f.Path] = true
	} else {
		delete(s.shared, f.Path)
	}
	s.mu.Unlock()
	s.files.Add(1)
	return nil
}

// write writes f's bytes to a file of its own at dst. A file there that
// may be shared with the live site (replace: kept from the spare, or a
// link made by this build) is unlinked first, never written in place, and
// a spare's folder at dst is removed with what it holds, none of which
// this build wrote.
func (s *Staging) write(f File, dst string, replace, folder bool) error {
	var err error
	switch {
	case folder:
		err = os.RemoveAll(dst)
	case replace:
		if err = os.Remove(dst); errors.Is(err, fs.ErrNotExist) {
			err = nil
		}
	}
	if err != nil {
		return err
	}
	return createFile(dst, f.Data)
}

// mkdir creates folder d of the build and its parents, each once. A
// spare's folder is there already; a spare's file in its place goes.
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
		if m.err = s.mkdir(path.Dir(d)); m.err != nil {
			return
		}
		full := filepath.Join(s.tmp, filepath.FromSlash(d))
		switch file, folder := s.claim(d); {
		case folder:
			return
		case file:
			if m.err = os.Remove(full); m.err != nil {
				return
			}
		}
		s.mkdirs.Lock()
		m.err = os.Mkdir(full, 0o755)
		s.mkdirs.Unlock()
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
