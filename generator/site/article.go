package site

import (
	"bytes"
	"path"
	"reflect"
	"strings"
	"time"
	"unicode"

	"alisnord/generator/diag"
)

// Article is one Markdown file under content/: a news article when it lies
// in content/nyheter/, otherwise a stand-alone page. Meta is what the file
// says about itself; Body is its Markdown. The renderer's dependency keys
// hash Meta as a whole, so a field added there is noticed by every list,
// tag page and neighbour that may show it.
type Article struct {
	Meta
	Body []byte

	Future  bool // publishes after the build's clock: shown only with -future
	Expired bool // expired before the build's clock: shown only with -expired

	Prev, Next *Article // older and newer neighbour among published news

	tagSlugs []string // Slugify of each of Tags, made when the file is parsed
	slugged  []string // the Tags they were made from
}

// Meta is everything an article's file says but its Markdown body: its
// place, its front matter and the line the body starts on. Two parses of a
// file whose Meta is equal (SameMeta) differ in the body alone.
type Meta struct {
	Path        string // e.g. content/nyheter/styringsgruppen-samles.md
	Slug        string // URL path below the site root, without slashes at the ends
	News        bool
	Title       string
	Summary     string
	Author      string
	Date        time.Time
	PublishDate time.Time
	ExpiryDate  time.Time
	Tags        []string
	TagsLine    int // line of tags in the front matter, for messages about a tag
	Draft       bool
	Layout      Layout   // "" for an ordinary page, or LayoutSlideDeck
	Image       string   // main image, a path relative to the file (front matter image)
	ImageAlt    string   // its alt text (front matter image_alt)
	ImagePos    diag.Pos // where image is set, for problems with the file
	BodyLine    int      // line of the file where Body starts
	// FiguresAt is the day the page's figures and charts are as of
	// (tall_per; for news their date by default); zero for the newest.
	FiguresAt time.Time
	// FiguresLatest is set by tall_per = "siste": the newest figures, even
	// for a news article or a slide deck.
	FiguresLatest bool
	LastMod       time.Time // lastmod: when the text was last changed, if not on Date
}

// SameMeta tells whether a and b, parsed from the same file, differ at most
// in their Markdown body: then only the pages that show the body change.
func SameMeta(a, b *Article) bool { return reflect.DeepEqual(a.Meta, b.Meta) }

// frontMatter is the TOML between the +++ lines at the top of an article.
type frontMatter struct {
	Title       string    `toml:"title"`
	Date        time.Time `toml:"date"`
	Summary     string    `toml:"summary"`
	Author      string    `toml:"author"`
	Tags        []string  `toml:"tags"`
	Draft       bool      `toml:"draft"`
	PublishDate time.Time `toml:"publishDate"`
	ExpiryDate  time.Time `toml:"expiryDate"`
	Layout      Layout    `toml:"layout"`
	TallPer     any       `toml:"tall_per"` // a date, or "siste" (articledates.go)
	LastMod     time.Time `toml:"lastmod"`
	Image       string    `toml:"image"`
	ImageAlt    string    `toml:"image_alt"`
}

const fmDelim = "+++"

// SplitFrontMatter cuts src into its TOML front matter and its Markdown body.
// fmLine and bodyLine are the file lines where each starts. A file without
// front matter, or whose front matter never closes, gives a diagnostic.
func SplitFrontMatter(file string, src []byte) (fm []byte, fmLine int, body []byte, bodyLine int, d *diag.Diagnostic) {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if string(bytes.TrimRight(first, " \t\r")) != fmDelim {
		return nil, 0, nil, 0, &diag.Diagnostic{Pos: diag.Pos{Path: file, Line: 1, Col: 1}, Msg: "filen må begynne med en linje med bare +++, så front matter (title, date …), så en ny linje med +++"}
	}
	line := 2
	start := rest
	for len(rest) > 0 {
		l, next, _ := bytes.Cut(rest, []byte("\n"))
		if string(bytes.TrimRight(l, " \t\r")) == fmDelim {
			fm = start[:len(start)-len(rest)]
			return fm, 2, next, line + 1, nil
		}
		rest = next
		line++
	}
	return nil, 0, nil, 0, &diag.Diagnostic{Pos: diag.Pos{Path: file, Line: 1, Col: 1}, Msg: "front matter åpnes med +++ på linje 1, men lukkes aldri med en ny +++-linje"}
}

