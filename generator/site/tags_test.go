package site

import (
	"strings"
	"testing"
	"testing/fstest"

	"alisnord/generator/diag"
)

const (
	konferanse = "content/nyheter/25-deltakere-og-konferanse-i-bodo.md"
	styring    = "content/nyheter/styringsgruppen-samles.md"
)

// TestTagNames: a tag is shown under one display name (data/tags.toml, or
// the first spelling in lower case), in whatever case articles write it,
// and a second spelling of the same tag is reported at the article's tags.
func TestTagNames(t *testing.T) {
	tests := []struct {
		name      string
		edit      func(t *testing.T, m fstest.MapFS)
		wantNames []string
		wantErr   string
	}{
		{"lower case", func(*testing.T, fstest.MapFS) {}, []string{"deltakere", "finansiering", "konferanse", "søknader", "styringsgruppe"}, ""},
		{"case folded", func(t *testing.T, m fstest.MapFS) {
			edit(t, m, konferanse, `"konferanse"`, `"Konferanse"`)
		}, []string{"deltakere", "finansiering", "konferanse", "søknader", "styringsgruppe"}, ""},
		{"configured", func(t *testing.T, m fstest.MapFS) {
			m[TagsFile] = &fstest.MapFile{Data: []byte("[[tag]]\nname = \"Styringsgruppe\"\n")}
		}, []string{"deltakere", "finansiering", "konferanse", "søknader", "Styringsgruppe"}, ""},
		{"two spellings", func(t *testing.T, m fstest.MapFS) {
			edit(t, m, styring, `"finansiering"`, `"finansiering", "Søknader"`)
			edit(t, m, konferanse, `"søknader"`, `"soknader"`)
		}, nil, `:6:1: emnet "soknader" er skrevet "søknader" i `},
		{"twice in tags.toml", func(t *testing.T, m fstest.MapFS) {
			m[TagsFile] = &fstest.MapFile{Data: []byte("[[tag]]\nname = \"Bodø\"\n\n[[tag]]\nname = \"Bodo\"\n")}
		}, nil, `data/tags.toml:5:1: emnet "Bodo" står to ganger`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := repoFS(t)
			tc.edit(t, m)
			s, err := Load(m, Options{Now: now})
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("want a problem %q, got %v", tc.wantErr, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, tag := range s.Tags {
				names = append(names, tag.Name)
			}
			if strings.Join(names, ",") != strings.Join(tc.wantNames, ",") {
				t.Errorf("tags %v, want %v", names, tc.wantNames)
			}
		})
	}
}

// TestTagSlugs checks that the slugs made when a file is parsed are each
// tag's Slugify, in order, and that an article made by hand, or whose
// tags changed since, gets them made again.
func TestTagSlugs(t *testing.T) {
	src := "+++\ntitle = \"T\"\ndate = 2024-01-02\ntags = [\"Bodø\", \"ALIS stillinger\", \"bodø\"]\n+++\nTekst.\n"
	var ds diag.Diagnostics
	parsed := parseArticle("content/nyheter/t.md", []byte(src), true, &ds)
	if parsed == nil || len(ds) > 0 {
		t.Fatalf("parse: %v", ds)
	}
	edited, same := *parsed, *parsed
	edited.Tags = []string{"Tromsø"}
	same.Tags = []string{"Tromsø", "Alta", "Bodø"}
	for _, tc := range []struct {
		name string
		a    *Article
		want string
	}{
		{"parsed", parsed, "bodo alis-stillinger bodo"},
		{"by hand", &Article{Meta: Meta{Tags: []string{"Næring", "Helse Nord"}}}, "naering helse-nord"},
		{"tags changed", &edited, "tromso"},
		{"as many other tags", &same, "tromso alta bodo"},
		{"no tags", &Article{}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Join(tc.a.TagSlugs(), " "); got != tc.want {
				t.Errorf("TagSlugs() = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestCollectTagsOrder checks that each tag lists its articles newest
// first and each once, though an article writes the tag twice, and is
// named by the oldest article's spelling.
func TestCollectTagsOrder(t *testing.T) {
	art := func(path string, tags ...string) *Article {
		return &Article{Meta: Meta{Path: path, Tags: tags}}
	}
	n3, n2, n1 := art("n3", "Bodø", "helse"), art("n2", "bodø", "Bodø"), art("n1", "helse")
	var ds diag.Diagnostics
	tags := collectTags([]*Article{n3, n2, n1}, map[string]string{}, &ds)
	if len(ds) > 0 {
		t.Fatalf("problems: %v", ds)
	}
	var got []string
	for _, tag := range tags {
		var paths []string
		for _, a := range tag.Articles {
			paths = append(paths, a.Path)
		}
		got = append(got, tag.Slug+"="+tag.Name+":"+strings.Join(paths, ","))
	}
	if want := "bodo=bodø:n3,n2 helse=helse:n3,n1"; strings.Join(got, " ") != want {
		t.Errorf("tags = %q, want %q", strings.Join(got, " "), want)
	}
}
