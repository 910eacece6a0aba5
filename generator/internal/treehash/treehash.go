// Package treehash sums a folder tree — every name, mode, symlink target
// and file's bytes — so tests can show that a command changed nothing.
package treehash

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Sum returns the hex SHA-256 of the tree below dir and how many regular
// files it holds. Any change to a name, a mode, a link or a byte changes
// the sum.
func Sum(dir string) (sum string, files int, err error) {
	h := sha256.New()
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(h, "%s\x00%s\x00", rel, fi.Mode())
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			h.Write([]byte(target))
			return err
		case fi.Mode().IsRegular():
			files++
			b, err := os.ReadFile(p)
			h.Write(b)
			return err
		}
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)), files, err
}
