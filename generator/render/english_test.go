package render

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestEnglishPage: en/ is in English (lang="en", the Norwegian menu and
// footer marked lang="nb"), links to the front page and back with
// hreflang both ways, and shows the key figures through the figure
// functions: its template holds no digit, so no typed number.
func TestEnglishPage(t *testing.T) {
	files := fileMap(t, smallFS(t))
	en, front := string(files["en/index.html"]), string(files["index.html"])
	for _, want := range []string{`<html lang="en">`, `<header class="site-header" lang="nb">`, `<footer class="site-footer" lang="nb">`,
		`<link rel="alternate" hreflang="nb" href="https://test.example/under/">`, `<link rel="alternate" hreflang="en" href="https://test.example/under/en/">`,
		`<span class="kf-number">5</span> <span class="kf-label">applications</span>`, `href="../" hreflang="nb"`} {
		if !strings.Contains(en, want) {
			t.Errorf("en/ lacks %s", want)
		}
	}
	for _, want := range []string{`<html lang="nb">`, `<link rel="alternate" hreflang="en" href="https://test.example/under/en/">`, `href="en/" hreflang="en"`} {
		if !strings.Contains(front, want) {
			t.Errorf("the front page lacks %s", want)
		}
	}
	src, err := os.ReadFile("../../templates/pages/english.html")
	if err != nil {
		t.Fatal(err)
	}
	text := regexp.MustCompile(`<[^>]*>|{{[^}]*}}`).ReplaceAllString(string(src), "") // the text, without markup
	if d := regexp.MustCompile(`[0-9]+`).FindString(text); d != "" {
		t.Errorf("templates/pages/english.html types the number %s; use the figure functions", d)
	}
}
