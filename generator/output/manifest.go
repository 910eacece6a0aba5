package output

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ManifestName is the file in the output folder that lists every path a
// build wrote, sorted, one per line. It marks the folder as ours: a later
// build replaces a folder only when it holds this file and nothing the
// file does not list. It is a dotfile, so no page links to it and the dev
// server would not serve it.
const ManifestName = ".alisnord-manifest"

// manifest is the manifest's text for the given paths.
func manifest(paths []string) []byte {
	sorted := slices.Clone(paths)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	var b strings.Builder
	for _, p := range sorted {
		b.WriteString(p)
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// readManifest returns the paths listed in dir's manifest.
func readManifest(dir string) (map[string]bool, error) {
	f, err := os.Open(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	listed := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); line != "" {
			listed[line] = true
		}
	}
	return listed, sc.Err()
}
