package render

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"alisnord/generator/site"
)

// descriptionMax is how long a description taken from the text may be:
// search results and link previews cut near it anyway.
const descriptionMax = 160

// description is the article's summary, or else its first paragraph as
// plain text, cut at a word near descriptionMax (site.Warnings tells the
// editor).
func description(a *site.Article) string {
	if s := strings.TrimSpace(a.Summary); s != "" {
		return a.Summary
	}
	return cutWords(plainText(firstParagraph(a.Body)), descriptionMax)
}

// firstParagraph is the first block of lines of body that is ordinary
// text: not a heading, list, quote, table, image, code or shortcode.
func firstParagraph(body []byte) string {
	for rest, more := body, true; more; {
		var block []byte
		block, rest, more = bytes.Cut(rest, []byte("\n\n"))
		b := bytes.TrimSpace(block)
		if len(b) == 0 || bytes.ContainsAny(b[:1], "#-*>|!`{<0123456789") {
			continue
		}
		return strings.Join(strings.Fields(string(b)), " ")
	}
	return ""
}

var (
	mdLinkText = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdMarks    = strings.NewReplacer("**", "", "__", "", "*", "", "_", "", "`", "")
)

// plainText drops the Markdown marks from a line of text.
func plainText(s string) string {
	return mdMarks.Replace(mdLinkText.ReplaceAllString(s, "$1"))
}

// cutWords shortens s to at most n characters, at a space, with "…".
func cutWords(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	if i := strings.LastIndexByte(string(r), ' '); i > n/2 {
		return strings.TrimRight(string(r)[:i], " ,.;:") + " …"
	}
	return string(r) + "…"
}
