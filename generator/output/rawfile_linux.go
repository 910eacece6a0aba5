//go:build linux

package output

import (
	"io"
	"io/fs"

	"golang.org/x/sys/unix"
)

// createFile is os.WriteFile in three system calls: open, write, close.
// The os package also tries to register every file it opens with the
// network poller, which regular files refuse: four fcntl calls and a failed
// epoll_ctl more per file, on one shared epoll set, for every page.
func createFile(name string, data []byte) error {
	fd, err := retry(func() (int, error) {
		return unix.Open(name, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC, 0o644)
	})
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 && err == nil {
		var n int
		n, err = retry(func() (int, error) { return unix.Write(fd, data) })
		if n == 0 && err == nil {
			err = io.ErrShortWrite
		}
		data = data[n:]
	}
	if cerr := unix.Close(fd); err == nil && cerr != nil {
		return &fs.PathError{Op: "close", Path: name, Err: cerr}
	}
	if err != nil {
		return &fs.PathError{Op: "write", Path: name, Err: err}
	}
	return nil
}

// retry calls f again while a signal interrupts it.
func retry(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if err != unix.EINTR {
			return max(n, 0), err
		}
	}
}
