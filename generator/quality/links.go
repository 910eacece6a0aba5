package quality

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// LinkChecker fetches each URL on the site's own server that a page links to
// or loads, once, and reports the ones that do not answer 200 and the
// fragments that name no id on their page. The build checks links as it
// writes pages (render/links.go); this checks them as the browser resolved
// them, the 404 page's site-root links included, and that the web build
// links to folders (clean addresses), never to a folder's index.html.
type LinkChecker struct {
	origin string // scheme://host of the server
	cache  map[string]*target
}

type target struct {
	status int
	ids    map[string]bool
	err    error
}

// NewLinkChecker checks links against the server at origin.
func NewLinkChecker(origin string) *LinkChecker {
	return &LinkChecker{origin: strings.TrimSuffix(origin, "/"), cache: map[string]*target{}}
}

var idAttr = regexp.MustCompile(`\s(?:id|name)="([^"]+)"`)

// Check reports the broken links among urls, found on page, served at
// self. Links to the page itself need only their fragment to exist: the
// page may be the 404 page, served with status 404.
func (lc *LinkChecker) Check(page, self string, urls []string) []Problem {
	var ps []Problem
	for _, raw := range urls {
		u, err := url.Parse(raw)
		if err != nil {
			ps = append(ps, Problem{page, "links", fmt.Sprintf("unparseable link %q", raw)})
			continue
		}
		if u.Scheme+"://"+u.Host != lc.origin {
			continue // another site (not fetched: no network), mailto:, data:
		}
		frag := u.Fragment
		u.Fragment, u.RawFragment = "", ""
		t := lc.fetch(u.String())
		switch {
		case t.err != nil:
			ps = append(ps, Problem{page, "links", fmt.Sprintf("%s: %v", u.Path, t.err)})
		case t.status != http.StatusOK && u.String() != self:
			ps = append(ps, Problem{page, "links", fmt.Sprintf("link to %s answers %d", u.Path, t.status)})
		case strings.HasSuffix(u.Path, "/index.html") && u.String() != self: // a page's links to itself are its fragments
			ps = append(ps, Problem{page, "links", fmt.Sprintf("link to %s: the web build links to the folder, without index.html", u.Path)})
		case frag != "" && frag != "top" && t.ids != nil && !t.ids[frag]:
			ps = append(ps, Problem{page, "links", fmt.Sprintf("link to %s#%s: no element with that id", u.Path, frag)})
		}
	}
	return ps
}

func (lc *LinkChecker) fetch(u string) *target {
	if t, ok := lc.cache[u]; ok {
		return t
	}
	t := &target{}
	lc.cache[u] = t
	resp, err := http.Get(u)
	if err != nil {
		t.err = err
		return t
	}
	defer resp.Body.Close()
	t.status = resp.StatusCode
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		return t
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.err = err
		return t
	}
	t.ids = map[string]bool{}
	for _, m := range idAttr.FindAllSubmatch(body, -1) {
		t.ids[string(m[1])] = true
	}
	return t
}
