package render

import (
	"hash/maphash"
	"io/fs"
	"path"
	"slices"
	"unique"

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
// and so has nothing to compare them with.
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
	tags := map[*site.Tag]uint64{}
	keys := make([]uint64, len(pages))
	for i, p := range pages {
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
				if _, ok := tags[p.Tag]; !ok {
					tags[p.Tag] = tagKey(e.seed, p.Tag)
				}
				f.num(tags[p.Tag])
			}
		default:
			f.num(allKey)
		}
		keys[i] = f.sum()
	}
	return keys
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
