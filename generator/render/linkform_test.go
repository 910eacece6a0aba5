package render

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"alisnord/generator/site"
)

// TestLinkForms builds the small site in both link forms: the web build
// links to folders and never to an index.html, the offline bundle links
// to the index.html of every folder page; both pass the build's link check.
func TestLinkForms(t *testing.T) {
	m, s := smallSite(t)
	for _, form := range []LinkForm{LinkFolders, LinkFiles} {
		files, err := Site(s, Options{Root: m, Links: form})
		if err != nil {
			t.Fatalf("form %d: %v", form, err)
		}
		internal := 0
		for _, f := range files {
			if !strings.HasSuffix(f.Path, ".html") || f.Path == "404.html" {
				continue
			}
			attrLinks(f.Data, func(raw []byte) {
				link := htmlUnescape(raw)
				target, ok := resolve(pathDir(f.Path), link)
				if !ok {
					return
				}
				internal++
				isPage := strings.HasSuffix(target, "index.html")
				p, _, _ := strings.Cut(link, "#")
				switch {
				case form == LinkFolders && strings.HasSuffix(p, "index.html"):
					t.Errorf("web build: %s links to %s", f.Path, link)
				case form == LinkFiles && isPage && !strings.HasSuffix(p, "index.html"):
					t.Errorf("offline bundle: %s links to %s", f.Path, link)
				}
			})
		}
		if internal < 100 {
			t.Errorf("form %d: only %d internal links seen", form, internal)
		}
	}
}

func pathDir(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return ""
}

// TestLinkFormChecked plants a link of the wrong form in a template,
// computed and written out: the build's link check reports it.
func TestLinkFormChecked(t *testing.T) {
	tests := []struct {
		name string
		form LinkForm
		link string
		want string
	}{
		{"web build, index.html", LinkFolders, `<a href="{{.Rel "nyheter/"}}index.html">x</a>`, `lenken "nyheter/index.html" ender på index.html`},
		{"bundle, folder", LinkFiles, `<a href="nyheter/">x</a>`, `templates/pages/front.html:1:27: lenken "nyheter/" peker til en mappe`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ar, err := txtar.ParseFile("testdata/small.txtar")
			if err != nil {
				t.Fatal(err)
			}
			m := archiveFS(ar)
			repoTemplates(t, m)
			page := m["templates/pages/front.html"]
			page.Data = []byte(strings.Replace(string(page.Data), `{{define "main"}}`, `{{define "main"}}`+tc.link, 1))
			s, err := site.Load(m, site.Options{Now: testNow})
			if err != nil {
				t.Fatal(err)
			}
			_, err = Site(s, Options{Root: m, Links: tc.form})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("want a problem %s…, got %v", tc.want, err)
			}
		})
	}
}

// TestAddressesAgree: each page's canonical address, og:url and sitemap
// entry are the same clean address (a folder, no index.html), and the
// feed's entries link to those addresses.
func TestAddressesAgree(t *testing.T) {
	files := fileMap(t, smallFS(t))
	canonical := regexp.MustCompile(`<link rel="canonical" href="([^"]*)">`)
	ogURL := regexp.MustCompile(`<meta property="og:url" content="([^"]*)">`)
	sitemap := string(files["sitemap.xml"])
	for path, data := range files {
		if !strings.HasSuffix(path, ".html") || path == "404.html" {
			continue
		}
		c, o := canonical.FindSubmatch(data), ogURL.FindSubmatch(data)
		if c == nil || o == nil || string(c[1]) != string(o[1]) {
			t.Errorf("%s: canonical %q and og:url %q differ", path, c, o)
			continue
		}
		addr := string(c[1])
		if strings.HasSuffix(addr, "index.html") || !strings.HasSuffix(addr, "/") {
			t.Errorf("%s: address %s is not a folder", path, addr)
		}
		if !strings.Contains(sitemap, "<loc>"+addr+"</loc>") {
			t.Errorf("%s: %s is not in the sitemap", path, addr)
		}
	}
	for _, m := range regexp.MustCompile(`<link href="([^"]*)" rel="alternate"`).FindAllStringSubmatch(string(files["feed.xml"]), -1) {
		if strings.HasSuffix(m[1], "index.html") || !strings.HasSuffix(m[1], "/") {
			t.Errorf("feed links to %s", m[1])
		}
	}
}
