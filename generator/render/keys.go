package render

import (
	"io/fs"
	"path"
	"runtime"
	"slices"
	"unique"

	"golang.org/x/sync/errgroup"

	"alisnord/generator/diag"
	"alisnord/generator/site"
)

// templatesKey hashes every file under templates/ but the assets, which
// pages only link to.
func templatesKey(root fs.FS) (uint64, error) {
	f := newFingerprint()
	err := fs.WalkDir(root, "templates", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case p == assetsDir:
			return fs.SkipDir
		case d.IsDir():
			return nil
		}
		b, err := fs.ReadFile(root, p)
		f.str(p, string(b))
		return err
	})
	if err != nil {
		return 0, diag.Diagnostics{{Pos: diag.Pos{Path: "templates"}, Msg: "kan ikke lese malene: " + err.Error()}}
	}
	return f.sum(), nil
}

// keys returns each page's key, or nil when the engine forgets its pages
// and the build records none (need, see reuse.go), so that there is
// nothing to compare them with. The keys are hashed on every core: a dev
// server's edit hashes all of them, a build every article's text.
func (e *Engine) keys(s *site.Site, pages []*Page, global uint64, need bool) []uint64 {
	if e.memory != Remember && !need {
		return nil
	}
	articles := append(s.Articles[:len(s.Articles):len(s.Articles)], s.Pages...)
	ks := e.articlesKeys(articles)
	meta := make(map[*site.Article]uint64, len(articles))
	body := make(map[*site.Article]uint64, len(articles))
	var f, all fingerprint
	for i, a := range articles {
		body[a] = ks[i].body
		f.h.reset()
		f.published(ks[i], a)
		meta[a] = f.sum()
		all.num(meta[a])
	}
	allKey := all.sum()
	tags := make(map[*site.Tag]uint64, len(s.Tags))
	for i := range s.Tags {
		tags[&s.Tags[i]] = tagKey(&s.Tags[i])
	}
	keys := make([]uint64, len(pages))
	inChunks(len(pages), 1024, func(lo, hi int) {
		var f fingerprint
		for i := lo; i < hi; i++ {
			keys[i] = f.pageKey(pages[i], global, allKey, meta, body, tags)
		}
	})
	return keys
}

// inChunks calls fn for each run of size items (the last may be shorter)
// of 0..n, on every core, and returns when all are done.
func inChunks(n, size int, fn func(lo, hi int)) {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for lo := 0; lo < n; lo += size {
		g.Go(func() error {
			fn(lo, min(lo+size, n))
			return nil
		})
	}
	_ = g.Wait()
}

// pageKey is the key of page p; global stands for the data and templates,
// allKey for every article's meta, and meta, body and tags for each
// article's and tag's own.
func (f *fingerprint) pageKey(p *Page, global, allKey uint64, meta, body map[*site.Article]uint64, tags map[*site.Tag]uint64) uint64 {
	f.h.reset()
	f.num(global)
	f.pageIdentity(p)
	switch {
	case p.Kind.ShowsArticle():
		a := p.Article
		f.num(meta[a], body[a], meta[a.Prev], meta[a.Next], uint64(len(p.Related)))
		for _, b := range p.Related {
			f.num(meta[b])
		}
	case p.Kind == KindArchive && p.Year != nil:
		for _, m := range p.Year.Months {
			f.str(m.Name)
			for _, a := range m.Articles {
				f.num(meta[a])
			}
		}
	case p.Kind == KindNews:
		for _, a := range p.Articles {
			f.num(meta[a])
		}
		if p.Tag != nil {
			k, ok := tags[p.Tag]
			if !ok {
				k = tagKey(p.Tag)
			}
			f.num(k)
		}
	default:
		f.num(allKey)
	}
	return f.sum()
}

// articleKeys are the hashes of an article's Meta and of its body.
type articleKeys struct{ meta, body uint64 }

// articlesKeys returns the hashes of each article's Meta and body, on
// every core. A remembering engine notes them under the address of the
// body's first byte: an article the site cache gave again is a copy of
// the one it parsed, with the same body slice and the same Meta, so the
// last build's note stands for it and the hashing by reflection is done
// once per version of a file.
func (e *Engine) articlesKeys(articles []*site.Article) []articleKeys {
	ks := make([]articleKeys, len(articles))
	inChunks(len(articles), 256, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			a := articles[i]
			k, ok := e.known.lookup(bodyID(a))
			if !ok || bodyID(a) == nil {
				k = hashArticle(a)
			}
			ks[i] = k
		}
	})
	if e.memory == Remember {
		for i, a := range articles {
			if id := bodyID(a); id != nil {
				e.known.note(id, ks[i])
			}
		}
		e.known.turn()
	}
	return ks
}

// bodyID is the address of the first byte of a's body, nil for an empty
// body.
func bodyID(a *site.Article) *byte {
	if len(a.Body) == 0 {
		return nil
	}
	return &a.Body[0]
}

// published hashes an article's meta with its publishing flags, which
// depend on the build's clock.
func (f *fingerprint) published(k articleKeys, a *site.Article) {
	f.num(k.meta)
	f.flag(a.Future)
	f.flag(a.Expired)
}

func hashArticle(a *site.Article) articleKeys {
	f := newFingerprint()
	f.articleMeta(a)
	return articleKeys{meta: f.sum(), body: hashBytes(a.Body)}
}

// tagKey stands for what a tag's list pages show of the tag itself; the
// articles on each page are hashed with the page.
func tagKey(t *site.Tag) uint64 {
	f := newFingerprint()
	f.str(t.Name, t.Slug)
	f.num(uint64(len(t.Articles)))
	return f.sum()
}

// sitemap returns the sitemap, made again only when a page's address or
// date changed since the engine last made it.
func (e *Engine) sitemap(r *renderer, pages []*Page) []byte {
	var f fingerprint
	f.str(r.site.Settings.BaseURL)
	for _, p := range pages {
		f.str(string(p.Kind), p.URL)
		f.flag(p.Article != nil)
		f.time(p.lastMod())
	}
	if key := f.sum(); e.siteMap == nil || key != e.siteKey {
		e.siteMap, e.siteKey = r.sitemap(pages), key
	}
	return e.siteMap
}

// pageTargets lists, deduplicated, the output paths that the links and
// asset references of a page resolve to, as checkLinks reads them.
func pageTargets(p *Page, data []byte) []string {
	if p.Kind == KindNotFound {
		return nil
	}
	dir := path.Dir(p.Path)
	var out []string
	add := func(link string) {
		if t, ok := resolve(dir, link); ok {
			out = append(out, unique.Make(t).Value()) // pages share most targets
		}
	}
	for _, l := range p.links {
		add(l.rel)
	}
	attrLinks(data, func(v []byte) { add(htmlUnescape(v)) })
	return sortedTargets(out)
}

// sortedTargets sorts a page's targets and drops the repeats.
func sortedTargets(targets []string) []string {
	slices.Sort(targets)
	return slices.Compact(targets)
}
