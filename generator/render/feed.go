package render

import (
	"encoding/xml"
	"strings"
	"time"

	"alisnord/generator/output"
	"alisnord/generator/site"
)

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	Sub     string      `xml:"subtitle,omitempty"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Base string `xml:"xml:base,attr,omitempty"`
	Body string `xml:",innerxml"` // escaped already (escapeXMLText), once per article
}

type atomEntry struct {
	Title     string      `xml:"title"`
	ID        string      `xml:"id"`
	Links     []atomLink  `xml:"link"` // the page, and rel="enclosure" for its main image
	Published string      `xml:"published"`
	Updated   string      `xml:"updated"`
	Author    *atomAuthor `xml:"author,omitempty"`
	Category  []atomCat   `xml:"category"`
	Summary   string      `xml:"summary,omitempty"`
	Content   atomText    `xml:"content"`
}

type atomCat struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr"`
}

func atomTime(t time.Time) string { return t.Format("2006-01-02") + "T00:00:00Z" }

// feedSize is how many of the newest articles a feed carries.
const feedSize = 20

// feeds renders the Atom feed of all news and one for each tag.
func (r *renderer) feeds(pages []*Page) []output.File {
	pageOf := make(map[*site.Article]*Page, len(r.site.Articles))
	for _, p := range pages {
		if p.Kind == KindArticle {
			pageOf[p.Article] = p
		}
	}
	s := r.site
	bodies := r.feedBodies(pageOf)
	body := func(a *site.Article) string { return bodies[a] }
	feed := func(path, title, subtitle, dir string, articles []*site.Article) output.File {
		return output.File{Path: path, Data: r.memo.feed(path, title+"\x00"+subtitle+"\x00"+dir, firstN(articles, feedSize), pageOf,
			func() []byte { return r.feed(title, subtitle, dir, articles, body) })}
	}
	// The news feed first, then one per tag, made on every core.
	out := make([]output.File, 1+len(s.Tags))
	inChunks(len(out), 8, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if i == 0 {
				out[i] = feed("feed.xml", s.Settings.Title, s.Settings.Tagline, "", s.Articles)
				continue
			}
			t := &s.Tags[i-1]
			out[i] = feed(t.Feed(), s.Settings.Title+": "+t.Name, "Nyheter om "+t.Name, t.URL(), t.Articles)
		}
	})
	return out
}

// feedBodies converts, on every core, the text of each article that a
// feed carries (feedBody), once however many feeds carry it, and escapes
// it for the XML it is written into.
func (r *renderer) feedBodies(pageOf map[*site.Article]*Page) map[*site.Article]string {
	entries := feedEntries(r.site)
	texts := make([]string, len(entries))
	inChunks(len(entries), 16, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			texts[i] = r.memo.feedXML(r, pageOf[entries[i]])
		}
	})
	bodies := make(map[*site.Article]string, len(entries))
	for i, a := range entries {
		bodies[a] = texts[i]
	}
	return bodies
}

// feedEntries lists, once each, the articles that some feed of s carries.
func feedEntries(s *site.Site) []*site.Article {
	var entries []*site.Article
	seen := map[*site.Article]bool{}
	add := func(list []*site.Article) {
		for _, a := range firstN(list, feedSize) {
			if !seen[a] {
				seen[a] = true
				entries = append(entries, a)
			}
		}
	}
	add(s.Articles)
	for i := range s.Tags {
		add(s.Tags[i].Articles)
	}
	return entries
}

// feed is the Atom feed of the newest articles, with their full text as
// feed readers show it (feedBody). dir is the folder of the feed and of
// the page it stands for ("" for the news, "tagger/x/" for a tag).
func (r *renderer) feed(title, subtitle, dir string, articles []*site.Article, body func(*site.Article) string) []byte {
	s := r.site
	base := s.Settings.BaseURL
	f := atomFeed{Lang: s.Settings.Language, Title: title, Sub: subtitle, ID: base + dir + "feed.xml",
		Updated: "2000-01-01T00:00:00Z", Author: atomAuthor{Name: s.Project.Owner},
		Links: []atomLink{{Href: base + dir + "feed.xml", Rel: "self", Type: "application/atom+xml"}, {Href: base + dir, Rel: "alternate", Type: "text/html"}}}
	if dir == "" {
		f.ID = base // the news feed's id since it was first published
	}
	for _, a := range firstN(articles, feedSize) {
		if u := atomTime(a.Updated()); u > f.Updated {
			f.Updated = u // the newest change, lastmod included
		}
	}
	for _, a := range firstN(articles, feedSize) {
		url := base + a.URL()
		e := atomEntry{Title: a.Title, ID: url, Links: []atomLink{{Href: url, Rel: "alternate", Type: "text/html"}},
			Published: atomTime(a.Date), Updated: atomTime(a.Updated()), Summary: a.Summary,
			Content: atomText{Type: "html", Base: url, Body: body(a)}}
		if a.Author != "" {
			e.Author = &atomAuthor{Name: a.Author}
		}
		if img, ok := r.enclosure(a); ok {
			e.Links = append(e.Links, img)
		}
		for _, t := range s.TagsOf(a) {
			e.Category = append(e.Category, atomCat{Term: t.Slug, Label: t.Name})
		}
		f.Entries = append(f.Entries, e)
	}
	return marshalFeed(f, strings.Repeat("../", strings.Count(dir, "/"))+feedStyle)
}
