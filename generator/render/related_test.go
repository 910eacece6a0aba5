package render

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"alisnord/generator/site"
)

// relatedByScan is related as it was before the index: a pass over every
// article for each one, the reference the index must agree with.
func relatedByScan(all []*site.Article, a *site.Article) []*site.Article {
	tags := map[string]bool{}
	for _, t := range a.Tags {
		tags[site.Slugify(t)] = true
	}
	type scored struct {
		a      *site.Article
		shared int
	}
	var found []scored
	for _, b := range all {
		n := 0
		for _, t := range b.Tags {
			if tags[site.Slugify(t)] {
				n++
			}
		}
		if b != a && n > 0 {
			found = append(found, scored{b, n})
		}
	}
	slices.SortStableFunc(found, func(x, y scored) int { return y.shared - x.shared })
	var out []*site.Article
	for _, f := range found[:min(relatedSize, len(found))] {
		out = append(out, f.a)
	}
	return out
}

// TestRelatedIndex checks the index against the pass over every article
// on 60 synthetic news (tests only) with overlapping tags, one tag spelt
// twice in an article («Bodø», «bodø») and articles without tags.
func TestRelatedIndex(t *testing.T) {
	var specs []string
	spellings := []string{"a", "b", "Bodø", "c", "d", "bodø", "e"}
	for i := range 60 {
		spec := fmt.Sprintf("2020-%02d-%02d ", 12-i/5, 28-i%5*5)
		for j, s := range spellings {
			if (i*7+j*3)%(j+2) == 0 {
				spec += s + ","
			}
		}
		specs = append(specs, spec[:len(spec)-1])
	}
	specs = append(specs, "2019-01-02 Bodø,bodø,a", "2019-01-01 bodø", "2018-12-31")
	all := news(specs...)
	x := newRelatedIndex(all)
	for _, a := range all {
		got, want := x.related(a), relatedByScan(all, a)
		if !slices.Equal(got, want) {
			t.Fatalf("%s %v: related %v, want %v", a.Title, a.Tags, titles(got), titles(want))
		}
	}
}

func titles(as []*site.Article) (out []string) {
	for _, a := range as {
		out = append(out, a.Title+fmt.Sprint(a.Tags))
	}
	return out
}

// TestRelatedIndexMany checks the index against the pass over every
// article on 1,500 synthetic news (tests only) with tags drawn unevenly
// from 40, some articles with many tags and some with a tag twice, where
// the early stop of the walk matters most.
func TestRelatedIndexMany(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	var all []*site.Article
	for i := range 1500 {
		a := &site.Article{Meta: site.Meta{Title: fmt.Sprintf("sak %d", i), News: true}}
		n := 1 + rng.IntN(3)
		if i%10 == 0 {
			n = 6 + rng.IntN(5)
		}
		for range n {
			k := rng.IntN(40)
			a.Tags = append(a.Tags, fmt.Sprintf("emne %d", k*k/40)) // popular tags first
		}
		if i%97 == 0 {
			a.Tags = append(a.Tags, strings.ToUpper(a.Tags[0]))
		}
		all = append(all, a)
	}
	x := newRelatedIndex(all)
	for _, a := range all {
		if got, want := x.related(a), relatedByScan(all, a); !slices.Equal(got, want) {
			t.Fatalf("%s %v: related %v, want %v", a.Title, a.Tags, titles(got), titles(want))
		}
	}
}
