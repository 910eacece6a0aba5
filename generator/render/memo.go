package render

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"

	"github.com/yuin/goldmark"

	"alisnord/generator/photo"
	"alisnord/generator/site"
)

// What a remembering engine keeps besides its pages: the feeds' bodies and
// files, and the related news.

// feedXML is r.feedBody escaped for the feed's XML (escapeXMLText), kept
// with the remembered page: its key stands for everything the feed's
// version of the body is made from, so a dev-server edit escapes again
// only the text of the article it changed.
func (e *Engine) feedXML(r *renderer, p *Page) string {
	if p == nil {
		return ""
	}
	rp := e.pages[p.Path]
	if rp == nil {
		return escapeXMLText(r.feedBody(p))
	}
	if rp.feed == nil {
		b := escapeXMLText(r.feedBody(p))
		rp.feed = &b
	}
	return *rp.feed
}

// relatedMemo is, for the news in one order with one set of tags each
// (key), the related news of each as places in that order, once found.
type relatedMemo struct {
	key    uint64
	places [][]int
	found  []bool
}

// relatedNews returns related for the news all, newest first, by an
// article's place in all. A remembering engine keeps what it found while
// no article's place or tags change: an edit of a title or a text keeps
// every list, and builds no index.
func (e *Engine) relatedNews(all []*site.Article) func(i int) []*site.Article {
	if e.memory != Remember {
		x := newRelatedIndex(all)
		return func(i int) []*site.Article { return x.related(all[i]) }
	}
	f := newFingerprint()
	for _, a := range all {
		slugs := a.TagSlugs()
		f.num(uint64(len(slugs)))
		f.str(slugs...)
	}
	if m := e.related; m == nil || m.key != f.sum() || len(m.found) != len(all) {
		e.related = &relatedMemo{key: f.sum(), places: make([][]int, len(all)), found: make([]bool, len(all))}
	}
	m := e.related
	var x *relatedIndex // made at the first article not found before
	var once sync.Once
	return func(i int) []*site.Article {
		if !m.found[i] {
			once.Do(func() { x = newRelatedIndex(all) })
			for _, b := range x.related(all[i]) {
				m.places[i] = append(m.places[i], x.place[b])
			}
			m.found[i] = true
		}
		out := make([]*site.Article, len(m.places[i]))
		for j, k := range m.places[i] {
			out[j] = all[k]
		}
		return out
	}
}

// madeFeed is a feed as the engine last made it.
type madeFeed struct {
	key  uint64
	data []byte
}

// feed returns the feed at path, made again by build unless the engine
// remembers it with the same heading (head) and entries: each entry's
// remembered page key stands for its text, its metadata and the data and
// templates. An entry whose page is not remembered (a Refresh renders it
// again) makes the feed again. The feeds of one build are made on
// every core at once.
func (e *Engine) feed(path, head string, entries []*site.Article, pageOf map[*site.Article]*Page, build func() []byte) []byte {
	if e.memory != Remember {
		return build()
	}
	f := newFingerprint()
	f.str(head)
	for _, a := range entries {
		p := pageOf[a]
		if p == nil || e.pages[p.Path] == nil {
			f = nil
			break
		}
		f.num(e.pages[p.Path].key)
	}
	if f != nil {
		e.feedsMu.Lock()
		old, ok := e.feeds[path]
		e.feedsMu.Unlock()
		if ok && old.key == f.sum() {
			return old.data
		}
	}
	data := build()
	e.feedsMu.Lock()
	defer e.feedsMu.Unlock()
	if e.feeds == nil {
		e.feeds = map[string]madeFeed{}
	}
	if f != nil {
		e.feeds[path] = madeFeed{f.sum(), data}
	} else {
		delete(e.feeds, path)
	}
	return data
}

// chartsIn returns the names of the chart blocks in a's body (chartNames).
// A remembering engine keeps them under the address of the body's first
// byte, as it keeps the articles' hashes, so an unchanged file is not
// read through again.
func (e *Engine) chartsIn(a *site.Article) []string {
	if e == nil || e.memory != Remember || len(a.Body) == 0 {
		return chartList(a.Body)
	}
	id := &a.Body[0]
	names, ok := e.charted.lookup(id)
	if !ok {
		names = chartList(a.Body)
	}
	e.charted.note(id, names)
	return names
}

// seenBodies ends a build's use of chartsIn and photosIn: what the build
// did not ask for is forgotten.
func (e *Engine) seenBodies() {
	if e.memory == Remember {
		e.charted.turn()
		e.photoRefs.turn()
	}
}

// photosIn returns the photos a's main image and body use
// (articlePhotoRefs), kept by a remembering engine as chartsIn keeps the
// chart blocks: the same body of the same file gives the same places.
func (e *Engine) photosIn(md goldmark.Markdown, a *site.Article) articlePhotos {
	if e == nil || e.memory != Remember || len(a.Body) == 0 {
		return articlePhotoRefs(md, a)
	}
	id := &a.Body[0]
	p, ok := e.photoRefs.lookup(id)
	if !ok {
		p = articlePhotoRefs(md, a)
	}
	e.photoRefs.note(id, p)
	return p
}

func chartList(body []byte) []string {
	names := map[string]bool{}
	chartNames(body, names)
	return sortedNames(names)
}

// card is photo.Card, drawn again only when its text changed: a PNG
// encoding (about 27 ms) the dev server would otherwise pay on every edit.
// A build keeps it in the photo store too, under the generator's identity
// and the text, so the next build, in a process of its own, reads it.
func (e *Engine) card(opt Options, title, tagline, figures string) []byte {
	draw := func() []byte { return storedCard(opt, title, tagline, figures) }
	if e == nil {
		return draw()
	}
	key := title + "\x00" + tagline + "\x00" + figures
	if e.cardData == nil || e.cardKey != key {
		e.cardKey, e.cardData = key, draw()
	}
	return e.cardData
}

// storedCard is photo.Card through opt's photo store, when the build has
// one and knows the generator that draws (opt.Generator, which changes with
// the code): the store's key is a hash of both and the text.
func storedCard(opt Options, title, tagline, figures string) []byte {
	if opt.Photos == nil || opt.Generator == "" {
		return photo.Card(title, tagline, figures)
	}
	sum := sha256.Sum256([]byte("share card\x00" + opt.Generator + "\x00" + title + "\x00" + tagline + "\x00" + figures))
	key := hex.EncodeToString(sum[:])
	if b, ok := opt.Photos.Get(key); ok {
		return b
	}
	b := photo.Card(title, tagline, figures)
	opt.Photos.Put(key, b)
	return b
}
