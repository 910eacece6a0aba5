package quality

import (
	"html"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"
)

var (
	htmlComment = regexp.MustCompile(`(?s)<!--.*?-->`)
	startTag    = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*/?>`)
	tagAttr     = regexp.MustCompile(`([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?`)
	cssURL      = regexp.MustCompile(`(?i)url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')`)
)

// fetchAttrs are the attributes whose URL a browser fetches (or, for href,
// fetches on a <link>): what a third-party URL must never be in.
var fetchAttrs = map[string]bool{
	"src": true, "href": true, "srcset": true, "imagesrcset": true, "poster": true, "data": true,
	"action": true, "formaction": true, "background": true, "xlink:href": true, "ping": true, "manifest": true,
}

// ThirdParty reports every URL in the built site that points to a host other
// than the site's own (the host of siteURL): in src, href, srcset and the
// other fetching attributes of HTML and XML files, and in CSS url() and
// @import, in stylesheets, <style> and style attributes. A feed's escaped
// HTML is scanned as HTML, since feed readers load it.
//
// The one exception is a plain link, <a href>, whose URL the staff wrote in
// the articles: written reports those, and links to other sites in the text
// are allowed. A template's own link to another host is not.
func ThirdParty(site fs.FS, siteURL string, written func(u string) bool) ([]Problem, error) {
	own, err := url.Parse(siteURL)
	if err != nil {
		return nil, err
	}
	var out []Problem
	err = fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ext := path.Ext(p)
		if ext != ".html" && ext != ".xml" && ext != ".css" && ext != ".svg" {
			return nil
		}
		b, err := fs.ReadFile(site, p)
		if err != nil {
			return err
		}
		text := string(b)
		if ext == ".xml" {
			text = html.UnescapeString(text)
		}
		report := func(u, where string) {
			if foreignHost(u, own.Host) {
				out = append(out, Problem{p, "third-party", where + " points to another host: " + u})
			}
		}
		for _, u := range cssURLs(text) {
			report(u, "url()")
		}
		if ext == ".css" {
			return nil
		}
		scanTags(text, func(tag, attr, val string) {
			if tag == "a" && attr == "href" && (written(val) || !foreignHost(val, own.Host)) {
				return
			}
			for _, u := range attrURLs(attr, val) {
				report(u, "<"+tag+" "+attr+">")
			}
		})
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Page < out[j].Page })
	return out, err
}

// scanTags calls fn for each fetching attribute of each start tag in text.
func scanTags(text string, fn func(tag, attr, val string)) {
	text = htmlComment.ReplaceAllString(text, "")
	for _, m := range startTag.FindAllStringSubmatch(text, -1) {
		tag := strings.ToLower(m[1])
		for _, a := range tagAttr.FindAllStringSubmatch(m[2], -1) {
			attr := strings.ToLower(a[1])
			if !fetchAttrs[attr] {
				continue
			}
			val := strings.Trim(a[2], `"'`)
			fn(tag, attr, html.UnescapeString(val))
		}
	}
}

// attrURLs splits a srcset into its URLs; other attributes hold one.
func attrURLs(attr, val string) []string {
	if !strings.HasSuffix(attr, "srcset") {
		return []string{strings.TrimSpace(val)}
	}
	var out []string
	for _, c := range strings.Split(val, ",") {
		if f := strings.Fields(c); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

func cssURLs(text string) []string {
	var out []string
	for _, m := range cssURL.FindAllStringSubmatch(text, -1) {
		for _, g := range m[1:] {
			if g != "" {
				out = append(out, html.UnescapeString(g))
			}
		}
	}
	return out
}

// foreignHost reports whether u names a host other than own: an absolute
// URL with a host, or a protocol-relative one (//host/...).
func foreignHost(u, own string) bool {
	u = strings.TrimSpace(u)
	p, err := url.Parse(u)
	if err != nil {
		return strings.Contains(u, "//") // unparseable but host-like: report it
	}
	if p.Host == "" {
		return false // relative, fragment, data:, mailto:, tel:
	}
	return !strings.EqualFold(p.Host, own)
}
