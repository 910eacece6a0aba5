package render

import "alisnord/generator/output"

// extras renders the files that are not HTML pages: the Atom feed, the
// sitemap, robots.txt and the chart downloads. It runs after the pages,
// whose bodies it reuses.
func (r *renderer) extras(pages []*Page) []output.File {
	out := []output.File{
		{Path: "sitemap.xml", Data: r.memo.sitemap(r, pages)},
		{Path: "robots.txt", Data: []byte("User-agent: *\nAllow: /\n\nSitemap: " + r.site.Settings.BaseURL + "sitemap.xml\n")},
	}
	out = append(out, r.feeds(pages)...)
	out = append(out, r.chartFiles()...)
	return append(out, historyFiles(r.site, r.latest.fig)...)
}

// extraPaths lists the paths of extras before any page is rendered.
func (r *renderer) extraPaths() []string {
	out := []string{"feed.xml", "sitemap.xml", "robots.txt"}
	for i := range r.site.Tags {
		out = append(out, r.site.Tags[i].Feed())
	}
	for _, f := range r.chartFiles() {
		out = append(out, f.Path)
	}
	return append(out, historyFile+".csv", historyFile+".json")
}
