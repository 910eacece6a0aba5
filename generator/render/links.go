package render

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"strings"
	"unique"

	"alisnord/generator/diag"
)

// mdLink is a relative link written in an article, kept so a broken one can
// be reported at its line.
type mdLink struct {
	orig, rel string
	pos       diag.Pos
}

// checkLinks reports every relative link or asset reference in the HTML of
// page p that does not resolve to a file of the build (exists). Links
// written in Markdown are reported at their line in the article; the rest
// at the template that writes them (templates.linkSource), without naming
// the page, so a mistake in the layout is reported once, not once a page.
// A link that climbs to the site root and goes on to a file of root, when
// root is not nil, is fine without resolving it. When targets is not nil,
// the output path of every link that stays in the site is appended to it,
// found in the same pass (pageTargets, unsorted and with repeats).
func checkLinks(p *Page, html []byte, exists func(target string) bool, t *templates, root *rootLinks, targets *[]string) diag.Diagnostics {
	if p.Kind == KindNotFound {
		return nil // the 404 page links from the site root, checked by the browser tests
	}
	var ds diag.Diagnostics
	dir := path.Dir(p.Path)
	fine := root.of(p.form)
	climb := strings.Count(p.Path, "/") // how many ../ lead from the page to the site root
	var fromMarkdown map[string]bool
	if len(p.links) > 0 {
		fromMarkdown = make(map[string]bool, len(p.links))
	}
	note := func(target string) {
		if targets != nil {
			*targets = append(*targets, unique.Make(target).Value()) // pages share most targets
		}
	}
	for _, l := range p.links {
		fromMarkdown[l.rel] = true
		target, ok := resolve(dir, l.rel)
		if ok {
			note(target)
		}
		switch {
		case !ok:
		case !exists(target):
			ds.Add(l.pos, "lenken %q peker ikke til noen side i nettstedet", l.orig)
		case p.form.problem(l.rel) != "":
			ds.Add(l.pos, p.form.problem(l.rel), l.orig)
		}
	}
	attrLinks(html, func(raw []byte) {
		if fromRoot, climbs := fromSiteRoot(raw, climb); climbs {
			if target, ok := fine[string(fromRoot)]; ok {
				if targets != nil {
					*targets = append(*targets, target) // the build's own path
				}
				return
			}
		}
		link := htmlUnescape(raw)
		if fromMarkdown[link] {
			return // noted above
		}
		target, ok := resolve(dir, link)
		if ok {
			note(target)
		}
		switch {
		case !ok:
		case !exists(target):
			ds = append(ds, t.linkSource(p, raw, target))
		case p.form.problem(link) != "":
			d := t.linkSource(p, raw, target)
			d.Msg = fmt.Sprintf(p.form.problem(link), link)
			ds = append(ds, d)
		}
	})
	return ds
}

// fromSiteRoot returns what follows the climb ../ at the start of raw,
// a link as written in HTML on a page that many folders below the site
// root; climbs is false when raw does not start so or holds a character
// reference. Where such a link leads, when what follows is rememberable,
// does not depend on the page's folder: only on what follows, and on the
// form of the build's links (FuzzFromSiteRoot).
func fromSiteRoot(raw []byte, climb int) (rest []byte, climbs bool) {
	if bytes.IndexByte(raw, '&') >= 0 {
		return nil, false
	}
	for range climb {
		if !bytes.HasPrefix(raw, []byte("../")) {
			return nil, false
		}
		raw = raw[3:]
	}
	return raw, true
}

// rememberable tells whether a link's rest after the climb to the root
// (fromSiteRoot) leads where it would lead from the root: a plain path
// that starts with neither a dot nor a slash, which path.Clean treats
// otherwise after the climb than without it ("." and "/." lead to the
// root folder's page).
func rememberable(rest string) bool {
	return len(rest) > 0 && rest[0] != '.' && rest[0] != '/' && plainPath(rest)
}

// rootLinks is, for the output paths of one build, every link from the
// site root to one of them that the link check accepts, by link form:
// "assets/style.css", and "nyheter/" (LinkFolders) or "nyheter/index.html"
// (LinkFiles) for the page nyheter/index.html. After the ../ that climb to
// the root, the chrome of every page repeats them, and the lists and
// related news link to articles so: a link found here needs neither
// resolving nor looking up, and gives the output path it leads to. A link
// not found here is checked in full, so the set may leave out what it
// likes (FuzzFromSiteRoot holds that those it keeps are fine and lead to
// their paths). A nil *rootLinks holds nothing. Made once, read by every
// page's check at once.
type rootLinks struct {
	form  LinkForm
	paths uint64            // the pathsKey it was made for
	fine  map[string]string // link from the root → the output path it leads to
}

