package site

import (
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"time"

	"alisnord/generator/diag"

	"golang.org/x/sync/errgroup"
)

// Options choose which articles a build includes.
type Options struct {
	Drafts  bool      // include draft = true
	Future  bool      // include articles whose publish date is after Now
	Expired bool      // include articles whose expiryDate is before Now
	Now     time.Time // the build's clock; callers pass it so tests are repeatable
}

// Data files, relative to the site root.
const (
	SiteFile         = "data/site.toml"
	SourcesFile      = "data/sources.toml"
	AreasFile        = "data/areas.toml"
	ParticipantsFile = "data/participants.toml"
	ProjectFile      = "data/project.toml"
	OrganisationFile = "data/organisation.toml"
	EventsFile       = "data/events.toml"
)

// Load reads data/ and content/ from fsys (the site root), checks them and
// returns the model. On any input problem it returns a nil Site and
// Diagnostics listing every problem, sorted.
func Load(fsys fs.FS, opt Options) (*Site, error) {
	return orError(LoadAll(fsys, opt))
}

// LoadAll is Load for a caller that reports every problem in one run: it
// returns the model, as complete as the input allows, together with every
// problem, sorted. The Site is never nil. A data file that could not be
// read or decoded leaves its part of the model empty and is listed in
// Site.Broken; the checks that depend on it are skipped, so that one broken
// file does not bring a cascade of follow-on errors.
func LoadAll(fsys fs.FS, opt Options) (*Site, diag.Diagnostics) { return load(fsys, opt, nil) }

