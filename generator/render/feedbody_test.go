package render

import (
	"encoding/xml"
	"strings"
	"testing"
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
