// Package search builds the site's search index at build time with
// Pagefind, a native program pinned in this folder's package.json and
// package-lock.json (npm ci checks its integrity) and installed into
// node_modules/, never committed. Pagefind reads the built pages in the
// staged build and writes pagefind/ beside them: the index, split into
// small files the search page fetches as needed, and pagefind.js, its
// client. Pages opt in with data-pagefind-body; the language comes from
// <html lang="nb">, which gives Norwegian stemming («kommune» finds
// «kommunene»).
package search

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// Folder is where the tool is pinned and installed, below the repository.
const Folder = "generator/search"

// InstallHint is the install step a missing tool's message names.
const InstallHint = "make search-tools (det kjører npm ci --prefix " + Folder + " --ignore-scripts --no-audit --no-fund)"

// binaries are the native programs the npm package pagefind installs
// through its platform package (@pagefind/linux-x64 and the like),
// searched in this order.
var binaries = []string{"node_modules/@pagefind/*/bin/pagefind_extended", "node_modules/@pagefind/*/bin/pagefind"}

// Tool finds the Pagefind program installed below root, the repository;
// a missing one is an error that names the install step.
func Tool(root string) (string, error) {
	for _, pattern := range binaries {
		matches, _ := filepath.Glob(filepath.Join(root, Folder, pattern))
		for _, m := range matches {
			if st, err := os.Stat(m); err == nil && st.Mode().IsRegular() && st.Mode()&0o111 != 0 {
				return m, nil
			}
		}
	}
	return "", fmt.Errorf("fant ikke søkeverktøyet Pagefind i %s; installer det med %s",
		filepath.Join(root, Folder, "node_modules"), InstallHint)
}

// Output is the folder Pagefind writes, inside the site.
const Output = "pagefind"

// Result is what an index run made.
type Result struct {
	Files int           // files under pagefind/
	Bytes int64         // their size
	Took  time.Duration // Pagefind's run
}

// Index runs Pagefind (tool) on the built site in dir. Pagefind's own
// output is kept and returned in the error when it fails.
func Index(tool, dir string) (Result, error) {
	start := time.Now()
	cmd := exec.Command(tool, "--site", dir, "--output-subdir", Output, "--exclude-selectors", excluded, "--silent")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return Result{}, fmt.Errorf("Pagefind kunne ikke lage søkeindeksen: %v\n%s", err, out.Bytes())
	}
	for _, name := range unused {
		if err := os.Remove(filepath.Join(dir, Output, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return Result{}, err
		}
	}
	r := Result{Took: time.Since(start)}
	err := filepath.WalkDir(filepath.Join(dir, Output), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			r.Files++
			r.Bytes += info.Size()
		}
		return err
	})
	if errors.Is(err, fs.ErrNotExist) {
		return r, fmt.Errorf("Pagefind skrev ingen søkeindeks i %s", filepath.Join(dir, Output))
	}
	return r, err
}

// unused are the ready-made search interfaces Pagefind writes beside its
// index; the search page has its own (templates/assets/sok.js), so they
// are not published.
var unused = []string{
	"pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
	"pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
}

// excluded are the parts of an indexed page's main content that would
// only add noise to results: navigation, drawings, download links.
const excluded = "nav.crumbs, .related, .prev-next, .chart-svg, .downloads, .archive-years, details.chart-data > summary"
