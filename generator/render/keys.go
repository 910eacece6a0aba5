package render

import (
	"hash/maphash"
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
func templatesKey(seed maphash.Seed, root fs.FS) (uint64, error) {
	f := newFingerprint(seed)
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
// and so has nothing to compare them with. The pages' keys are hashed on
// every core: a dev server's edit hashes all of them.
func (e *Engine) keys(s *site.Site, pages []*Page, global uint64) []uint64 {
	if e.memory != Remember {
		return nil
	}
	meta := make(map[*site.Article]uint64, len(s.Articles)+len(s.Pages))
	body := make(map[*site.Article]uint64, len(s.Articles)+len(s.Pages))
	var f, all fingerprint
	f.h.SetSeed(e.seed)
	all.h.SetSeed(e.seed)
	known := make(map[*byte]articleKeys, len(s.Articles)+len(s.Pages))
	for _, list := range [][]*site.Article{s.Articles, s.Pages} {
		for _, a := range list {
			k := e.articleKeys(a, known)
			body[a] = k.body
			f.h.Reset()
			f.published(k, a)
			meta[a] = f.sum()
			all.num(meta[a])
		}
	}
	e.known = known
	allKey := all.sum()
	tags := make(map[*site.Tag]uint64, len(s.Tags))
	for i := range s.Tags {
		tags[&s.Tags[i]] = tagKey(e.seed, &s.Tags[i])
	}
	keys := make([]uint64, len(pages))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	const chunk = 1024 // pages per goroutine
	for lo := 0; lo < len(pages); lo += chunk {
		g.Go(func() error {
			var f fingerprint
			f.h.SetSeed(e.seed)
			for i := lo; i < min(lo+chunk, len(pages)); i++ {
				keys[i] = f.pageKey(pages[i], global, allKey, meta, body, tags)
			}
			return nil
		})
	}
	_ = g.Wait()
	return keys
}

// pageKey is the key of page p; global stands for the data and templates,
// allKey for every article's meta, and meta, body and tags for each
// article's and tag's own.
func (f *fingerprint) pageKey(p *Page, global, allKey uint64, meta, body map[*site.Article]uint64, tags map[*site.Tag]uint64) uint64 {
	f.h.Reset()
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
				k = tagKey(f.h.Seed(), p.Tag)
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

// articleKeys returns the hashes of a's Meta and body, and notes them in
// known under the address of the body's first byte. An article the site
// cache gave again is a copy of the one it parsed, with the same body
// slice and the same Meta, so the last build's note stands for it and the
// hashing by reflection is done once per version of a file.
func (e *Engine) articleKeys(a *site.Article, known map[*byte]articleKeys) articleKeys {
	if len(a.Body) == 0 {
		return e.hashArticle(a)
	}
	id := &a.Body[0]
	k, ok := e.known[id]
	if !ok {
		k = e.hashArticle(a)
	}
	known[id] = k
	return k
}

// published hashes an article's meta with its publishing flags, which
// depend on the build's clock.
func (f *fingerprint) published(k articleKeys, a *site.Article) {
	f.num(k.meta)
	f.flag(a.Future)
	f.flag(a.Expired)
}

func (e *Engine) hashArticle(a *site.Article) articleKeys {
	f := newFingerprint(e.seed)
	f.articleMeta(a)
	return articleKeys{meta: f.sum(), body: maphash.Bytes(e.seed, a.Body)}
}

// tagKey stands for what a tag's list pages show of the tag itself; the
// articles on each page are hashed with the page.
func tagKey(seed maphash.Seed, t *site.Tag) uint64 {
	f := newFingerprint(seed)
	f.str(t.Name, t.Slug)
	f.num(uint64(len(t.Articles)))
	return f.sum()
}

// sitemap returns the sitemap, made again only when a page's address or
// date changed since the engine last made it.
func (e *Engine) sitemap(r *renderer, pages []*Page) []byte {
	var f fingerprint
	f.h.SetSeed(e.seed)
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
	slices.Sort(out)
	return slices.Compact(out)
}
