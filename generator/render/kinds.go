package render

// Kind is what sort of page a page is; it names the page's template,
// templates/pages/<Kind>.html, and the class kind-<Kind> on its body.
type Kind string

// The kinds of page. TestKindsHaveTemplates checks that each has its
// template and each template its kind.
const (
	KindFront        Kind = "front"
	KindNews         Kind = "news" // a list of news: the news pages and each tag's
	KindArchive      Kind = "archive"
	KindTags         Kind = "tags"
	KindArticle      Kind = "article" // one news article
	KindPage         Kind = "page"    // a stand-alone page from content/
	KindSlides       Kind = "slides"  // a slide deck from content/
	KindStats        Kind = "stats"
	KindAreas        Kind = "areas"
	KindArea         Kind = "area"
	KindParticipants Kind = "participants"
	KindParticipant  Kind = "participant"
	KindProject      Kind = "project"
	KindEvents       Kind = "events"
	KindConference   Kind = "conference"
	KindFactSheet    Kind = "factsheet"
	KindSearch       Kind = "search"
	KindEnglish      Kind = "english"
	KindNotFound     Kind = "404"
)

// Kinds lists every kind of page.
var Kinds = []Kind{KindFront, KindNews, KindArchive, KindTags, KindArticle, KindPage, KindSlides,
	KindStats, KindAreas, KindArea, KindParticipants, KindParticipant, KindProject, KindEvents,
	KindConference, KindFactSheet, KindSearch, KindEnglish, KindNotFound}

// ShowsArticle tells whether a page of the kind is one article's own page,
// showing its body: what an edit of the body renders again.
func (k Kind) ShowsArticle() bool { return k == KindArticle || k == KindPage || k == KindSlides }
