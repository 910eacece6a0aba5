package markdown

import (
	"fmt"
	"html/template"
	"os"
	"reflect"
	"regexp"
	"testing"
	"time"

	"github.com/yuin/goldmark"

	"alisnord/generator/bench/corpus"
	"alisnord/generator/diag"
	"alisnord/generator/site"
)

// sameDocument reports whether two conversions agree, but for white
// space at the end of a line (before a line break or <br>), which a
// browser does not show: the full
// parser keeps all but the last of several white-space characters there
// (goldmark splits the text at each one to try Linkify), the plain
// parser none, as CommonMark says.
func sameDocument(gotHTML, wantHTML template.HTML, gotLinks, wantLinks []Link, gotDs, wantDs diag.Diagnostics) bool {
	trailing := regexp.MustCompile(`[ \t\r]+(<br>\n|\n)`) // a CR counts as white space too (the fuzz found "0\r \n0")
	norm := func(h template.HTML) string { return trailing.ReplaceAllString(string(h), "$1") }
	return norm(gotHTML) == norm(wantHTML) && reflect.DeepEqual(gotLinks, wantLinks) && reflect.DeepEqual(gotDs, wantDs)
}

// fullOnly is md with its full parser alone: every article parsed with
// Linkify, as before the plain parser was used.
func fullOnly(md goldmark.Markdown) goldmark.Markdown {
	md.SetParser(md.Parser().(*linkifyWhenNeeded).full)
	return md
}

// linkifyCases are texts where bare URLs and addresses stand, or seem to.
var linkifyCases = []string{
	"Les mer på https://www.helsedirektoratet.no/alis i dag.\n",
	"Se www.bodo.kommune.no, eller http://example.org/a_b_c?x=1.\n",
	"Skriv til post@bodo.kommune.no eller *fornavn.etternavn@nhn.no*.\n",
	"En [lenke](https://www.helsedirektoratet.no/) og ![bilde](https://x.no/b.png).\n",
	"En <https://autolink.no/> og `kode med https://x.no og a@b.no`.\n",
	"a`b@c.no og `kode` etter.\n",
	"*www.example.com* _https://x.no_ ~ftp://x.no~ (https://x.no/(a)).\n",
	"Ingen lenke: awwwesome, http:/x, https//x, wwwx.\n",
	"Lenke i tekst [https://a.no](/om/) og [www.b.no][ref].\n\n[ref]: https://c.no/\n",
	"## Overskrift med https://x.no\n\n| a | www.b.no |\n|---|---|\n| c@d.no | e |\n",
	"Ufullstendig ](https://x.no/ lenke og [tekst](https://y.no\n",
	"- punkt https://x.no.\n- www.y.no!\n\n> sitat med z@w.no\n",
	"Escaped \\www.x.no og \\https://y.no\n",
	"Linjeskift https://x.no  \nog www.y.no\\\nslutt\n",
	"Kode:\n\n    https://x.no\n\n```\nwww.y.no\n```\n",
	"Mellomrom\t \netter linjen\n", "Hardt skift    \nneste\n",
}

// TestPlainParseSameAsFull converts, with both parsers' choice and with
// Linkify always, the repository's articles, a synthetic archive of
// 1,000 articles (marked as such in its text) and texts where bare links
// stand: the HTML, the links and the problems must be the same.
func TestPlainParseSameAsFull(t *testing.T) {
	md, full := New(), fullOnly(New())
	compare := func(name string, a *site.Article) {
		t.Helper()
		gotHTML, gotLinks, gotDs := Convert(md, a, hostileEnv())
		wantHTML, wantLinks, wantDs := Convert(full, a, hostileEnv())
		if !sameDocument(gotHTML, wantHTML, gotLinks, wantLinks, gotDs, wantDs) {
			t.Errorf("%s: differs from a parse with Linkify\n got %s\nwant %s", name, gotHTML, wantHTML)
		}
	}
	for i, body := range linkifyCases {
		compare(fmt.Sprintf("case %d", i), article(body))
	}
	for _, root := range []string{"../..", ""} {
		var m site.Options
		m.Now = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
		fsys := os.DirFS("../..")
		if root == "" {
			c, err := corpus.FS(corpus.SizeFor(1000), fsys)
			if err != nil {
				t.Fatal(err)
			}
			s, err := site.Load(c, m)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range s.Articles {
				compare(a.Path, a)
			}
			continue
		}
		s, err := site.Load(fsys, m)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range s.Articles {
			compare(a.Path, a)
		}
	}
}

// TestLinkifiedTextsTakeTheFullParser checks the choice itself: a bare
// URL or address parses with Linkify, a text with none without it.
func TestLinkifiedTextsTakeTheFullParser(t *testing.T) {
	md := New()
	for _, c := range []struct {
		body string
		full bool
	}{
		{"Ingen lenker her.\n", false},
		{"En [lenke](https://x.no/) bare.\n", false},
		{"Kode `https://x.no` bare.\n", true}, // on the safe side
		{"Bar https://x.no her.\n", true},
		{"Bar www.x.no her.\n", true},
		{"En adresse a@b.no.\n", true},
	} {
		if _, got := parseChoosing(md, []byte(c.body)); got != c.full {
			t.Errorf("%q: full parser %v, want %v", c.body, got, c.full)
		}
	}
}

// FuzzPlainParse converts any text with both parsers' choice and with
// Linkify always: the results must be the same.
func FuzzPlainParse(f *testing.F) {
	for _, c := range linkifyCases {
		f.Add(c)
	}
	md, full := New(), fullOnly(New())
	f.Fuzz(func(t *testing.T, body string) {
		a := article(body)
		gotHTML, gotLinks, gotDs := Convert(md, a, hostileEnv())
		wantHTML, wantLinks, wantDs := Convert(full, a, hostileEnv())
		if !sameDocument(gotHTML, wantHTML, gotLinks, wantLinks, gotDs, wantDs) {
			t.Fatalf("%q: differs from a parse with Linkify\n got %s\nwant %s", body, gotHTML, wantHTML)
		}
	})
}
