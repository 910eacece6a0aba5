// Package output is the only package that touches the disk: it writes a
// built site into the output folder in one swap, so readers and later
// builds never see a half-written site. It replaces only a folder it
// wrote itself (listed in its manifest, ManifestName) and refuses any
// other. Files can come as a list (Write) or one by one while the site is
// still being rendered (Begin).
//
// The site a swap replaces is kept beside the output folder as a spare,
// .<out>.spare, and the next build is made in it, writing only the files
// whose bytes changed (see spare.go): the disk holds two copies of the
// site, and removing the output folder means removing its spare too.
package output

import (
	"fmt"
	"path"
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

// Write replaces the output folder out of root (see Begin) with exactly
// files. It writes everything into a fresh sibling folder first and swaps
// it into place only when all writes succeeded; on error the output is
// left as it was. Stale files are not in the new folder; the old folder
// becomes the spare, and if it can be neither kept nor deleted, the new
// site is in place and Write returns nil (the next build deletes it;
// Staging.Warning tells callers who ask).
func Write(root, out string, files []File) error {
	st, err := Begin(root, out)
	if err != nil {
		return err
	}
	if err := st.WriteAll(files); err != nil {
		st.Abort()
		return err
	}
	return st.Commit()
}

// WriteAll writes files into the build, several at a time.
func (s *Staging) WriteAll(files []File) error {
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	if err := s.Prepare(paths); err != nil {
		return err
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0) * 2)
	for _, f := range files {
		g.Go(func() error { return s.Write(f) })
	}
	return g.Wait()
}

// checkPath refuses paths that would leave the output folder, and the
// manifest's own name.
func checkPath(p string) error {
	if p == "" || p == ManifestName || path.IsAbs(p) || strings.HasPrefix(path.Clean(p), "..") || path.Clean(p) != p {
		return fmt.Errorf("output: unsafe path %q", p)
	}
	return nil
}
