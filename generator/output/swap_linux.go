//go:build linux

package output

import (
	"errors"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// replace puts folder tmp in the place of dir. When dir exists the two are
// exchanged in one step (renameat2 RENAME_EXCHANGE), so a reader of dir
// always finds a whole site; old is then tmp, which holds the old site.
// File systems that cannot exchange (some network and FUSE ones) get the
// two renames of other systems. A mount point cannot be replaced at all.
func replace(tmp, dir string) (old string, err error) {
	err = unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dir, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return tmp, nil
	case errors.Is(err, unix.ENOENT):
		// No old site: a plain rename that will not replace one made meanwhile.
		err = unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dir, unix.RENAME_NOREPLACE)
		if errors.Is(err, unix.EINVAL) {
			err = os.Rename(tmp, dir)
		}
		return "", err
	case errors.Is(err, unix.EBUSY), errors.Is(err, unix.EXDEV):
		return "", errMountPoint(dir)
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EOPNOTSUPP):
		return renameTwice(tmp, dir)
	}
	return "", err
}

// syncTree flushes the file system that holds dir with one syncfs(2):
// far cheaper than an fsync per file for thousands of files.
func syncTree(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}

// lockDir takes an exclusive flock on folder dir, so that two builds into
// the same place never remove each other's staging folder. The kernel
// drops the lock when the process dies, so a killed build leaves none.
func lockDir(dir string) (*os.File, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil, &RefusedError{dir, "et annet bygg skriver hit akkurat nå", "Vent til det er ferdig, og prøv igjen."}
		}
		return nil, err
	}
	return f, nil
}

// mountPoint reports whether dir is on another file system than its parent.
func mountPoint(dir string) bool {
	var a, b unix.Stat_t
	return unix.Stat(dir, &a) == nil && unix.Stat(filepath.Dir(dir), &b) == nil && a.Dev != b.Dev
}
