package quality

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strings"
)

// linkAttr finds the value of every href and src attribute.
var linkAttr = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)

// BundleLinks checks the offline bundle (the unzipped folder, opened from
// file://) the way a browser without a server resolves it: every relative
// link and asset must name a file of the bundle, never a folder, since
// file:// shows a folder as a listing instead of its index.html. Links to
// other sites and fragments of the page itself are passed over.
func BundleLinks(site fs.FS) ([]Problem, error) {
	pages, err := Pages(site)
	if err != nil {
		return nil, err
	}
	var ps []Problem
	for _, page := range pages {
		if page == "404.html" {
			continue // served by a web host only, with site-root links
		}
		b, err := fs.ReadFile(site, page)
		if err != nil {
			return nil, err
		}
		for _, m := range linkAttr.FindAllSubmatch(b, -1) {
			if msg := bundleLink(site, path.Dir(page), unescapeAttr(string(m[1]))); msg != "" {
				ps = append(ps, Problem{page, "bundle", msg})
			}
		}
	}
	return ps, nil
}

// bundleLink is what is wrong with link on a page in dir, or "".
func bundleLink(site fs.FS, dir, link string) string {
	u, err := url.Parse(link)
	switch {
	case err != nil:
		return fmt.Sprintf("unparseable link %q", link)
	case u.Scheme != "" || u.Host != "" || u.Path == "":
		return ""
	case strings.HasPrefix(u.Path, "/"):
		return fmt.Sprintf("link %q starts at the root of the disk, not of the bundle", link)
	}
	target := path.Join(dir, u.Path)
	st, err := fs.Stat(site, target)
	switch {
	case err != nil:
		return fmt.Sprintf("link %q: no such file in the bundle", link)
	case st.IsDir():
		return fmt.Sprintf("link %q names a folder; from file:// it needs …/index.html", link)
	}
	return ""
}

var attrUnescaper = strings.NewReplacer("&amp;", "&", "&#34;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">")

func unescapeAttr(s string) string { return attrUnescaper.Replace(s) }
