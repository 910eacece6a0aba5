package output

import (
	"io"
	"os"
	"path/filepath"
)

// Previous returns the bytes of file p as the last build left it in the
// live site, when its manifest lists p. The render engine takes an
// unchanged page from here instead of executing it again, when the key
// the last build recorded for it still holds and the bytes are the ones
// recorded (render's reuse.go). The live site is the last build even when
// this one is made in the spare, which holds the build before it.
// Previous only reads, and is safe for concurrent use.
func (s *Staging) Previous(p string) ([]byte, bool) {
	if checkPath(p) != nil || !s.live[p] {
		return nil, false
	}
	data, err := readWhole(filepath.Join(s.dir, filepath.FromSlash(p)))
	return data, err == nil
}

// readWhole reads regular file p into a buffer of its size.
func readWhole(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, os.ErrInvalid
	}
	data := make([]byte, fi.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, err
	}
	// A file that grew since Stat is not the one measured.
	if n, _ := f.Read(make([]byte, 1)); n > 0 {
		return nil, io.ErrUnexpectedEOF
	}
	return data, nil
}
