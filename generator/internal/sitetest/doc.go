// Package sitetest is for tests only: it gives them the repository's own
// site sources (data/, content/, templates/) as an fs.FS or as a folder
// copy they may change, and a chart renderer that is the real
// chart.Renderer, chart store included, over a stub ECharts bundle, so no
// test replaces more than ECharts itself.
package sitetest
