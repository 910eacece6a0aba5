package render

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"alisnord/generator/bench/corpus"
	"alisnord/generator/internal/sitetest"
	"alisnord/generator/site"
)

// TestForgetReleasesSources renders a synthetic site (marked as such in
// its text) of more articles than the feeds carry, once with an engine
// that forgets, as a build does, and once with one that remembers, as the
// dev server does and which keeps every source: the files are the same,
// and the forgetting engine let go of the Markdown of every article that
// no feed carries, and of no other.
func TestForgetReleasesSources(t *testing.T) {
	m, err := corpus.FS(corpus.ArticlesOnly(50), os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	// One tag for all, and the links to tags to it: the feeds then carry
	// the newest 20, not all 50 (the corpus gives each article tags of its
	// own among many).
	tags := regexp.MustCompile(`(?m)^tags = \[.*\]$`)
	tagLinks := regexp.MustCompile(`/tagger/[a-z0-9-]+/`)
	for name, f := range m {
		if strings.HasPrefix(name, "content/") {
			f.Data = tags.ReplaceAll(f.Data, []byte(`tags = ["Felles emne"]`))
			f.Data = tagLinks.ReplaceAll(f.Data, []byte(`/tagger/felles-emne/`))
		}
	}
	load := func() *site.Site {
		s, err := site.Load(m, site.Options{Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	opt := Options{Root: m, Charts: sitetest.NewCharts(t)}
	built := load()
	var got Collector
	if err := NewEngine(Forget).Render(built, opt, &got); err != nil {
		t.Fatal(err)
	}
	var want Collector
	if err := NewEngine(Remember).Render(load(), opt, &want); err != nil {
		t.Fatal(err)
	}
	g, w := got.Files(), want.Files()
	if len(g) != len(w) {
		t.Fatalf("%d files, want %d", len(g), len(w))
	}
	for i := range g {
		if g[i].Path != w[i].Path || !bytes.Equal(g[i].Data, w[i].Data) {
			t.Errorf("%s differs from what the remembering engine made (%s)", g[i].Path, w[i].Path)
		}
	}
	inFeed := map[*site.Article]bool{}
	for _, a := range feedEntries(built) {
		inFeed[a] = true
	}
	released := 0
	for _, a := range built.Articles {
		switch {
		case inFeed[a] && a.Body == nil:
			t.Errorf("%s: a feed carries it, but its source was let go", a.Path)
		case !inFeed[a] && a.Body != nil:
			t.Errorf("%s: no feed carries it, but its source was kept", a.Path)
		case a.Body == nil:
			released++
		}
	}
	if released == 0 || len(inFeed) == 0 {
		t.Fatalf("%d sources let go, %d feed entries: the corpus does not test the release", released, len(inFeed))
	}
	t.Logf("%d articles, %d in feeds, %d sources let go", len(built.Articles), len(inFeed), released)
}
