package render

import (
	"net/url"
	"path"
	"regexp"
	"strings"

	"alisnord/generator/output"
	"alisnord/generator/site"
)

// mdLink is a relative link written in an article, kept so a broken one can
// be reported at its line.
type mdLink struct {
	orig, rel string
	pos       site.Pos
}

var attrLink = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)

// checkLinks reports every relative link or asset reference in an HTML page
// that does not resolve to a file of the build. Links written in Markdown
// are reported at their line in the article; the rest at the page template.
func checkLinks(files []output.File, pages []*Page, ds *site.Diagnostics) {
	exists := make(map[string]bool, len(files))
	for _, f := range files {
		exists[f.Path] = true
	}
	for i, p := range pages {
		if p.Kind == "404" || i >= len(files) || files[i].Path == "" {
			continue // the 404 page links from the site root, checked by the browser tests
		}
		dir := path.Dir(p.Path)
		fromMarkdown := map[string]bool{}
		for _, l := range p.links {
			fromMarkdown[l.rel] = true
			if target, ok := resolve(dir, l.rel); ok && !exists[target] {
				ds.Add(l.pos, "lenken %q peker ikke til noen side i nettstedet", l.orig)
			}
		}
		for _, m := range attrLink.FindAllSubmatch(files[i].Data, -1) {
			link := htmlUnescape(string(m[1]))
			if fromMarkdown[link] {
				continue
			}
			if target, ok := resolve(dir, link); ok && !exists[target] {
				ds.Add(site.Pos{Path: pagesDir + "/" + p.Kind + ".html"}, "%s lenker til %q, som ikke finnes", p.Path, link)
			}
		}
	}
}

// resolve turns a link on a page in dir into an output path; ok is false
// for links that leave the site (schemes, protocol-relative) or stay on
// the page.
func resolve(dir, link string) (string, bool) {
	u, err := url.Parse(link)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(link, "//") || u.Path == "" {
		return "", false
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = path.Join(dir, p)
	}
	p = strings.TrimPrefix(path.Clean(p), "/")
	if strings.HasSuffix(u.Path, "/") {
		p += "/index.html"
	}
	return p, true
}

var unescaper = strings.NewReplacer("&amp;", "&", "&#34;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">")

func htmlUnescape(s string) string { return unescaper.Replace(s) }