// parseArticle reads one Markdown file. news tells whether it is a news
// article, where date is required.
func parseArticle(file string, src []byte, news bool, ds *diag.Diagnostics) *Article {
	if !checkText(file, src, ds) {
		return nil
	}
	fmSrc, fmLine, body, bodyLine, d := SplitFrontMatter(file, src)
	if d != nil {
		ds.Add(d.Pos, "%s", d.Msg)
		return nil
	}
	var fm frontMatter
	ix, ok := quickFrontMatter(file, fmSrc, fmLine-1, &fm)
	if !ok {
		fm = frontMatter{}
		if ix, ok = decodeTOML(file, fmSrc, fmLine-1, &fm, ds); !ok {
			return nil
		}
	}
	require(ds, ix, "", &fm, "title")
	if news {
		require(ds, ix, "", &fm, "date")
	}
	a := &Article{Meta: Meta{
		Path: file, News: news, Title: fm.Title, Summary: fm.Summary, Author: fm.Author,
		Date: fm.Date, PublishDate: fm.PublishDate, ExpiryDate: fm.ExpiryDate,
		Tags: fm.Tags, Draft: fm.Draft, Layout: fm.Layout, BodyLine: bodyLine,
	}, Body: body}
	checkImage(a, fm, ix, ds)
	switch {
	case fm.Layout == "":
	case !fm.Layout.Valid():
		ds.Add(ix.at("layout"), "ukjent layout %q: layout må være %s, eller utelatt for en vanlig side", string(fm.Layout), allowed(Layouts))
	case news:
		ds.Add(ix.at("layout"), "en nyhetssak kan ikke være lysbilder; legg filen utenfor content/nyheter/")
	}
	a.Slug = ArticleSlug(file)
	a.dates(fm, ix, ds)
	a.TagsLine = ix.at("tags").Line
	a.tagSlugs, a.slugged = slugsOf(a.Tags), a.Tags
	for i, slug := range a.tagSlugs {
		if slug == "" {
			ds.Add(ix.at("tags"), "tag nummer %d er tom", i+1)
		}
	}
	if !a.ExpiryDate.IsZero() && !a.ExpiryDate.After(a.published()) {
		ds.Add(ix.at("expiryDate"), "expiryDate (%s) er ikke etter publiseringsdatoen (%s)",
			isoDate(a.ExpiryDate), isoDate(a.published()))
	}
	return a
}

// published is when the article goes public: publishDate, or else date.
func (a *Article) published() time.Time {
	if !a.PublishDate.IsZero() {
		return a.PublishDate
	}
	return a.Date
}

func isoDate(t time.Time) string { return t.Format("2006-01-02") }

// ArticleSlug gives the URL path of content/<dir>/<name>.md: news articles
// live under nyheter/<slug>, other pages under <dir>/<slug>. A page bundle,
// content/<dir>/<slug>/index.md with its photos beside it, is named by its
// folder.
func ArticleSlug(file string) string {
	rel := strings.TrimSuffix(strings.TrimPrefix(file, "content/"), ".md")
	if d, name := path.Split(rel); name == "index" && d != "" {
		rel = strings.TrimSuffix(d, "/")
	}
	dir, name := path.Split(rel)
	parts := []string{}
	for _, p := range strings.Split(strings.Trim(dir, "/"), "/") {
		if p != "" {
			parts = append(parts, Slugify(p))
		}
	}
	return strings.Join(append(parts, Slugify(name)), "/")
}

// TagSlugs returns the slug of each of a's tags, in the order of Tags.
// They are made once, when the file is parsed, for every load, tag list
// and related-news index asks for them again; an article made otherwise,
// or given other Tags since, has them made on each call.
func (a *Article) TagSlugs() []string {
	if len(a.Tags) == 0 || len(a.slugged) == len(a.Tags) && &a.slugged[0] == &a.Tags[0] {
		return a.tagSlugs
	}
	return slugsOf(a.Tags)
}

func slugsOf(names []string) []string {
	if len(names) == 0 {
		return nil
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = Slugify(n)
	}
	return out
}

// Slugify turns a Norwegian name into a URL-safe slug: lower case a–z, 0–9
// and single hyphens (æ→ae, ø→o, å→a).
func Slugify(s string) string {
	var b strings.Builder
	b.Grow(len(s)) // one allocation: a slug is seldom longer than the name
	dash := false
	for _, r := range s {
		r = unicode.ToLower(r) // as strings.ToLower would, without a copy of s
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
			continue
		case r == 'æ':
			b.WriteString("ae")
			dash = false
			continue
		case r == 'ø' || r == 'ö':
			b.WriteString("o")
			dash = false
			continue
		case r == 'å' || r == 'ä' || r == 'á':
			b.WriteString("a")
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
