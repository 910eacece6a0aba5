package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"alisnord/generator/bench/corpus"
	"alisnord/generator/chart"
	"alisnord/generator/internal/sitetest"
	"alisnord/generator/output"
	"alisnord/generator/site"
)

var benchN = flag.Int("corpus", 1000, "articles in the synthetic corpus of the benchmarks")

// benchSite loads the synthetic corpus of -corpus articles, in memory.
func benchSite(b *testing.B) (fstest.MapFS, *site.Site) {
	b.Helper()
	m, err := corpus.FS(corpus.SizeFor(*benchN), os.DirFS("../.."))
	if err != nil {
		b.Fatal(err)
	}
	s, err := site.Load(m, site.Options{Now: testNow})
	if err != nil {
		b.Fatal(err)
	}
	return m, s
}

// BenchmarkMarkdown converts every article body of the corpus with
// goldmark and our extensions, one after another.
func BenchmarkMarkdown(b *testing.B) {
	_, s := benchSite(b)
	r := &renderer{site: s, md: newMarkdown(), figures: figures(s, s.Latest())}
	noChart := func(string) (string, string, bool) { return "", "", true }
	for b.Loop() {
		for _, a := range s.Articles {
			p := newPage(r, "article", a.Slug+"/", a.Title)
			if _, _, ds := convert(r.md, a, mdEnv{figures: r.figures, chart: noChart, rel: p.relLink}); ds != nil {
				b.Fatal(ds)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(s.Articles)), "µs/article")
}

// BenchmarkRender renders every file of the corpus in memory: Markdown,
// templates, feed, sitemap and the link check, with stub chart SVGs.
func BenchmarkRender(b *testing.B) {
	m, s := benchSite(b)
	charts := sitetest.NewCharts(b)
	for b.Loop() {
		if _, err := Site(s, Options{Root: m, Charts: charts}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild is the whole of `generator build` on the corpus written
// to disk: load, compile ECharts, render with real charts, streaming
// each file to disk// (replacing the previous build's folder, as a rebuild does). Profile
// it with -cpuprofile and -memprofile to see what dominates a build.
func BenchmarkBuild(b *testing.B) {
	bundle, err := chart.LoadBundle(filepath.Join("..", "..", ".cache", "echarts", "echarts.min.js"))
	if err != nil {
		b.Skip(err)
	}
	m, err := corpus.FS(corpus.SizeFor(*benchN), os.DirFS("../.."))
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	root := filepath.Join(dir, "site")
	for p, f := range m {
		name := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		fsys := os.DirFS(root)
		s, err := site.Load(fsys, site.Options{Now: testNow})
		if err != nil {
			b.Fatal(err)
		}
		charts, err := chart.NewRenderer(bundle, 0)
		if err != nil {
			b.Fatal(err)
		}
		st, err := output.Begin(dir, "public")
		if err != nil {
			b.Fatal(err)
		}
		if err := Stream(s, Options{Root: fsys, Charts: charts}, st); err != nil {
			b.Fatal(err)
		}
		if err := st.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPageTemplates executes the templates of 200 pages of one kind
// of the corpus again and again (their Markdown converted once before),
// and reports the time per page: what the templates cost, for trying
// changes to them, run by the compiled programs and by html/template. The chrome and links the pages share are rendered in
// the first round and come from the cache after it, as they do for most
// pages of a build.
func BenchmarkPageTemplates(b *testing.B) {
	m, s := benchSite(b)
	for _, kind := range []Kind{KindArticle, KindNews} {
		b.Run(string(kind), func(b *testing.B) {
			r, _, err := NewEngine(Forget).prepare(s, Options{Root: m, Charts: sitetest.NewCharts(b)})
			if err != nil {
				b.Fatal(err)
			}
			<-r.svgDone
			var pages []*Page
			for _, p := range r.pages() {
				if p.Kind == kind && len(pages) < 200 {
					pages = append(pages, p)
				}
			}
			for _, p := range pages {
				if p.Article != nil {
					p.Body, p.links, _ = r.convert(p)
				}
			}
			for _, std := range []bool{false, true} {
				b.Run(map[bool]string{false: "program", true: "html-template"}[std], func(b *testing.B) {
					r.tmpl.std = std
					var buf bytes.Buffer
					for b.Loop() {
						for _, p := range pages {
							buf.Reset()
							if err := r.tmpl.execute(&buf, p); err != nil {
								b.Fatal(err)
							}
						}
					}
					b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(pages)), "µs/page")
				})
			}
		})
	}
}
