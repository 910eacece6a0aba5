package render

// searchPage is sok/, where the search runs (assets/sok.js with the index
// Pagefind writes after the build). Without JavaScript, and in the offline
// bundle, where Pagefind cannot load from file://, it offers the archive.
func (r *renderer) searchPage(archive []*Page) *Page {
	p := newPage(r, KindSearch, "sok/", "Søk")
	p.Nav, p.Description = "sok", "Søk i nyheter, sider, områder og deltakere i ALIS-Nord."
	if len(archive) > 0 {
		p.Years = archive[0].Years
	}
	if !p.Offline() {
		p.Scripts = []string{"assets/sok.js"}
	}
	return p
}

// Offline tells whether the page is built for the offline bundle, read
// from file://, where nothing can be fetched: no search.
func (p *Page) Offline() bool { return p.form == LinkFiles }

// unindexed are the kinds of page the search leaves out: lists that
// repeat what the articles say, the search page itself, the 404 page,
// slides and fact sheets, which repeat the pages they come from, and the
// English page (the index is Norwegian).
var unindexed = map[Kind]bool{KindFront: true, KindNews: true, KindArchive: true, KindTags: true, KindSearch: true, KindNotFound: true, KindSlides: true, KindFactSheet: true, KindEnglish: true}

// Indexed tells whether the search indexes this page (data-pagefind-body
// on its main content).
func (p *Page) Indexed() bool { return !unindexed[p.Kind] }
