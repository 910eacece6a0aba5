// Package corpus generates the synthetic site the benchmarks build: N news
// articles of Norwegian-looking text and, scaled with N, areas and
// participants whose totals add up, so the generator's checks pass and the
// build does all its real work. Every name, figure and sentence is made up
// from a fixed seed and marked synthetic; none of it may reach the real
// site.
package corpus

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"path"
	"strings"
	"testing/fstest"
	"time"
)

// Seed makes every corpus of the same size identical.
const Seed = 20191106

// Size describes a corpus of N articles.
type Size struct {
	Articles     int
	Areas        int // max(4, N/250), at most 20: one chart "stillinger-i-<area>" each
	Participants int // max(Areas, N/10), at most 600, spread evenly over the areas
}

// SizeFor returns the corpus shape for n articles. The data stays within
// what the checks accept of real data (at most 500 municipalities in
// Nord-Norge and 1,000 positions), so the areas and participants stop
// growing at 20 and 600.
func SizeFor(n int) Size {
	areas := min(max(4, n/250), 20)
	return Size{Articles: n, Areas: areas, Participants: min(max(areas, n/10), 600)}
}

// ArticlesOnly is n articles with the smallest data the site accepts (four
// areas of one participant each): about the page set Hugo builds.
func ArticlesOnly(n int) Size { return Size{Articles: n, Areas: 4, Participants: 4} }

// Files returns the corpus as slash-separated paths below the site root
// (content/ and data/; the caller adds templates/) and their contents.
// The articles depend only on size.Articles.
func Files(size Size) map[string][]byte {
	rng := rand.New(rand.NewPCG(Seed, uint64(size.Articles)))
	out := map[string][]byte{
		"SYNTETISK.txt": []byte(readme),
		"content/om.md": []byte("+++\ntitle = \"Om (syntetisk)\"\nsummary = \"Syntetisk side for ytelsestesten.\"\n+++\n\n" +
			body(rng, links{tag: tagNames[0]}, mediumWords)),
		"content/tilgjengelighet.md": []byte("+++\ntitle = \"Tilgjengelighet (syntetisk)\"\n+++\n\n" +
			body(rng, links{tag: tagNames[1]}, mediumWords)),
	}
	for i := range size.Articles {
		out[ArticleFile(i)] = article(rng, i, size.Articles)
		if hasPhoto(i) {
			out[path.Join(path.Dir(ArticleFile(i)), photoName)] = Photo(i)
		}
	}
	for name, data := range dataFiles(rng, size) {
		out["data/"+name] = data
	}
	return out
}

const readme = `SYNTETISK KORPUS for ytelsestesten (make bench).
Alle saker, navn og tall her er oppdiktet av generator/bench/corpus med et fast frø.
Ingenting her er ekte data, og ingenting her skal inn i content/ eller data/ i repoet.
`

// ArticleSlug is the file name (without .md) of article i.
func ArticleSlug(i int) string { return fmt.Sprintf("sak-%05d", i+1) }

var epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// ArticleFile is the Markdown file of article i: a page bundle
// (<slug>/index.md, its photo beside it) for every PhotoEvery-th article,
// a plain <slug>.md for the others.
func ArticleFile(i int) string {
	if hasPhoto(i) {
		return path.Join("content/nyheter", ArticleSlug(i), "index.md")
	}
	return path.Join("content/nyheter", ArticleSlug(i)+".md")
}

// Article lengths in words: a short notice, a usual news article, a long
// report. A real archive has all three.
const (
	shortWords  = 150
	mediumWords = 600
	longWords   = 1800
)

// article writes article i of n: dated over twenty years up to 2019, about
// 30 % short, 55 % medium and 15 % long; two or three tags, one in ten with
// six to ten; links to two older articles (one root-absolute, one
// relative); every PhotoEvery-th with a photo.
func article(rng *rand.Rand, i, n int) []byte {
	date := epoch.AddDate(0, 0, i*7300/max(n, 1))
	k := 2 + rng.IntN(2)
	if rng.IntN(10) == 0 {
		k = 6 + rng.IntN(5)
	}
	tags := pickTags(rng, k)
	l := links{tag: tags[0]}
	if i > 0 {
		l.absolute, l.relative = ArticleSlug(rng.IntN(i)), ArticleSlug(rng.IntN(i))
	}
	if hasPhoto(i) {
		l.photo = i + 1
	}
	words := mediumWords
	switch r := rng.IntN(100); {
	case r < 30:
		words = shortWords
	case r >= 85:
		words = longWords
	}
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = %q\ndate = %s\nsummary = %q\nauthor = \"Syntetisk testdata\"\ntags = [",
		"Syntetisk sak: "+title(rng), date.Format("2006-01-02"), "Syntetisk sammendrag. "+title(rng)+".")
	for j, t := range tags {
		if j > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", t)
	}
	b.WriteString("]\n+++\n\n")
	b.WriteString(body(rng, l, words))
	return []byte(b.String())
}

func pickTags(rng *rand.Rand, k int) []string {
	all := allTags()
	idx := rng.Perm(len(all))[:k]
	out := make([]string, k)
	for i, j := range idx {
		out[i] = all[j]
	}
	return out
}

// FS returns the corpus as a site root, with templates/ copied from repo
// (the repository root), ready for site.Load and render.Engine.
func FS(size Size, repo fs.FS) (fstest.MapFS, error) {
	m := fstest.MapFS{}
	for p, data := range Files(size) {
		m[p] = &fstest.MapFile{Data: data}
	}
	err := fs.WalkDir(repo, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(repo, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	return m, err
}
