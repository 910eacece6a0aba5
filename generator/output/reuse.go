package output

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// A rebuild mostly writes the bytes the last build wrote. Where there is
// no spare to build in (see spare.go), such a file is hard-linked from the
// live site into the staging folder instead of written again: no data is
// written or flushed, and deleting the old tree after the swap frees no
// blocks for it, which on a disk with discards costs as much as the rest
// of the build. Against writing every file it halves such a rebuild (see
// BenchmarkRebuild, nospare and nospare-nolinks), so it stays.
//
// A linked file is shared with the live site, so it is never written in
// place: Write removes it first (see Staging.write). Only files the last
// build's manifest lists are linked, and only after their bytes were
// compared with the new ones, never by a stored hash, since a file in the
// live site may have been edited by hand since.

// reusable lists the files of the live site dir that a build may link:
// those its manifest lists. Nil when there is no such site.
func reusable(dir string) map[string]bool {
	listed, err := readManifest(dir)
	if err != nil {
		return nil
	}
	return listed
}

// compareBufs holds buffers for reading live files to compare them.
var compareBufs = sync.Pool{New: func() any { return new([]byte) }}

// link hard-links the live site's copy of f into the build at dst when
// its bytes are f.Data. It reports whether it did; on false nothing is
// left at dst that was not there before.
func (s *Staging) link(f File, dst string) bool {
	if !s.old[f.Path] || s.noLinks.Load() {
		return false
	}
	live := filepath.Join(s.dir, filepath.FromSlash(f.Path))
	fi, same := holds(live, f.Data)
	if !same {
		return false
	}
	if err := os.Link(live, dst); err != nil {
		if !os.IsExist(err) {
			s.noLinks.Store(true) // a file system without hard links: write every file
		}
		return false
	}
	// The live file could have been replaced between the comparison and
	// the link (by hand: builds hold the lock): keep the link only if it
	// is the file that was compared.
	if got, err := os.Lstat(dst); err != nil || !os.SameFile(fi, got) {
		os.Remove(dst)
		return false
	}
	return true
}

// holds reports whether file p is a regular file holding exactly data,
// comparing the bytes (a size that differs needs no read), and gives the
// file it compared.
func holds(p string, data []byte) (os.FileInfo, bool) {
	r, err := os.Open(p)
	if err != nil {
		return nil, false
	}
	defer r.Close()
	fi, err := r.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) || !sameBytes(r, data) {
		return nil, false
	}
	return fi, true
}

// sameBytes reports whether r holds exactly data.
func sameBytes(r io.Reader, data []byte) bool {
	p := compareBufs.Get().(*[]byte)
	defer compareBufs.Put(p)
	if cap(*p) < len(data)+1 {
		*p = make([]byte, len(data)+1)
	}
	buf := (*p)[:len(data)+1]
	n, err := io.ReadFull(r, buf)
	return err == io.ErrUnexpectedEOF && n == len(data) && bytes.Equal(buf[:n], data)
}
