package main

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"

	"alisnord/generator/bench/corpus"
)

// hugoSite is the equivalent minimal Hugo layout kept beside the runner.
//
//go:embed all:hugo
var hugoSite embed.FS

// sites are the three site roots of one corpus size.
type sites struct {
	full     string // the corpus with areas and participants scaled with N
	articles string // the same articles with the smallest data (corpus.ArticlesOnly)
	hugo     string // the Hugo site, whose content is full's content/
}

// writeSites writes the synthetic corpus for n articles below dir: our two
// site roots (with the repository's templates/ copied in) and the Hugo site.
func writeSites(dir, repo string, n int) (sites, error) {
	if err := os.RemoveAll(dir); err != nil {
		return sites{}, err
	}
	ss := sites{filepath.Join(dir, "site"), filepath.Join(dir, "saker"), filepath.Join(dir, "hugo")}
	for root, size := range map[string]corpus.Size{ss.full: corpus.SizeFor(n), ss.articles: corpus.ArticlesOnly(n)} {
		site, err := corpus.FS(size, os.DirFS(repo))
		if err != nil {
			return sites{}, err
		}
		if err := os.CopyFS(root, site); err != nil {
			return sites{}, err
		}
	}
	sub, _ := fs.Sub(hugoSite, "hugo")
	if err := os.CopyFS(ss.hugo, sub); err != nil {
		return sites{}, err
	}
	content, err := filepath.Abs(filepath.Join(ss.full, "content"))
	if err != nil {
		return sites{}, err
	}
	cfg, err := fs.ReadFile(sub, "hugo.toml")
	if err != nil {
		return sites{}, err
	}
	// Top-level keys must come before the first table; contentDir goes first.
	cfg = append(fmt.Appendf(nil, "contentDir = %q\n", content), cfg...)
	return ss, writeFile(filepath.Join(ss.hugo, "hugo.toml"), cfg)
}

func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, data, 0o644)
}

// retitle returns a step that gives the article in the middle of the
// corpus at root (of n articles) a new title each time it runs: the edit
// before each build of alisnord-gjenbygg-tittel.
func retitle(root string, n int) func() error {
	slug := filepath.Join(root, "content", "nyheter", corpus.ArticleSlug(n/2))
	title := regexp.MustCompile(`(?m)^title = ".*"$`)
	edits := 0
	return func() error {
		file := slug + ".md"
		if _, err := os.Stat(file); err != nil {
			file = filepath.Join(slug, "index.md") // a page bundle
		}
		b, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		at := title.FindIndex(b) // the front matter's, the first
		if at == nil {
			return fmt.Errorf("%s: fant ingen tittel å endre", file)
		}
		edits++
		out := fmt.Appendf(b[:at[0]:at[0]], `title = "Syntetisk sak med ny tittel nr. %d"`, edits)
		return os.WriteFile(file, append(out, b[at[1]:]...), 0o644)
	}
}
