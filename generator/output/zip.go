package output

import (
	"archive/zip"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// zipTime is the modification time of every zip entry: fixed, so the same
// site always gives the same bytes.
var zipTime = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)

// Zip returns a zip archive of files, each below the folder name folder/,
// so that unzipping gives one folder. The same files give the same bytes.
func Zip(folder string, files []File) ([]byte, error) {
	sorted := append([]File(nil), files...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range sorted {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: folder + "/" + f.Path, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(f.Data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteZip writes the zip of files (see Zip) to file, through a temporary
// file renamed into place. It refuses to replace anything but a zip file.
func WriteZip(file, folder string, files []File) error {
	if err := CheckZip(file); err != nil {
		return err
	}
	data, err := Zip(folder, files)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".new-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename this is a no-op
	_, werr := tmp.Write(data)
	serr := tmp.Sync()
	if err := errors.Join(werr, serr, tmp.Close()); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), file)
}

// CheckZip refuses, with a *RefusedError, a file WriteZip must not
// replace: one that exists and is not a zip archive.
func CheckZip(file string) error {
	fi, err := os.Lstat(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	head := make([]byte, 2)
	if f, err := os.Open(file); err == nil && fi.Mode().IsRegular() {
		f.Read(head)
		f.Close()
	}
	if string(head) != "PK" {
		return &RefusedError{file, "finnes og er ikke en zip-fil", "Velg et annet filnavn med -zip."}
	}
	return nil
}
