package render

// Alternate is the same page in another language, for hreflang links.
type Alternate struct {
	Lang, URL string // URL: site path
}

// englishURL is the English page's site path.
const englishURL = "en/"

// englishPage is en/: what ALIS-Nord is, its key figures and its contact,
// for readers who do not read Norwegian, linked both ways with the front
// page (hreflang).
func (r *renderer) englishPage(front *Page) *Page {
	p := newPage(r, KindEnglish, englishURL, "ALIS-Nord in English")
	p.Lang = "en"
	p.Description = "ALIS-Nord: training positions for general practitioners in Northern Norway. What the project is, key figures and contact."
	both := []Alternate{{r.site.Settings.Language, front.URL}, {"en", englishURL}}
	p.Alternates, front.Alternates = both, both
	return p
}

// Language is the language of the page's text: the site's, or the page's
// own (the English page).
func (p *Page) Language() string {
	if p.Lang != "" {
		return p.Lang
	}
	return p.Site.Settings.Language
}

// Locale is the page's og:locale.
func (p *Page) Locale() string {
	if p.Lang == "en" {
		return "en_GB"
	}
	return "nb_NO"
}

// SiteLanguage is the site's language where the page is in another one
// (for the Norwegian menu and footer around an English page); "" where it
// is not.
func (p *Page) SiteLanguage() string {
	if p.Lang == "" || p.Lang == p.Site.Settings.Language {
		return ""
	}
	return p.Site.Settings.Language
}