func orError(s *Site, ds diag.Diagnostics) (*Site, error) {
	if err := ds.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

func load(fsys fs.FS, opt Options, cache *Cache) (*Site, diag.Diagnostics) {
	var ds diag.Diagnostics
	s := &Site{Broken: map[string]bool{}}
	l := loader{fsys: fsys, ds: &ds, cache: cache, broken: s.Broken}
	var sources struct {
		Source []Source `toml:"source"`
	}
	var areas struct {
		Area []Area `toml:"area"`
	}
	var parts struct {
		Participant []Participant `toml:"participant"`
	}
	var events struct {
		Event []Event `toml:"event"`
	}
	ix := map[string]keyIndex{}
	ix[SiteFile] = l.file(SiteFile, &s.Settings)
	ix[SourcesFile] = l.file(SourcesFile, &sources)
	ix[AreasFile] = l.file(AreasFile, &areas)
	ix[ParticipantsFile] = l.file(ParticipantsFile, &parts)
	ix[ProjectFile] = l.file(ProjectFile, &s.Project)
	ix[OrganisationFile] = l.file(OrganisationFile, &s.Organisation)
	ix[EventsFile] = l.file(EventsFile, &events)
	ix[MergedFile] = l.kart(s)
	s.Sources, s.Areas, s.Participants, s.Events = sources.Source, areas.Area, parts.Participant, events.Event
	s.TagNames = l.tagNames()
	articles := l.articles()
	c := checker{ds: &ds, ix: ix, broken: s.Broken, unsummable: map[string]bool{}}
	c.site(s)
	c.kart(s)
	s.Today = civil(opt.Now)
	s.publish(articles, opt, cache)
	s.Tags = cache.collectTags(s.Articles, s.TagNames, &ds)
	s.calendar = schedule(articles, s.Today)
	if !cache.sameSlugs(s) {
		before := len(ds)
		c.articles(s)
		cache.noteSlugs(s, len(ds) == before)
	}
	ds.Sort()
	if len(ds) > 0 {
		s.dropDangling()
	}
	return s, ds
}

// dropDangling leaves out of a model with problems the participants and
// staff whose area is unknown, so later stages can rely on every
// reference resolving; the problem itself is already reported.
func (s *Site) dropDangling() {
	participants := make([]Participant, 0, len(s.Participants))
	for _, p := range s.Participants {
		if p.AreaRef != nil {
			participants = append(participants, p)
		}
	}
	staff := make([]PlannedStaff, 0, len(s.Organisation.Staff))
	for _, st := range s.Organisation.Staff {
		if st.AreaRef != nil {
			staff = append(staff, st)
		}
	}
	s.Participants, s.Organisation.Staff = participants, staff
	for i := range s.Areas {
		s.Areas[i].Participants = nil
	}
	link(s)
}

type loader struct {
	fsys   fs.FS
	ds     *diag.Diagnostics
	broken map[string]bool // files that could not be read or decoded
	cache  *Cache
}

// file decodes one data file into v. A file that cannot be read, holds
// bytes no text file should, or does not decode is marked broken.
func (l *loader) file(name string, v any) keyIndex {
	empty := keyIndex{pos: map[string]diag.Pos{"": {Path: name, Line: 1, Col: 1}}}
	src, msg := readRegular(l.fsys, name, MaxDataBytes)
	if msg != "" {
		l.ds.Add(diag.Pos{Path: name, Line: 1, Col: 1}, "%s", msg)
		l.broken[name] = true
		return empty
	}
	if !checkText(name, src, l.ds) {
		l.broken[name] = true
		return empty
	}
	ix, ok := decodeTOML(name, src, 0, v, l.ds)
	if !ok {
		l.broken[name] = true
		return empty
	}
	return ix
}

// articles reads every Markdown file under content/, sorted by path. Files
// the dev server's cache holds are taken from it (copied); the others are
// read and parsed. Both run in parallel, a run of paths at a time, each
// article into its own slot, so the result and the diagnostics never
// depend on scheduling. An article with problems is still in the result
// when its front matter decoded, so later stages can check its body too.
func (l *loader) articles() []*Article {
	paths := l.contentFiles()
	articles := make([]*Article, len(paths))
	diags := make([]diag.Diagnostics, len(paths))
	cached := make([]bool, len(paths))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	const run = 64 // paths per goroutine: a copy from the cache is quick
	for lo := 0; lo < len(paths); lo += run {
		g.Go(func() error {
			for i := lo; i < min(lo+run, len(paths)); i++ {
				if articles[i], diags[i], cached[i] = l.cached(paths[i]); !cached[i] {
					articles[i] = readArticle(l.fsys, paths[i], &diags[i])
				}
			}
			return nil
		})
	}
	_ = g.Wait()
	if l.cache != nil {
		l.cache.loaded = len(paths)
	}
	out := make([]*Article, 0, len(articles))
	for i, a := range articles {
		if !cached[i] {
			l.remember(paths[i], a, diags[i])
		}
		*l.ds = append(*l.ds, diags[i]...)
		if a != nil {
			out = append(out, a)
		} else if len(diags[i]) > 0 {
			l.broken[paths[i]] = true
		}
	}
	return out
}

// readArticle reads and parses the Markdown file p.
func readArticle(fsys fs.FS, p string, ds *diag.Diagnostics) *Article {
	src, msg := readRegular(fsys, p, MaxArticleBytes)
	if msg != "" {
		ds.Add(diag.Pos{Path: p, Line: 1, Col: 1}, "%s", msg)
		return nil
	}
	return parseArticle(p, src, strings.HasPrefix(p, "content/nyheter/"), ds)
}

// publish keeps the articles this build shows and links news neighbours.
// Through a cache the news' order may come from the last load (ordermemo.go).
func (s *Site) publish(all []*Article, opt Options, cache *Cache) {
	today := civil(opt.Now)
	for _, a := range all {
		a.Future = civil(a.published()).After(today)
		a.Expired = !a.ExpiryDate.IsZero() && !civil(a.ExpiryDate).After(today)
		if a.Draft && !opt.Drafts || a.Future && !opt.Future || a.Expired && !opt.Expired {
			continue
		}
		if a.News {
			s.Articles = append(s.Articles, a)
		} else {
			s.Pages = append(s.Pages, a)
		}
	}
	cache.sortNews(s.Articles)
	slices.SortStableFunc(s.Pages, func(a, b *Article) int { return strings.Compare(a.Slug, b.Slug) })
	for i, a := range s.Articles {
		if i > 0 {
			a.Next = s.Articles[i-1]
		}
		if i+1 < len(s.Articles) {
			a.Prev = s.Articles[i+1]
		}
	}
}

// civil drops the time of day and zone, so dates compare as calendar days.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// sortNews sorts news newest first, then by slug.
func sortNews(news []*Article) {
	slices.SortStableFunc(news, func(a, b *Article) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c // newest first
		}
		return strings.Compare(a.Slug, b.Slug)
	})
}
