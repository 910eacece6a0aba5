package pipeline

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// fileMemo keeps, for the dev server, what the render read from the site
// folder: the templates and assets under templates/ and the photos under
// content/, with their file information and folder listings. An edit then
// reads again only what the watcher says changed (Changes), not every
// template, asset and photo; the same bytes keep their addresses, so the
// photo memo and the served snapshot compare them at once. Changes with
// All set, or none (a first build), forget everything. Only regular files
// and folders reached without a symbolic link are kept, since a change to
// a link's target outside the site is not seen, and none below a name
// starting with "." or "#", whose changes the watcher passes over (the
// templates' glob would still take templates/pages/.utkast.html). Failed
// reads are not kept.
type fileMemo struct {
	root  string
	mu    sync.Mutex
	files map[string][]byte
	stats map[string]fs.FileInfo
	dirs  map[string][]fs.DirEntry
}

func newFileMemo(root string) *fileMemo {
	return &fileMemo{root: root, files: map[string][]byte{}, stats: map[string]fs.FileInfo{}, dirs: map[string][]fs.DirEntry{}}
}

// forget drops what ch may have changed: each path, what lies below it,
// and the listings and file information of the folders above it.
func (m *fileMemo) forget(ch Changes) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if ch.All || len(ch.Paths) == 0 {
		clear(m.files)
		clear(m.stats)
		clear(m.dirs)
		return
	}
	for _, p := range ch.Paths {
		p = strings.Trim(p, "/")
		prefix := p + "/"
		dropTree(m.files, p, prefix)
		dropTree(m.stats, p, prefix)
		dropTree(m.dirs, p, prefix)
		for dir := path.Dir(p); ; dir = path.Dir(dir) {
			delete(m.stats, dir)
			delete(m.dirs, dir)
			if dir == "." {
				break
			}
		}
	}
}

func dropTree[V any](memo map[string]V, p, prefix string) {
	delete(memo, p)
	for k := range memo {
		if strings.HasPrefix(k, prefix) {
			delete(memo, k)
		}
	}
}

// fsys is the site folder as the render reads it, through the memo.
func (m *fileMemo) fsys() fs.FS { return memoFS{os.DirFS(m.root), m} }

// memoFS is the site folder read through a fileMemo: ReadFile, Stat and
// ReadDir are kept; Open is passed through.
type memoFS struct {
	fs.FS
	m *fileMemo
}

func (f memoFS) ReadFile(name string) ([]byte, error) {
	if b, ok := lookup(f.m, f.m.files, name); ok {
		return b, nil
	}
	b, err := fs.ReadFile(f.FS, name)
	if err == nil && f.m.inTree(name, false) {
		store(f.m, f.m.files, name, b)
	}
	return b, err
}

func (f memoFS) Stat(name string) (fs.FileInfo, error) {
	if fi, ok := lookup(f.m, f.m.stats, name); ok {
		return fi, nil
	}
	fi, err := fs.Stat(f.FS, name)
	if err == nil && f.m.inTree(name, fi.IsDir()) {
		store(f.m, f.m.stats, name, fi)
	}
	return fi, err
}

func (f memoFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if entries, ok := lookup(f.m, f.m.dirs, name); ok {
		return entries, nil
	}
	entries, err := fs.ReadDir(f.FS, name)
	if err == nil && f.m.inTree(name, true) {
		store(f.m, f.m.dirs, name, entries)
	}
	return entries, err
}

func lookup[V any](m *fileMemo, memo map[string]V, name string) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := memo[name]
	return v, ok
}

func store[V any](m *fileMemo, memo map[string]V, name string, v V) {
	m.mu.Lock()
	defer m.mu.Unlock()
	memo[name] = v
}

// inTree tells whether name is a regular file (a folder, when dir is set)
// reached through folders alone, none of them a symbolic link: then the
// watcher sees every change to it.
func (m *fileMemo) inTree(name string, dir bool) bool {
	if !fs.ValidPath(name) {
		return false
	}
	full := m.root
	if name == "." {
		return dir
	}
	parts := strings.Split(name, "/")
	for i, part := range parts {
		if strings.HasPrefix(part, ".") || strings.HasPrefix(part, "#") {
			return false
		}
		full = filepath.Join(full, part)
		fi, err := os.Lstat(full)
		if err != nil {
			return false
		}
		last := i == len(parts)-1
		switch {
		case !last || dir:
			if !fi.IsDir() {
				return false
			}
		case !fi.Mode().IsRegular():
			return false
		}
	}
	return true
}
