// Package render turns the checked site model into the files of the public
// site: HTML pages from html/template (one template per page Kind), the
// Markdown of articles through package markdown, charts as inline SVG
// (drawn by package chart), the Atom feeds, the sitemap, the CSV and JSON
// downloads, the photos and the static assets.
//
// Engine is the one way to render: Render hands every file to a Sink as
// soon as it is ready. An engine that Forgets (a build, a check, a
// bundle) keeps nothing; one that Remembers (the dev server) keeps the
// templates, the drawn charts and every page, and renders again only the
// pages whose key changed: a hash of the page's inputs (keys.go), taken
// from the model itself (site.Meta, the data) rather than from lists of
// fields. Refresh is the fast case of an edit of article bodies alone.
//
// Files: engine.go, keys.go and refresh.go are the engine; pages.go lists
// the pages, page.go is what a template sees; charts.go, chartlist.go and
// chartbuild.go make the chart specs from the data; feed.go, sitemap.go,
// downloads.go and assets.go the files that are not pages.
package render
