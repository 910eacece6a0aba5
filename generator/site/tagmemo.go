package site

import (
	"maps"

	"alisnord/generator/diag"
)

// tagMemo is what collectTags made of the published articles at the last
// load through a Cache: each article's tags as written, the display names
// of data/tags.toml, and the tags with their articles as places in the
// newest-first list. collectTags reads nothing else of the articles, so
// a load whose articles carry the same tags in the same order (an edit of
// a title or a text, the dev server's commonest) gets the same tags, with
// this load's articles put in their places, without a pass of map lookups
// over every tag of every article. A load whose collectTags reported a
// problem keeps no memo, so the problem is found again.
type tagMemo struct {
	tags   [][]string // Tags of each published article, newest first
	names  map[string]string
	out    []Tag // Articles is nil; places holds them
	places [][]int32
}

// collectTags is collectTags, taken from the memo of the last load when
// the tags are the same.
func (c *Cache) collectTags(articles []*Article, names map[string]string, ds *diag.Diagnostics) []Tag {
	if c == nil {
		return collectTags(articles, names, ds)
	}
	if m := c.tags; m != nil && m.same(articles, names) {
		return m.with(articles)
	}
	before := len(*ds)
	out := collectTags(articles, names, ds)
	c.tags = nil
	if len(*ds) == before {
		c.tags = newTagMemo(articles, names, out)
	}
	return out
}

func newTagMemo(articles []*Article, names map[string]string, out []Tag) *tagMemo {
	m := &tagMemo{tags: make([][]string, len(articles)), names: names, out: make([]Tag, len(out)), places: make([][]int32, len(out))}
	place := make(map[*Article]int32, len(articles))
	for i, a := range articles {
		m.tags[i] = a.Tags
		place[a] = int32(i)
	}
	for i, t := range out {
		m.places[i] = make([]int32, len(t.Articles))
		for j, a := range t.Articles {
			m.places[i][j] = place[a]
		}
		t.Articles = nil
		m.out[i] = t
	}
	return m
}

// same tells whether articles carry the tags the memo's did, in the same
// order, under the same display names. The tags of an article the cache
// did not parse again are the very slice it parsed, so most compare by
// address.
func (m *tagMemo) same(articles []*Article, names map[string]string) bool {
	if len(articles) != len(m.tags) || !maps.Equal(names, m.names) {
		return false
	}
	for i, a := range articles {
		old := m.tags[i]
		if len(a.Tags) != len(old) {
			return false
		}
		if len(old) == 0 || &a.Tags[0] == &old[0] {
			continue
		}
		for j := range old {
			if a.Tags[j] != old[j] {
				return false
			}
		}
	}
	return true
}

// with returns the memo's tags with articles in their places.
func (m *tagMemo) with(articles []*Article) []Tag {
	out := make([]Tag, len(m.out))
	for i, t := range m.out {
		t.Articles = make([]*Article, len(m.places[i]))
		for j, k := range m.places[i] {
			t.Articles[j] = articles[k]
		}
		out[i] = t
	}
	return out
}
