package render

import (
	"bytes"
	"html/template"
	"regexp"
	"strings"
	"unicode/utf8"

	"alisnord/generator/site"
)

// feedStyle is the XSLT stylesheet (templates/assets/feed.xsl) that makes
// a browser show a feed as a readable page that says how to subscribe;
// feed readers ignore it.
const feedStyle = "assets/feed.xsl"

// feedBody renders article page p's Markdown again for the feed, as feed
// readers show it: each chart as its table, with a link to the drawing
// on the page, since readers drop inline SVG, would show both the desktop
// and the phone drawing, and turn <details> into a bare «Details»; and no
// text meant only for screen readers, which readers show as it stands.
func (r *renderer) feedBody(p *Page) string {
	if p == nil {
		return ""
	}
	if t := r.feedText[p.Article]; t != nil && t.ok {
		return t.body // the page's own conversion (render.go, page)
	}
	env := mdEnv{figures: r.viewOf(p).figures, chart: r.feedChart(p), rel: p.relLink, lenient: true}
	body, _, _ := convert(r.md, p.Article, env)
	return feedBodyOf(body)
}

// feedBodyOf is an article's HTML as the feeds show it: without the text
// the site hides from the eye.
func feedBodyOf(body template.HTML) string {
	return string(screenReaderOnly.ReplaceAll([]byte(body), nil))
}

// feedText is one feed entry's text, set by the rendering of its page
// when the page's conversion stands for the feed's (ok).
type feedText struct {
	body string
	ok   bool
}

// keepFeedTexts makes, before the pages render, a place for the feed
// text of every article a feed carries: a page whose Markdown asks for
// no chart and no photo leaves its HTML there, and the feeds need not
// convert that article again.
func (r *renderer) keepFeedTexts() {
	entries := feedEntries(r.site)
	r.feedText = make(map[*site.Article]*feedText, len(entries))
	for _, a := range entries {
		r.feedText[a] = &feedText{}
	}
}

// screenReaderOnly matches the text the site hides from the eye; none is
// nested, so a regular expression finds its end.
var screenReaderOnly = regexp.MustCompile(`<span class="visually-hidden">[^<]*</span>`)

// feedChart is chartHTML for the feed: the "chart-feed" partial.
func (r *renderer) feedChart(p *Page) func(string) (html, problem string, known bool) {
	return func(name string) (string, string, bool) {
		views := r.chartViews(p, name)
		if len(views) == 0 {
			h, ok := r.noFiguresYet(p, name)
			return h, "", ok
		}
		if views[0].problem != "" || r.tmpl == nil {
			return "", "", true // the page reports it
		}
		h, err := r.tmpl.partial("chart-feed", feedChartView{views[0], p.Abs(p.URL)})
		if err != nil {
			return "", "", true // the page's own render reports the template
		}
		return h, "", true
	}
}

// feedChartView is what the "chart-feed" partial sees: the chart, and the
// absolute address of the page that draws it, since many feed readers
// ignore xml:base.
type feedChartView struct {
	ChartView
	PageURL string
}

// marshalFeed is marshalXML with the stylesheet instruction at style, a
// link relative to the feed.
func marshalFeed(v any, style string) []byte {
	out := marshalXML(v)
	pi := []byte("<?xml-stylesheet type=\"text/xsl\" href=\"" + escapeXMLText(style) + "\"?>\n")
	i := bytes.IndexByte(out, '\n') + 1 // after the XML declaration
	return append(out[:i:i], append(pi, out[i:]...)...)
}

// escapeXMLText escapes s as encoding/xml escapes character data
// (xml.EscapeText: also quotes, tabs and line ends, and U+FFFD for what
// XML may not hold), with the printable ASCII that needs nothing passed
// over in runs: a feed's text is escaped once per article, not once per
// feed that carries it (FuzzEscapeXMLText).
func escapeXMLText(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		width := 1
		if c < utf8.RuneSelf {
			esc = xmlEscapes[c]
			if esc == "" {
				i++
				continue
			}
		} else {
			r, w := utf8.DecodeRuneInString(s[i:])
			width = w
			if !xmlChar(r) || r == utf8.RuneError && w == 1 {
				esc = "\uFFFD"
			}
			if esc == "" {
				i += w
				continue
			}
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		i += width
		last = i
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// xmlEscapes is what escapeXMLText writes for each ASCII byte, "" for
// the byte itself.
var xmlEscapes = func() (t [utf8.RuneSelf]string) {
	for c := range utf8.RuneSelf {
		if !xmlChar(rune(c)) {
			t[c] = "\uFFFD"
		}
	}
	t['"'], t['\''], t['&'], t['<'], t['>'] = "&#34;", "&#39;", "&amp;", "&lt;", "&gt;"
	t['\t'], t['\n'], t['\r'] = "&#x9;", "&#xA;", "&#xD;"
	return t
}()

// xmlChar tells whether XML 1.0 allows r in a document.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
