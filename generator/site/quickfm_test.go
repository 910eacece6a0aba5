package site

import (
	"reflect"
	"strings"
	"testing"

	"alisnord/generator/diag"
)

// quickTaken are front matters at the edges of what quickFrontMatter
// takes; quickLeft are some it leaves to the general decoder.
var (
	quickTaken = []string{
		"title = \"x\"\ndate = 2019-02-28\ntags = [\"a\", \"b\"]\n",
		"title = \"Sier \\\"ja\\\" \\\\ nei\" # kommentar\n\n# linje\n  summary=\"s\"\r\ndraft = true\n",
		"title = \"x\"\ndate = 2020-02-29#c\npublishDate = 2020-03-01\nexpiryDate = 2021-01-01\nlastmod = 2020-05-05\n",
		"title = \"x\"\ntall_per = \"siste\"\nlayout = \"slides\"\nimage = \"a.jpg\"\nimage_alt = \"b\"\nauthor = \"c\"\n",
		"title = \"x\"\ntall_per = 2019-12-31\ndraft = false\n",
		"title = \"a\tb\"\ntags = [\"a\",]\n",
		"",
	}
	quickLeft = []string{
		"title = \"x\"\ndate = 2019-02-29\n",
		"title = \"x\"\ntags = []\n",
		"title = \"x\"\ntitle = \"y\"\n",
		"title = \"x\"\ndate = 1999-12-31\n",
		"title = \"x\"\ndate = 2019-01-01 10:00:00\n",
		"title = \"x\"\ndate = 2019-01-01T10:00:00Z\n",
		"title = \"a\\tb\"\n",
		"\"title\" = \"x\"\n",
		"title = 'x'\n",
		"title = \"\"\"x\"\"\"\n",
		"tags = [\n  \"a\",\n]\n",
		"draft = truex\n",
		"title = \"x\" y\n",
		"ukjent = \"x\"\n",
		"title.x = \"x\"\n",
		"[title]\n",
	}
)

// FuzzQuickFrontMatter holds the quick way of reading front matter to the
// general one: whatever it takes, it must read as decodeTOML does, with no
// problem, the same fields and the same key positions.
func FuzzQuickFrontMatter(f *testing.F) {
	for _, a := range repoArticles(f) {
		if fm, _, _, _, d := SplitFrontMatter("x.md", []byte(a)); d == nil {
			f.Add(string(fm))
		}
	}
	for _, s := range append(quickTaken, quickLeft...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !cleanText([]byte(src)) {
			return // parseArticle has refused the file before its front matter is read
		}
		var quick frontMatter
		qix, ok := quickFrontMatter("x.md", []byte(src), 1, &quick)
		if !ok {
			return
		}
		var general frontMatter
		var ds diag.Diagnostics
		gix, ok := decodeTOML("x.md", []byte(src), 1, &general, &ds)
		if !ok || len(ds) > 0 {
			t.Fatalf("quick took what the general decoder refuses: %v", ds)
		}
		if !reflect.DeepEqual(quick, general) {
			t.Fatalf("quick gave\n%#v\ngeneral gave\n%#v", quick, general)
		}
		if !reflect.DeepEqual(qix, gix) {
			t.Fatalf("quick index\n%#v\ngeneral index\n%#v", qix, gix)
		}
	})
}

// TestQuickFrontMatterTakesArticles checks that the quick way is the one
// taken: for every article of the repository, and for the seeds meant for
// it, quickFrontMatter says ok.
func TestQuickFrontMatterTakesArticles(t *testing.T) {
	m := repoFS(t)
	n := 0
	for name, file := range m {
		if !strings.HasPrefix(name, "content/") || !strings.HasSuffix(name, ".md") {
			continue
		}
		fm, _, _, _, d := SplitFrontMatter(name, file.Data)
		if d != nil {
			t.Fatalf("%s: %s", name, d.Msg)
		}
		var v frontMatter
		if _, ok := quickFrontMatter(name, fm, 1, &v); !ok {
			t.Errorf("%s: the quick way refused its front matter", name)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no articles found")
	}
	for _, s := range quickTaken {
		var v frontMatter
		if _, ok := quickFrontMatter("x.md", []byte(s), 1, &v); !ok {
			t.Errorf("refused %q", s)
		}
	}
	for _, s := range quickLeft {
		var v frontMatter
		if _, ok := quickFrontMatter("x.md", []byte(s), 1, &v); ok {
			t.Errorf("took %q, which is the general decoder's to read", s)
		}
	}
}

// FuzzCleanText holds checkText's quick pass to its placing one: both
// must find the same files clean.
func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"", "abc\r\n\tæøå", "a\x00b", "a\x7f", "\u0085", "\u00a0", "\xff", "\xe2\x82", "\uFFFD", "\U0001F600",
		"abcdefgh\x7fijklmnop", "0123456789\x01abcdefghij", "abcdefghijklmnop\u0085qrstuvwxyz", "Tromsø og Bodø\n\tlinje to\r\n~~~~~~~~"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var ds diag.Diagnostics
		if quick, placed := cleanText(src), placeTextFaults("x.md", src, &ds); quick != placed {
			t.Fatalf("cleanText says %v, the placing pass %v (%v)", quick, placed, ds)
		}
	})
}
