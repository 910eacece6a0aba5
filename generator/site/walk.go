package site

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"alisnord/generator/diag"
)

// What the walk of content/ makes of a file name.
const (
	fileArticle = iota // Markdown: built into a page
	fileImage          // a photo: used by the articles that show it
	fileEditor         // an editor's swap, backup or lock file: passed over
	fileBad            // reported, with the reason the walk gives
)

// imageExts are the photo formats content/ may hold beside the articles.
var imageExts = []string{".jpg", ".jpeg", ".png", ".webp"}

// markdownExts are other names for Markdown that the build does not take,
// so that a file named so is reported instead of passed over.
var markdownExts = []string{".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".text", ".txt"}

// contentFiles walks content/ and returns the Markdown files to build,
// sorted by path. Every other entry is an image, an editor's temporary file,
// or reported with the reason it is not built. The walk reads folder
// listings only: a DirEntry's type comes from the listing (lstat), so a
// symbolic link is seen as a link and never followed.
//
// Through a cache, a walk that reported nothing is kept while every
// listing it read is kept: the same listings give the same files.
func (l *loader) contentFiles() []string {
	if l.cache != nil && l.cache.walked != nil {
		return l.cache.walked
	}
	ds := len(*l.ds)
	paths := l.walkContent()
	if l.cache != nil && len(*l.ds) == ds {
		l.cache.walked = paths
	}
	return paths
}

func (l *loader) walkContent() []string {
	paths := []string{}
	err := fs.WalkDir(l.fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			l.ds.Add(diag.Pos{Path: p, Line: 1, Col: 1}, "kan ikke lese mappen: %s", fsErr(err))
			return nil
		}
		if p == "content" {
			return nil
		}
		kind, msg := classify(d.Name(), d.Type())
		switch {
		case kind == fileBad:
			l.ds.Add(diag.Pos{Path: p, Line: 1, Col: 1}, "%s", msg)
			if d.IsDir() {
				return fs.SkipDir
			}
		case kind == fileArticle && !d.IsDir():
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		l.ds.Add(diag.Pos{Path: "content", Line: 1, Col: 1}, "kan ikke lese mappen: %s", fsErr(err))
	}
	return paths
}

// classify sorts one entry of content/ by its name and type bits, and for
// one that is not built says why and what to do.
func classify(name string, typ fs.FileMode) (kind int, msg string) {
	if isEditorFile(name) {
		return fileEditor, ""
	}
	if strings.HasPrefix(name, ".") {
		return fileBad, "skjult navn (begynner med punktum) blir ikke med på nettstedet: gi det et navn uten punktum foran, eller flytt det ut av content/"
	}
	if typ.IsDir() {
		return fileArticle, ""
	}
	if msg := notRegular(typ); msg != "" {
		return fileBad, msg
	}
	ext := path.Ext(name)
	lower := strings.ToLower(ext)
	switch {
	case ext == ".md":
		return fileArticle, ""
	case lower == ".md":
		return fileBad, "filendelsen " + ext + " blir ikke bygget: gi filen endelsen .md (små bokstaver)"
	case slices.Contains(imageExts, lower):
		return fileImage, ""
	case slices.Contains(markdownExts, lower):
		return fileBad, "filendelsen " + ext + " blir ikke bygget: er det Markdown, gi filen endelsen .md"
	}
	return fileBad, "ukjent filtype; content/ kan bare ha Markdown (.md) og bilder (" +
		strings.Join(imageExts, ", ") + "): gi filen endelsen .md, eller flytt den ut av content/"
}

// isEditorFile tells whether name is a temporary file an editor keeps
// beside the file being edited (vim, emacs, JetBrains), which comes and
// goes while the dev server runs.
func isEditorFile(name string) bool {
	if strings.HasPrefix(name, "#") || strings.HasPrefix(name, ".#") || name == "4913" {
		return true
	}
	for _, suffix := range []string{"~", ".swp", ".swx", ".tmp", "___jb_tmp___", "___jb_old___"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

// builtByWalk tells whether the walk of content/ would build the file p,
// and otherwise reports why, as the walk would: each folder on the way and
// the file itself are looked at as entries (fs.Lstat), so a link is seen
// as a link.
func builtByWalk(fsys fs.FS, p string, ds *diag.Diagnostics) bool {
	parts := strings.Split(p, "/")
	for i := 1; i < len(parts); i++ {
		entry := strings.Join(parts[:i+1], "/")
		fi, err := fs.Lstat(fsys, entry)
		if err != nil {
			ds.Add(diag.Pos{Path: entry, Line: 1, Col: 1}, "%s", fsErr(err))
			return false
		}
		kind, msg := classify(parts[i], fi.Mode().Type())
		switch {
		case kind == fileBad:
			ds.Add(diag.Pos{Path: entry, Line: 1, Col: 1}, "%s", msg)
			return false
		case kind != fileArticle || i == len(parts)-1 && fi.IsDir():
			ds.Add(diag.Pos{Path: p, Line: 1, Col: 1}, "er ikke en Markdown-fil (.md), så den blir ikke en side")
			return false
		}
	}
	return true
}
