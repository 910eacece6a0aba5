package render

import (
	"strings"
	"testing"
)

// articleHead is the front matter of the test articles: the body starts
// on line 5 of content/nyheter/x.md.
const articleHead = "+++\ntitle = \"T\"\ndate = 2019-01-05\n+++\n"

// TestAllMarkdownProblemsReported plants an unknown figure, a malformed
// shortcode, an unknown chart, an unsafe link and a broken link in one
// article: every one is reported in one run, sorted.
func TestAllMarkdownProblemsReported(t *testing.T) {
	body := "{{< tall ukjent >}}\n\n{{% tall x %}}\n\n```chart ukjent\n```\n\n[a](javascript:x) [b](/finnes-ikke/)\n"
	_, err := buildArchive(t, smallWith(t, "content/nyheter/x.md", articleHead+body))
	want := []string{
		`content/nyheter/x.md:5:1: ukjent tall "ukjent"`,
		`content/nyheter/x.md:7:1: tall skrives`,
		`content/nyheter/x.md:9:4: ukjent figur "ukjent"`,
		`content/nyheter/x.md:12:2: lenken bruker et utrygt skjema`,
		`content/nyheter/x.md:12:20: lenken "/finnes-ikke/" peker ikke til noen side`,
	}
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(want) {
		t.Fatalf("want %d problems, got:\n%v", len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("problem %d: want %s…, got %s", i+1, w, lines[i])
		}
	}
}
