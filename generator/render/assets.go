package render

import (
	"io/fs"
	"path"
	"strings"

	"alisnord/generator/diag"
	"alisnord/generator/output"
)

// assets copies templates/assets/ to assets/ in the output.
func (r *renderer) assets() ([]output.File, error) {
	var out []output.File
	var ds diag.Diagnostics
	err := fs.WalkDir(r.opt.Root, assetsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		data, err := fs.ReadFile(r.opt.Root, p)
		if err != nil {
			ds.Add(diag.Pos{Path: p}, "kan ikke lese filen: %v", err)
			return nil
		}
		out = append(out, output.File{Path: path.Join("assets", strings.TrimPrefix(p, assetsDir+"/")), Data: data})
		return nil
	})
	if err != nil {
		ds.Add(diag.Pos{Path: assetsDir}, "kan ikke lese mappen: %v", err)
	}
	return out, ds.Err()
}
