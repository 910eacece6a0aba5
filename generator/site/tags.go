package site

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"alisnord/generator/diag"
)

// TagsFile names the display names of tags (emner). It is optional:
// without it every tag is shown in lower case, as written.
const TagsFile = "data/tags.toml"

// TagName is one [[tag]] of data/tags.toml: the one display name of a
// tag, such as "Helgeland" for a proper noun. Articles may write the tag
// in any case; any other spelling is an error.
type TagName struct {
	Name string `toml:"name"`
}

// tagNames reads data/tags.toml, if there is one, into display names by
// slug. Two entries for the same tag are an error.
func (l *loader) tagNames() map[string]string {
	names := map[string]string{}
	if _, err := fs.Stat(l.fsys, TagsFile); errors.Is(err, fs.ErrNotExist) {
		return names
	}
	var file struct {
		Tag []TagName `toml:"tag"`
	}
	ix := l.file(TagsFile, &file)
	first := map[string]int{}
	for i, t := range file.Tag {
		slug := Slugify(t.Name)
		at := ix.at(fmt.Sprintf("tag[%d].name", i))
		switch j, dup := first[slug]; {
		case slug == "":
			l.ds.Add(at, "emne nummer %d har tomt navn", i+1)
		case dup:
			l.ds.Add(at, "emnet %q står to ganger (også som %q, nummer %d); behold én", t.Name, file.Tag[j].Name, j+1)
		default:
			first[slug], names[slug] = i, t.Name
		}
	}
	return names
}

// collectTags gathers the tags of the published articles under one
// display name each: the name in data/tags.toml, else the first spelling
// met, in lower case. A spelling that differs from that name in more than
// case («Bodo» beside «bodø») is reported at the article's tags. Each
// tag lists its articles newest first, each once; one pass over the
// articles finds both.
func collectTags(articles []*Article, names map[string]string, ds *diag.Diagnostics) []Tag {
	type entry struct {
		Tag
		first *Article // the oldest article with the tag, which named it
	}
	bySlug := map[string]*entry{}
	for _, a := range oldestFirst(articles) {
		slugs := a.TagSlugs()
		for i, raw := range a.Tags {
			slug := slugs[i]
			t := bySlug[slug]
			if t == nil {
				name, configured := names[slug]
				if !configured {
					name = strings.ToLower(raw)
				}
				t = &entry{Tag: Tag{Name: name, Slug: slug}, first: a}
				bySlug[slug] = t
			}
			if raw != t.Name && !strings.EqualFold(raw, t.Name) && ds != nil {
				ds.Add(diag.Pos{Path: a.Path, Line: a.TagsLine, Col: 1}, "emnet %q er skrevet %q i %s; skriv det likt overalt, eller gi visningsnavnet i %s",
					raw, t.Name, t.first.Path, TagsFile)
			}
			if !slices.Contains(slugs[:i], slug) {
				t.Articles = append(t.Articles, a)
			}
		}
	}
	out := make([]Tag, 0, len(bySlug))
	for _, t := range bySlug {
		slices.Reverse(t.Articles) // newest first
		out = append(out, t.Tag)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Slug < out[j].Slug })
	return out
}

// oldestFirst returns the articles (newest first) in the order they were
// published, so the first spelling of a tag is the oldest.
func oldestFirst(articles []*Article) []*Article {
	out := make([]*Article, len(articles))
	for i, a := range articles {
		out[len(articles)-1-i] = a
	}
	return out
}

// TagsOf returns the tags of article a under their display names, in the
// order the article gives them, each once.
func (s *Site) TagsOf(a *Article) []*Tag {
	var out []*Tag
	for _, slug := range a.TagSlugs() {
		t := s.tag(slug)
		if t != nil && !containsTag(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func (s *Site) tag(slug string) *Tag {
	i := sort.Search(len(s.Tags), func(i int) bool { return s.Tags[i].Slug >= slug })
	if i < len(s.Tags) && s.Tags[i].Slug == slug {
		return &s.Tags[i]
	}
	return nil
}

func containsTag(ts []*Tag, t *Tag) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}
