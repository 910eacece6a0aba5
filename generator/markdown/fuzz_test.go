package markdown

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"alisnord/generator/site"
)

// allowedTags are the elements Markdown may produce with an Env that
// adds none of its own (no charts, no photos): anything else in the HTML
// came from the article's text, unescaped.
var allowedTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"a": true, "em": true, "strong": true, "code": true, "pre": true, "del": true, "br": true, "hr": true,
	"ul": true, "ol": true, "li": true, "blockquote": true, "img": true, "input": true, "span": true,
	"div": true, "table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
}

var tagName = regexp.MustCompile(`<(?:/?)([^\s/>]*)`)

// FuzzConvert converts any text as an article and as a slide deck: it
// must never panic, every problem must lie inside the body, and the HTML
// holds no element the Markdown did not make (raw HTML stays text).
func FuzzConvert(f *testing.F) {
	for _, seed := range []string{
		"## Tittel\n\nTekst med [lenke](/om/) og {{< tall soknader >}}.\n",
		"<script>alert(1)</script>\n\nEn <iframe src=x></iframe> i teksten.\n",
		"[a](javascript:alert(1)) <javascript:x> ![b](data:x)\n",
		"| a | b |\n|---|--:|\n| 1 | 2 |\n",
		"- [x] gjort\n- [ ] ikke\n\n> sitat\n\n1. en\n",
		"```chart x\n```\n\n{{% tall x %}} {{< tall\n",
		"---\n\n## En\n\n???\n\nNotat\n\n---\n",
		strings.Repeat("- ", 150) + "x\n",
	} {
		f.Add(seed)
	}
	md, slides := New(), NewSlides()
	f.Fuzz(func(t *testing.T, body string) {
		a := &site.Article{Meta: site.Meta{Path: "content/nyheter/x.md", BodyLine: 5}, Body: []byte(body)}
		lines := 5 + strings.Count(body, "\n")
		html, _, ds := Convert(md, a, hostileEnv())
		deck, _, _ := Convert(slides, a, hostileEnv())
		SplitSlides(deck)
		for _, d := range ds {
			if d.Pos.Path != a.Path || d.Pos.Line < 5 || d.Pos.Line > lines || d.Pos.Col < 1 {
				t.Errorf("problem outside the body (lines 5–%d): %v", lines, d)
			}
		}
		for _, h := range [][]byte{[]byte(html), []byte(deck)} {
			for _, m := range tagName.FindAllSubmatch(h, -1) {
				if name := string(bytes.ToLower(m[1])); !allowedTags[name] && !strings.HasPrefix(name, "!--") {
					t.Fatalf("element <%s> in the HTML of %q:\n%s", name, body, h)
				}
			}
		}
	})
}
