package site

// The site paths of the model's pages, below the site root: the one place
// that knows where each page lives. render turns them into links in the
// build's form (render.Page.Rel); templates never assemble a path.

// URL is the site path of the article's page, such as "nyheter/sak/".
func (a *Article) URL() string { return a.Slug + "/" }

// URL is the site path of the tag's list of articles.
func (t *Tag) URL() string { return "tagger/" + t.Slug + "/" }

// Feed is the site path of the tag's Atom feed.
func (t *Tag) Feed() string { return t.URL() + "feed.xml" }

// URL is the site path of the area's page.
func (a *Area) URL() string { return "omrader/" + a.ID + "/" }

// URL is the site path of the participant's page.
func (p *Participant) URL() string { return "deltakere/" + p.ID + "/" }
