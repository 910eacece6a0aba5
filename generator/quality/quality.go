// Package quality checks a built site the way readers and the rules for
// Norwegian public-sector websites (WCAG 2.1 AA) see it: every page opened in
// headless Chromium (console errors, failed and third-party requests, charts,
// links, landmarks, headings, keyboard focus, zoom), axe-core's WCAG rules,
// the Nu HTML Checker, and a scan of the output for third-party URLs.
//
// Nothing in the build imports it; its tests are the quality gate of
// `make test`. The tools it drives (Chromium, Java, and the npm packages
// axe-core and vnu-jar pinned in this folder's package.json) are found by
// FindTools.
package quality

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Problem is one finding: the page (a path in the site), the check that
// found it, and what is wrong.
type Problem struct {
	Page, Check, Message string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s: %s: %s", p.Page, p.Check, p.Message)
}

// Pages lists the HTML pages of a built site, sorted.
func Pages(site fs.FS) ([]string, error) {
	var pages []string
	err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		return err
	})
	sort.Strings(pages)
	return pages, err
}

// PageType names the kind of page at p, for one screenshot per kind:
// "forside" for the front page, the section for a section's index
// ("nyheter"), the section and "side" for a page inside it
// ("nyheter-side"), and the file's name for the rest ("404").
func PageType(p string) string {
	dir, file := path.Split(p)
	dir = strings.TrimSuffix(dir, "/")
	switch {
	case dir == "" && file == "index.html":
		return "forside"
	case dir == "":
		return strings.TrimSuffix(file, ".html")
	case dir == "konferanse/lysbilder" || dir == "konferanse/faktaark":
		return strings.ReplaceAll(dir, "/", "-") // two kinds of page in one section
	case strings.Contains(dir, "/"):
		return dir[:strings.Index(dir, "/")] + "-side"
	}
	return dir
}