func newRootLinks(paths []string, key uint64, form LinkForm) *rootLinks {
	k := &rootLinks{form: form, paths: key, fine: make(map[string]string, len(paths)+len(paths)/2)}
	for _, p := range paths {
		if path.Clean(p) != p {
			continue // not a path a link leads to as written
		}
		k.add(p, p)
		if dir, ok := strings.CutSuffix(p, "index.html"); ok && (dir == "" || strings.HasSuffix(dir, "/")) {
			k.add(dir, p)
		}
	}
	return k
}

func (k *rootLinks) add(rest, path string) {
	if rememberable(rest) && k.form.problem(rest) == "" {
		k.fine[rest] = path
	}
}

// of is the set, each link with its path, for pages linked in form.
func (k *rootLinks) of(form LinkForm) map[string]string {
	if k == nil || k.form != form {
		return nil
	}
	return k.fine
}

// attrLinks calls fn with the value of every href="…" and src="…"
// attribute in html (the name preceded by white space), in order, as the
// regular expression \s(?:href|src)="([^"]*)" finds them. It scans bytes
// instead: on a large site this check reads every byte of every page.
// (Looking for the two names instead of every =" took a quarter longer:
// "h" and "s" are commoner in a page than "=".)
func attrLinks(html []byte, fn func(value []byte)) {
	for i := 0; ; {
		eq := bytes.Index(html[i:], []byte(`="`))
		if eq < 0 {
			return
		}
		eq += i
		start := eq + 2
		i = start
		if !linkAttr(html[:eq]) {
			continue
		}
		end := bytes.IndexByte(html[start:], '"')
		if end < 0 {
			return
		}
		fn(html[start : start+end])
		i = start + end + 1
	}
}

// linkAttr tells whether before ends in white space and "href" or "src".
func linkAttr(before []byte) bool {
	var name int
	switch {
	case bytes.HasSuffix(before, []byte("href")):
		name = 4
	case bytes.HasSuffix(before, []byte("src")):
		name = 3
	default:
		return false
	}
	if len(before) <= name {
		return false
	}
	switch before[len(before)-name-1] {
	case ' ', '\t', '\n', '\f', '\r':
		return true
	}
	return false
}

// resolve turns a link on a page in dir into an output path; ok is false
// for links that leave the site (schemes, protocol-relative) or stay on
// the page.
func resolve(dir, link string) (string, bool) {
	if link == "" || link[0] == '#' || strings.HasPrefix(link, "https://") || strings.HasPrefix(link, "http://") {
		return "", false // the page itself, or another site: what url.Parse would tell, sooner
	}
	if plainPath(link) { // the common case, without parsing a URL
		return joinLink(dir, link), true
	}
	u, err := url.Parse(link)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(link, "//") || u.Path == "" {
		return "", false
	}
	return joinLink(dir, u.Path), true
}

// insideSite tells whether link, on any page, points to a file of the
// site (resolve's ok), without building the path in the common case.
func insideSite(link string) bool {
	if plainPath(link) {
		return true
	}
	_, ok := resolve(".", link)
	return ok
}

// plainPath tells whether link is a non-empty path that url.Parse would
// return unchanged: no scheme, query, fragment, escapes or control bytes.
func plainPath(link string) bool {
	if link == "" || strings.HasPrefix(link, "//") {
		return false
	}
	for i := 0; i < len(link); i++ {
		switch c := link[i]; {
		case c < 0x21 || c == 0x7f, c == ':', c == '?', c == '#', c == '%', c == '\\':
			return false
		}
	}
	return true
}

// joinLink makes the link path p on a page in dir an output path; a folder
// link means its index.html.
func joinLink(dir, p string) string {
	folder := strings.HasSuffix(p, "/")
	if !strings.HasPrefix(p, "/") {
		p = path.Join(dir, p)
	}
	p = strings.TrimPrefix(path.Clean(p), "/")
	switch {
	case folder && (p == "." || p == ""):
		return "index.html" // "./": the folder the page is in, at the site root
	case folder:
		p += "/index.html"
	}
	return p
}

var unescaper = strings.NewReplacer("&amp;", "&", "&#34;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">")

func htmlUnescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	return unescaper.Replace(string(b))
}
