package render

import "strings"

// LinkForm is how a build links to a folder page: the web build to the
// folder ("statistikk/"), the offline bundle to its file
// ("statistikk/index.html"), because a browser opening the bundle from
// file:// shows a folder as a file listing. Both are relative, so the
// site works below any base path.
type LinkForm int

const (
	// LinkFolders links to folders: clean addresses for the web build,
	// the same ones canonical, sitemap, feed and og:url give.
	LinkFolders LinkForm = iota
	// LinkFiles links to the index.html of each folder: the offline bundle.
	LinkFiles
)

// folderLink turns target, a site path or a relative link to a folder page
// ("nyheter/", "", "../nyheter/index.html"), into form: with or without
// its index.html. Links to files that are not a folder's page and links
// with a query or fragment pass through unchanged (the fragment is split
// off by the caller).
func (f LinkForm) folderLink(target string) string {
	switch {
	case f == LinkFiles && (target == "" || strings.HasSuffix(target, "/")):
		return target + "index.html"
	case f == LinkFolders && (target == "index.html" || strings.HasSuffix(target, "/index.html")):
		return strings.TrimSuffix(target, "index.html")
	}
	return target
}

// problem tells what is wrong with link, a relative link to a page of
// the build, in this form; "" when nothing is.
func (f LinkForm) problem(link string) string {
	p, _, _ := strings.Cut(link, "#")
	p, _, _ = strings.Cut(p, "?")
	switch {
	case f == LinkFolders && (p == "index.html" || strings.HasSuffix(p, "/index.html")):
		return "lenken %q ender på index.html; nettstedet lenker til mappen (…/)"
	case f == LinkFiles && (p == "" || p == "." || strings.HasSuffix(p, "/")):
		return "lenken %q peker til en mappe; den frakoblede kopien åpnes fra disk og trenger …/index.html"
	}
	return ""
}
