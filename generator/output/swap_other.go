//go:build !linux

package output

import "os"

// replace puts folder tmp in the place of dir with two renames: dir aside,
// tmp in. Only Linux can exchange two folders in one step; here a reader
// can, for a moment, find no dir, and a build killed between the renames
// leaves none (the next build makes it again). See the README.
func replace(tmp, dir string) (old string, err error) { return renameTwice(tmp, dir) }

// syncTree flushes every file below dir, one fsync each.
func syncTree(dir string) error { return syncEach(dir) }

// lockDir is a no-op here: two builds into the same place at once may
// remove each other's staging folder.
func lockDir(dir string) (*os.File, error) { return nil, nil }

// mountPoint is not detected here; the rename fails instead.
func mountPoint(dir string) bool { return false }
