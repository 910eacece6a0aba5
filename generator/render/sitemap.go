package render

import (
	"bytes"
	"encoding/xml"
)

type urlSet struct {
	XMLName xml.Name  `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []siteURL `xml:"url"`
}

type siteURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemap lists every public HTML page but the 404 page.
func (r *renderer) sitemap(pages []*Page) []byte {
	var set urlSet
	for _, p := range pages {
		if p.Kind == KindNotFound {
			continue
		}
		u := siteURL{Loc: r.site.Settings.BaseURL + p.URL}
		if d := p.lastMod(); !d.IsZero() {
			u.LastMod = d.Format("2006-01-02")
		}
		set.URLs = append(set.URLs, u)
	}
	return marshalXML(set)
}

func marshalXML(v any) []byte {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic("render: feed types do not marshal: " + err.Error()) // a bug in this file, not bad input
	}
	buf.WriteByte('\n')
	return buf.Bytes()
}
