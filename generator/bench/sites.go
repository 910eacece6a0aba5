package main

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"alisnord/generator/bench/corpus"
)

// hugoSite is the equivalent minimal Hugo layout kept beside the runner.
//
//go:embed all:hugo
var hugoSite embed.FS

// writeSites writes the synthetic corpus for n articles to dir/site (with
// the repository's templates/ copied in) and the Hugo site to dir/hugo,
// whose content is the same folder of articles.
func writeSites(dir, repo string, n int) (ours, hugo string, err error) {
	if err := os.RemoveAll(dir); err != nil {
		return "", "", err
	}
	ours, hugo = filepath.Join(dir, "site"), filepath.Join(dir, "hugo")
	site, err := corpus.FS(n, os.DirFS(repo))
	if err != nil {
		return "", "", err
	}
	if err := copyTree(site, ".", ours); err != nil {
		return "", "", err
	}
	sub, _ := fs.Sub(hugoSite, "hugo")
	if err := copyTree(sub, ".", hugo); err != nil {
		return "", "", err
	}
	content, err := filepath.Abs(filepath.Join(ours, "content"))
	if err != nil {
		return "", "", err
	}
	cfg, err := fs.ReadFile(sub, "hugo.toml")
	if err != nil {
		return "", "", err
	}
	// Top-level keys must come before the first table; contentDir goes first.
	cfg = append(fmt.Appendf(nil, "contentDir = %q\n", content), cfg...)
	return ours, hugo, writeFile(filepath.Join(hugo, "hugo.toml"), cfg)
}

func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, data, 0o644)
}

// copyTree copies the tree below root in fsys to dst.
func copyTree(fsys fs.FS, root, dst string) error {
	return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		return writeFile(filepath.Join(dst, rel), data)
	})
}
