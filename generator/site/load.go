package site

import (
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"time"

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
func Load(fsys fs.FS, opt Options) (*Site, error) { return load(fsys, opt, nil) }

func load(fsys fs.FS, opt Options, cache *Cache) (*Site, error) {
	var ds Diagnostics
	l := loader{fsys: fsys, ds: &ds, cache: cache}
	s := &Site{}
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
	s.Sources, s.Areas, s.Participants, s.Events = sources.Source, areas.Area, parts.Participant, events.Event
	articles := l.articles()
	if len(ds) > 0 && l.broken {
		return nil, ds.Err()
	}
	c := checker{ds: &ds, ix: ix}
	c.site(s)
	s.Today = civil(opt.Now)
	s.publish(articles, opt)
	s.calendar = schedule(articles, s.Today)
	c.articles(s)
	if err := ds.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

type loader struct {
	fsys   fs.FS
	ds     *Diagnostics
	broken bool // a file could not be decoded at all: cross-checks would mislead
	cache  *Cache
}

// file decodes one data file into v.
func (l *loader) file(name string, v any) keyIndex {
	src, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		l.ds.Add(Pos{Path: name}, "kan ikke lese filen: %v", fsErr(err))
		l.broken = true
		return keyIndex{pos: map[string]Pos{"": {Path: name}}}
	}
	ix, ok := decodeTOML(name, src, 0, v, l.ds)
	if !ok {
		l.broken = true
		return keyIndex{pos: map[string]Pos{"": {Path: name, Line: 1}}}
	}
	return ix
}

func fsErr(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		if pe.Err == fs.ErrNotExist {
			return "filen finnes ikke"
		}
		return pe.Err.Error()
	}
	return err.Error()
}

// articles reads every .md file under content/, sorted by path. Files the
// dev server's cache holds are taken from it; the others are read and
// parsed in parallel, each into its own slot, so the result and the
// diagnostics never depend on scheduling.
func (l *loader) articles() []*Article {
	var paths []string
	err := fs.WalkDir(l.fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != "content" && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if !d.IsDir() && path.Ext(p) == ".md" && !strings.HasPrefix(d.Name(), ".") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		l.ds.Add(Pos{Path: "content"}, "kan ikke lese mappen: %v", fsErr(err))
	}
	articles := make([]*Article, len(paths))
	diags := make([]Diagnostics, len(paths))
	cached := make([]bool, len(paths))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, p := range paths {
		if articles[i], diags[i], cached[i] = l.cached(p); cached[i] {
			continue
		}
		g.Go(func() error {
			src, err := fs.ReadFile(l.fsys, p)
			if err != nil {
				diags[i].Add(Pos{Path: p}, "kan ikke lese filen: %v", fsErr(err))
				return nil
			}
			articles[i] = parseArticle(p, src, strings.HasPrefix(p, "content/nyheter/"), &diags[i])
			return nil
		})
	}
	_ = g.Wait()
	var out []*Article
	for i, a := range articles {
		if !cached[i] {
			l.remember(paths[i], a, diags[i])
		}
		*l.ds = append(*l.ds, diags[i]...)
		if a != nil {
			out = append(out, a)
		}
	}
	return out
}

// publish keeps the articles this build shows, links news neighbours and
// collects tags.
func (s *Site) publish(all []*Article, opt Options) {
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
	sort.SliceStable(s.Articles, func(i, j int) bool {
		a, b := s.Articles[i], s.Articles[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.Slug < b.Slug
	})
	sort.SliceStable(s.Pages, func(i, j int) bool { return s.Pages[i].Slug < s.Pages[j].Slug })
	for i, a := range s.Articles {
		if i > 0 {
			a.Next = s.Articles[i-1]
		}
		if i+1 < len(s.Articles) {
			a.Prev = s.Articles[i+1]
		}
	}
	s.Tags = collectTags(s.Articles)
}

// civil drops the time of day and zone, so dates compare as calendar days.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func collectTags(articles []*Article) []Tag {
	bySlug := map[string]*Tag{}
	for _, a := range articles {
		for _, name := range a.Tags {
			slug := Slugify(name)
			t := bySlug[slug]
			if t == nil {
				t = &Tag{Name: name, Slug: slug}
				bySlug[slug] = t
			}
			if len(t.Articles) == 0 || t.Articles[len(t.Articles)-1] != a {
				t.Articles = append(t.Articles, a)
			}
		}
	}
	out := make([]Tag, 0, len(bySlug))
	for _, t := range bySlug {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Slug < out[j].Slug })
	return out
}
