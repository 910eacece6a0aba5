//go:build !linux

package output

import "os"

// createFile writes data to a new or truncated file name.
func createFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }
