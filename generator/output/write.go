// Package output is the only package that touches the disk: it writes a
// built site, held in memory as a list of files, into the output folder in
// one swap, so readers and later builds never see a half-written site.
package output

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/sync/errgroup"
)

// File is one output file: a slash-separated path below the output folder
// and its bytes.
type File struct {
	Path string
	Data []byte
}

// Write replaces dir with exactly files. It writes everything into a fresh
// sibling folder first and swaps it into place only when all writes
// succeeded; on error dir is left as it was. Stale files vanish with the
// old folder.
func Write(dir string, files []File) error {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return err
	}
	if err := writeAll(tmp, files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return swap(tmp, dir)
}

// writeAll writes files below root, concurrently over all cores.
func writeAll(root string, files []File) error {
	dirs := map[string]bool{}
	for _, f := range files {
		if err := checkPath(f.Path); err != nil {
			return err
		}
		dirs[path.Dir(f.Path)] = true
	}
	for d := range dirs {
		if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(d)), 0o755); err != nil {
			return err
		}
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0) * 2)
	for _, f := range files {
		g.Go(func() error {
			return os.WriteFile(filepath.Join(root, filepath.FromSlash(f.Path)), f.Data, 0o644)
		})
	}
	return g.Wait()
}

// checkPath refuses paths that would leave the output folder.
func checkPath(p string) error {
	if p == "" || path.IsAbs(p) || strings.HasPrefix(path.Clean(p), "..") || path.Clean(p) != p {
		return fmt.Errorf("output: unsafe path %q", p)
	}
	return nil
}

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
