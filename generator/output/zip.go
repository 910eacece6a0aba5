package output

import (
	"archive/zip"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// zipTime is the modification time of every zip entry: fixed, so the same
// site always gives the same bytes.
var zipTime = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)

// WriteZip writes files into a zip archive at file, each below the folder
// name folder/, so that unzipping gives one folder. The archive is written
// to a temporary file first and renamed into place.
func WriteZip(file, folder string, files []File) error {
	sorted := append([]File(nil), files...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".new-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename this is a no-op
	zw := zip.NewWriter(tmp)
	for _, f := range sorted {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: folder + "/" + f.Path, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			tmp.Close()
			return err
		}
		if _, err := w.Write(f.Data); err != nil {
			tmp.Close()
			return err
		}
	}
	if err := zw.Close(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), file)
}
