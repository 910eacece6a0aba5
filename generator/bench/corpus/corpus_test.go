package corpus_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"alisnord/generator/bench/corpus"
	"alisnord/generator/internal/sitetest"
	"alisnord/generator/render"
	"alisnord/generator/site"
)

// siteFS is a corpus of n articles with the repository's templates.
func siteFS(t *testing.T, n int) fstest.MapFS {
	t.Helper()
	m, err := corpus.FS(corpus.SizeFor(n), os.DirFS("../../.."))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

var now = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// TestCorpusBuilds checks that a generated corpus passes every check of the
// generator and renders, with the page set the benchmark promises.
func TestCorpusBuilds(t *testing.T) {
	m := siteFS(t, 300)
	s, err := site.Load(m, site.Options{Now: now})
	if err != nil {
		t.Fatalf("synthetic corpus does not load:\n%v", err)
	}
	size := corpus.SizeFor(300)
	if len(s.Articles) != 300 || len(s.Areas) != size.Areas || len(s.Participants) != size.Participants || len(s.Tags) != 80 {
		t.Errorf("got %d articles, %d areas, %d participants, %d tags; want 300, %d, %d, 80",
			len(s.Articles), len(s.Areas), len(s.Participants), len(s.Tags), size.Areas, size.Participants)
	}
	var c render.Collector
	if err := render.NewEngine(render.Forget).Render(s, render.Options{Root: m}, &c); err != nil {
		t.Fatalf("synthetic corpus does not render:\n%v", err)
	}
	files := c.Files()
	want := map[string]bool{"nyheter/side/15/index.html": true, "nyheter/sak-00300/index.html": true,
		"nyheter/sak-00200/index.html":       true,
		"deltakere/deltaker-0030/index.html": true, "feed.xml": true, "sitemap.xml": true}
	for _, f := range files {
		delete(want, f.Path)
	}
	if len(want) > 0 {
		t.Errorf("missing pages: %v", want)
	}
}

// TestCorpusTotalsChecked plants a wrong total: the generator must refuse
// the corpus, which shows the corpus really goes through the checks.
func TestCorpusTotalsChecked(t *testing.T) {
	m := siteFS(t, 50)
	p := m["data/project.toml"]
	p.Data = bytes.Replace(p.Data, []byte("population_share_percent = 60\nparticipants = "), []byte("population_share_percent = 60\nparticipants = 1"), 1)
	_, err := site.Load(m, site.Options{Now: now})
	if err == nil || !strings.Contains(err.Error(), "totals.participants") {
		t.Fatalf("planted wrong total not reported; got %v", err)
	}
}

func TestCorpusDeterministic(t *testing.T) {
	a, b := corpus.Files(corpus.SizeFor(40)), corpus.Files(corpus.SizeFor(40))
	if len(a) != len(b) {
		t.Fatal("different file counts")
	}
	for p := range a {
		if !bytes.Equal(a[p], b[p]) {
			t.Fatalf("%s differs between two runs", p)
		}
	}
	if !strings.Contains(string(a["content/nyheter/sak-00001.md"]), "Syntetisk") {
		t.Error("articles are not marked synthetic")
	}
	small := corpus.Files(corpus.ArticlesOnly(40))
	if !bytes.Equal(small["content/nyheter/sak-00040.md"], a["content/nyheter/sak-00040.md"]) {
		t.Error("the articles-only corpus has other articles")
	}
}

// TestCorpusVaries checks that the articles vary as a real archive does
// (issue 17): short and long, root-absolute and relative internal links,
// external links, lists, block quotes, tables, articles with many tags,
// and page bundles with a photo.
func TestCorpusVaries(t *testing.T) {
	const n = 1000
	files := corpus.Files(corpus.SizeFor(n))
	count := map[string]int{}
	var shortest, longest int
	for i := range n {
		md := string(files[corpus.ArticleFile(i)])
		words := len(strings.Fields(md))
		if i == 0 || words < shortest {
			shortest = words
		}
		longest = max(longest, words)
		for name, mark := range map[string]string{"absolute link": "](/nyheter/sak-", "relative link": "](../sak-",
			"external link": "](https://", "list": "\n- ", "numbered list": "\n1. ", "quote": "\n> ",
			"table": "\n|---|", "photo": "![Syntetisk testbilde"} {
			if strings.Contains(md, mark) {
				count[name]++
			}
		}
		if front, _, _ := strings.Cut(md, "]\n+++"); strings.Count(front, "\", \"") >= 5 {
			count["many tags"]++
		}
	}
	for name, atLeast := range map[string]int{"absolute link": n - 1, "relative link": n - 1, "external link": n,
		"list": 500, "numbered list": 500, "quote": 100, "table": 100, "photo": n / corpus.PhotoEvery, "many tags": 50} {
		if count[name] < atLeast {
			t.Errorf("%d articles have a %s, want at least %d", count[name], name, atLeast)
		}
	}
	if shortest > 300 || longest < 1500 {
		t.Errorf("articles have %d to %d words, want some under 300 and some over 1,500", shortest, longest)
	}
	if files["content/nyheter/sak-00200/bilde.jpg"] == nil {
		t.Error("the page bundle sak-00200 has no photo")
	}
}

// TestCorpusLoadsAtEverySize loads the data of the corpus at the sizes
// make bench uses: the checks must accept it.
func TestCorpusLoadsAtEverySize(t *testing.T) {
	for _, n := range []int{1000, 10000} {
		m, err := corpus.FS(corpus.SizeFor(n), os.DirFS(sitetest.Root(t)))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := site.Load(m, site.Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
			t.Errorf("N=%d: the synthetic data does not load:\n%v", n, err)
		}
	}
}
