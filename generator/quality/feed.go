package quality

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// atomFeed is the part of an Atom feed (RFC 4287) that readers rely on.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
}

type atomEntry struct {
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated string     `xml:"updated"`
	Links   []atomLink `xml:"link"`
	Content struct {
		Type string `xml:"type,attr"`
		Body string `xml:",chardata"`
	} `xml:"content"`
}

// Feed checks an Atom feed, which the Nu HTML Checker cannot: well-formed
// XML in the Atom namespace; an id, a title and an RFC 3339 updated on the
// feed and on each entry; an alternate link on each entry under siteURL;
// a self link. It returns each entry's HTML content as a whole HTML
// document under its title as <h1>, the way feed readers show it, for the
// validator to check.
func Feed(page string, data []byte, siteURL string) ([]Problem, []string) {
	var f atomFeed
	if err := xml.NewDecoder(bytes.NewReader(data)).Decode(&f); err != nil {
		return []Problem{{page, "feed", "not a well-formed Atom feed: " + err.Error()}}, nil
	}
	var ps []Problem
	add := func(format string, args ...any) { ps = append(ps, Problem{page, "feed", fmt.Sprintf(format, args...)}) }
	need := func(what, id, title, updated string) {
		if strings.TrimSpace(id) == "" || strings.TrimSpace(title) == "" {
			add("%s lacks an id or a title", what)
		}
		if _, err := time.Parse(time.RFC3339, updated); err != nil {
			add("%s: updated %q is not an RFC 3339 time", what, updated)
		}
	}
	need("the feed", f.ID, f.Title, f.Updated)
	if link(f.Links, "self") == "" {
		add("the feed has no self link")
	}
	var docs []string
	for i, e := range f.Entries {
		what := fmt.Sprintf("entry %d (%q)", i+1, e.Title)
		need(what, e.ID, e.Title, e.Updated)
		if l := link(e.Links, "alternate"); !strings.HasPrefix(l, siteURL) {
			add("%s: alternate link %q is not under %s", what, l, siteURL)
		}
		if e.Content.Type == "html" {
			docs = append(docs, "<!DOCTYPE html>\n<html lang=\"nb\">\n<head>\n<meta charset=\"utf-8\">\n<title>"+
				xmlEscape(e.Title)+"</title>\n</head>\n<body>\n<h1>"+xmlEscape(e.Title)+"</h1>\n"+e.Content.Body+"\n</body>\n</html>\n")
		}
	}
	return ps, docs
}

func link(ls []atomLink, rel string) string {
	for _, l := range ls {
		if l.Rel == rel || (rel == "alternate" && l.Rel == "") {
			return l.Href
		}
	}
	return ""
}

func xmlEscape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
