package render

import "alisnord/generator/site"

// What a remembering engine keeps besides its pages: the feeds' bodies and
// files, and the related news.

// feedBody is r.feedBody, kept with the remembered page: its key stands
// for everything the feed's version of the body is made from.
func (e *Engine) feedBody(r *renderer, p *Page) string {
	if p == nil {
		return ""
	}
	rp := e.pages[p.Path]
	if rp == nil {
		return r.feedBody(p)
	}
	if rp.feed == nil {
		b := r.feedBody(p)
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

// relatedNews returns related for the news all, newest first. A
// remembering engine keeps what it found while no article's place or tags
// change: an edit of a title or a text keeps every list.
func (e *Engine) relatedNews(all []*site.Article) func(*site.Article) []*site.Article {
	x := newRelatedIndex(all)
	if e.memory != Remember {
		return x.related
	}
	f := newFingerprint(e.seed)
	for _, a := range all {
		f.num(uint64(len(x.slugs[a])))
		f.str(x.slugs[a]...)
	}
	if m := e.related; m == nil || m.key != f.sum() || len(m.found) != len(all) {
		e.related = &relatedMemo{key: f.sum(), places: make([][]int, len(all)), found: make([]bool, len(all))}
	}
	m := e.related
	return func(a *site.Article) []*site.Article {
		i, ok := x.place[a]
		if !ok {
			return x.related(a)
		}
		if !m.found[i] {
			for _, b := range x.related(a) {
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
// again) makes the feed again.
func (e *Engine) feed(path, head string, entries []*site.Article, pageOf map[*site.Article]*Page, build func() []byte) []byte {
	if e.memory != Remember {
		return build()
	}
	f := newFingerprint(e.seed)
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
		if old, ok := e.feeds[path]; ok && old.key == f.sum() {
			return old.data
		}
	}
	data := build()
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
