package site

import (
	"slices"
	"time"
)

// orderMemo is the order publish gave the news at the last load through a
// Cache: the date and slug of each, as publish met them (in path order),
// and the places in that list of the news, newest first. The order
// follows from those two fields alone, so a load whose news carry the same
// dates and slugs in the same list (an edit of a title, a text or tags)
// takes the order from the memo instead of sorting 10,000 articles again.
type orderMemo struct {
	dates  []time.Time
	slugs  []string
	places []int32
}

// sortNews sorts the news newest first, as publish does, taking the order
// from the cache's memo when it holds for them.
func (c *Cache) sortNews(news []*Article) {
	if c == nil {
		sortNews(news)
		return
	}
	if m := c.order; m != nil && m.holds(news) {
		sorted := make([]*Article, len(news))
		for j, i := range m.places {
			sorted[j] = news[i]
		}
		copy(news, sorted)
		return
	}
	m := &orderMemo{dates: make([]time.Time, len(news)), slugs: make([]string, len(news)), places: make([]int32, len(news))}
	place := make(map[*Article]int32, len(news))
	for i, a := range news {
		m.dates[i], m.slugs[i], place[a] = a.Date, a.Slug, int32(i)
	}
	sortNews(news)
	for j, a := range news {
		m.places[j] = place[a]
	}
	c.order = m
}

// holds tells whether news carry the memo's dates and slugs, in order.
func (m *orderMemo) holds(news []*Article) bool {
	if len(news) != len(m.slugs) {
		return false
	}
	for i, a := range news {
		if !a.Date.Equal(m.dates[i]) || a.Slug != m.slugs[i] {
			return false
		}
	}
	return true
}

// sameSlugs tells whether the articles and pages of s have the slugs of
// the last load through the cache that found no two alike, in the same
// order: then they still differ, and the check need not look again.
func (c *Cache) sameSlugs(s *Site) bool {
	if c == nil || c.slugs == nil || len(c.slugs) != len(s.Articles)+len(s.Pages) {
		return false
	}
	i := 0
	for _, list := range [][]*Article{s.Articles, s.Pages} {
		for _, a := range list {
			if a.Slug != c.slugs[i] {
				return false
			}
			i++
		}
	}
	return true
}

// noteSlugs keeps the slugs of s, checked and found all different, for
// sameSlugs; unique is false when the check found two alike.
func (c *Cache) noteSlugs(s *Site, unique bool) {
	if c == nil {
		return
	}
	c.slugs = nil
	if unique {
		c.slugs = slices.Grow([]string(nil), len(s.Articles)+len(s.Pages))
		for _, list := range [][]*Article{s.Articles, s.Pages} {
			for _, a := range list {
				c.slugs = append(c.slugs, a.Slug)
			}
		}
	}
}
