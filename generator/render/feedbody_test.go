package render

import (
	"bytes"
	"encoding/xml"
	"io/fs"
	"os"
	"strings"
	"testing"

	"alisnord/generator/bench/corpus"
	"alisnord/generator/internal/sitetest"
	"alisnord/generator/site"
)

// TestFeedReadsWell: the small site's feeds (the news and one per tag)
// carry each chart once, as a table with a link to its drawing, and no
// drawing, <details> or screen-reader-only text; each names the
// stylesheet that shows it as a page in a browser.
func TestFeedReadsWell(t *testing.T) {
	files := fileMap(t, smallFS(t))
	for _, name := range []string{"feed.xml", "tagger/soknader/feed.xml", "tagger/konferanse/feed.xml"} {
		data, ok := files[name]
		if !ok {
			t.Errorf("no %s", name)
			continue
		}
		var f struct {
			Entries []struct {
				Content string `xml:"content"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(data, &f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		charts := 0
		for i, e := range f.Entries {
			for _, bad := range []string{"<svg", "<details", "visually-hidden", "chart-narrow"} {
				if strings.Contains(e.Content, bad) {
					t.Errorf("%s: entry %d has %s", name, i+1, bad)
				}
			}
			charts += strings.Count(e.Content, `class="chart"`)
			if n, links := strings.Count(e.Content, `class="chart"`), strings.Count(e.Content, "Se figuren på nettstedet"); n != links {
				t.Errorf("%s: entry %d has %d charts but %d links to their drawing", name, i+1, n, links)
			}
		}
		if want := map[string]int{"feed.xml": 2, "tagger/soknader/feed.xml": 1}[name]; charts != want {
			t.Errorf("%s: %d charts, want %d (one a chart block)", name, charts, want)
		}
		depth := strings.Repeat("../", strings.Count(name, "/"))
		if !strings.Contains(string(data), `<?xml-stylesheet type="text/xsl" href="`+depth+`assets/feed.xsl"?>`) {
			t.Errorf("%s names no stylesheet at %sassets/feed.xsl", name, depth)
		}
	}
}

// TestPageTextStandsForFeedText: where a page's conversion says it stands
// for the feed's (no chart, no photo asked for), the feed text made from
// it is the one the feed's own conversion makes; and the repository's
// article with charts, and a synthetic one with a photo (marked as such in
// its text), do not stand for theirs.
func TestPageTextStandsForFeedText(t *testing.T) {
	synthetic, err := corpus.FS(corpus.SizeFor(400), os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	for name, root := range map[string]fs.FS{"repository": os.DirFS("../.."), "synthetic": synthetic} {
		s, err := site.Load(root, site.Options{Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		r, _, err := NewEngine(Forget).prepare(s, Options{Root: root, Charts: sitetest.NewCharts(t)})
		if err != nil {
			t.Fatal(err)
		}
		<-r.svgDone
		r.preparePhotos()
		same, other := 0, 0
		for _, p := range r.pages() {
			if p.Kind != KindArticle {
				continue
			}
			body, _, _, stands := r.convertPage(p)
			if !stands {
				other++
				continue
			}
			same++
			if got, want := feedBodyOf(body), r.feedBody(p); got != want {
				t.Errorf("%s: %s: the page's text differs from the feed's:\n got %s\nwant %s", name, p.Path, got, want)
			}
		}
		if same == 0 || other == 0 {
			t.Errorf("%s: %d pages stand for their feed text, %d do not: the test needs both", name, same, other)
		}
	}
}

// FuzzEscapeXMLText holds escapeXMLText to encoding/xml's escaping of
// character data, byte for byte.
func FuzzEscapeXMLText(f *testing.F) {
	for _, s := range []string{"", "Tromsø", `<p class="x">a & 'b'</p>`, "a\tb\nc\rd", "\x00\x01\x7f", "\xff\xfe", "\uFFFD", "\uFFFE", "\U0001F600", "\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		_ = xml.EscapeText(&want, []byte(s))
		if got := escapeXMLText(s); got != want.String() {
			t.Fatalf("%q: got %q, encoding/xml %q", s, got, want.String())
		}
	})
}
