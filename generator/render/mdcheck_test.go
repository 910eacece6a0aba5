package render

import (
	"fmt"
	"strings"
	"testing"

	"alisnord/generator/output"
	"alisnord/generator/site"
)

// articleHead is the front matter of the test articles: the body starts
// on line 5 of content/nyheter/x.md.
const articleHead = "+++\ntitle = \"T\"\ndate = 2019-01-05\n+++\n"

// articleCase is an article body of content/nyheter/x.md and the problem
// it must be reported with.
type articleCase struct{ name, body, want string }

// wantArticleErrors builds the small site with each body in turn and
// wants its problem among the errors.
func wantArticleErrors(t *testing.T, tests []articleCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := buildArchive(t, smallWith(t, "content/nyheter/x.md", articleHead+tc.body))
			if err == nil || !strings.Contains(err.Error(), "content/nyheter/"+tc.want) {
				t.Errorf("want …%s…, got:\n%v", tc.want, err)
			}
		})
	}
}

// TestShortcodeErrors plants shortcodes that today's main published as
// literal text: each is an error at its position that shows the right form.
func TestShortcodeErrors(t *testing.T) {
	tests := []articleCase{
		{"percent form", "Vi fikk {{% tall soknader %}} søknader.\n", "x.md:5:9: tall skrives {{< tall NØKKEL >}}"},
		{"split over two lines", "Vi fikk {{< tall\nsoknader >}} søknader.\n", "x.md:5:9: {{< lukkes ikke med >}} på samme linje; skriv {{< tall NØKKEL >}}"},
		{"never closed", "A\n\nVi fikk {{< tall soknader søknader.\n", "x.md:7:9: {{< lukkes ikke"},
		{"in a heading", "## Tallet {{% tall x %}}\n", "x.md:5:11: tall skrives {{< tall NØKKEL >}}"},
	}
	wantArticleErrors(t, tests)
}

// TestShortcodeInCodeIsText documents the shortcode syntax in a code span
// and a fenced block: that is text, not an error.
func TestShortcodeInCodeIsText(t *testing.T) {
	body := "Skriv `{{< tall soknader >}}` eller `{{% x` eller `{{< tall`.\n\n```\n{{< tall\n{{% tall x %}}\n```\n\n    {{< innrykket\n"
	files, err := buildArchive(t, smallWith(t, "content/nyheter/x.md", articleHead+body))
	if err != nil {
		t.Fatal(err)
	}
	page := fileData(t, files, "nyheter/x/index.html")
	if !strings.Contains(page, "<code>{{&lt; tall soknader &gt;}}</code>") || !strings.Contains(page, "{{% tall x %}}") {
		t.Errorf("code not shown as text:\n%s", page)
	}
}

// TestUnsafeLinks plants links and images with schemes a browser would run
// or read from the reader's machine, plain and disguised: each is an error
// at the link.
func TestUnsafeLinks(t *testing.T) {
	tests := []articleCase{
		{"javascript", "Se [her](javascript:alert(1)).\n", "x.md:5:5: lenken bruker et utrygt skjema (javascript:)"},
		{"upper case", "Se [her](JavaScript:alert(1)).\n", "x.md:5:5: lenken bruker et utrygt skjema (javascript:)"},
		{"leading space", "Se [her](< javascript:alert(1)>).\n", "x.md:5:5: lenken bruker et utrygt skjema (javascript:)"},
		{"entity", "Se [her](&#106;avascript:alert(1)).\n", "x.md:5:5: lenken bruker et utrygt skjema (javascript:)"},
		{"named entity colon", "Se [her](javascript&colon;alert(1)).\n", "x.md:5:5: lenken bruker et utrygt skjema (javascript:)"},
		{"tab inside", "Se [her](java&#9;script:alert(1)).\n", "x.md:5:5: lenken bruker et utrygt skjema (javascript:)"},
		{"vbscript", "A\n\nSe [her](vbscript:msgbox).\n", "x.md:7:5: lenken bruker et utrygt skjema (vbscript:)"},
		{"data image", "![bilde](data:image/svg+xml;base64,PHN2Zz4=)\n", "x.md:5:3: lenken bruker et utrygt skjema (data:)"},
		{"file", "[fil](file:///etc/passwd)\n", "x.md:5:2: lenken bruker et utrygt skjema (file:)"},
		{"empty text", "Se [](javascript:x).\n", "x.md:5:4: lenken bruker et utrygt skjema (javascript:)"},
		{"autolink", "Se <javascript:alert(1)>.\n", "x.md:5:4: lenken bruker et utrygt skjema (javascript:)"},
		{"reference", "Se [her][r].\n\n[r]: javascript:alert(1)\n", "x.md:5:5: lenken bruker et utrygt skjema (javascript:)"},
	}
	wantArticleErrors(t, tests)
}

// TestSafeSchemesPass keeps the schemes that are allowed working.
func TestSafeSchemesPass(t *testing.T) {
	body := "[a](https://example.org/) [b](HTTP://example.org/) [c](mailto:a@b.no) [d](tel:+4712345678) [e](#topp) <https://example.org/x> <a@b.no> [f](/statistikk/?a=b:c)\n"
	if _, err := buildArchive(t, smallWith(t, "content/nyheter/x.md", articleHead+body)); err != nil {
		t.Fatal(err)
	}
}

// TestAllMarkdownProblemsReported plants an unknown figure, a malformed
// shortcode, an unknown chart, an unsafe link and a broken link in one
// article: every one is reported in one run, sorted.
func TestAllMarkdownProblemsReported(t *testing.T) {
	body := "{{< tall ukjent >}}\n\n{{% tall x %}}\n\n```chart ukjent\n```\n\n[a](javascript:x) [b](/finnes-ikke/)\n"
	_, err := buildArchive(t, smallWith(t, "content/nyheter/x.md", articleHead+body))
	want := []string{
		`content/nyheter/x.md:5:1: ukjent tall "ukjent"`,
		`content/nyheter/x.md:7:1: tall skrives`,
		`content/nyheter/x.md:9:4: ukjent figur "ukjent"`,
		`content/nyheter/x.md:12:2: lenken bruker et utrygt skjema`,
		`content/nyheter/x.md:12:20: lenken "/finnes-ikke/" peker ikke til noen side`,
	}
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(want) {
		t.Fatalf("want %d problems, got:\n%v", len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("problem %d: want %s…, got %s", i+1, w, lines[i])
		}
	}
}

// hostileEnv is what convert needs for an article without figures or charts.
func hostileEnv() mdEnv {
	return mdEnv{
		figures: map[string]string{},
		chart:   func(string) (string, string, bool) { return "", "", true },
		rel:     func(s string) string { return s },
	}
}

// TestDeepNestingRefused gives convert lists and quotes nested 100,000
// deep (200 KB) and 100,000 link reference definitions in one paragraph,
// which goldmark needs minutes for: each is refused, at its line, before
// goldmark parses it.
func TestDeepNestingRefused(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"list", strings.Repeat("- ", 100_000) + "x\n", "x.md:5:1: lister eller sitater er nestet 100000 nivåer dypt"},
		{"quote", "A\n\n" + strings.Repeat("> ", 100_000) + "x\n", "x.md:7:1: lister eller sitater er nestet 100000 nivåer dypt"},
		{"ordered", strings.Repeat("1. ", 50_000) + "x\n", "x.md:5:1: lister eller sitater er nestet 50000 nivåer dypt"},
		{"indented", indentedList(300), "x.md:105:1: lister eller sitater er nestet 101 nivåer dypt"},
		{"reference definitions", "A\n\n" + strings.Repeat("[a]: /x\n", 100_000), "x.md:7:1: over 1000 lenkedefinisjoner ([navn]: adresse) står etter hverandre"},
	}
	md := newMarkdown()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &site.Article{Meta: site.Meta{Path: "content/nyheter/x.md", BodyLine: 5}, Body: []byte(tc.body)}
			_, _, ds := convert(md, a, hostileEnv())
			if len(ds) == 0 || !strings.Contains(ds[0].String(), tc.want) {
				t.Errorf("want …%s…, got %v", tc.want, ds)
			}
		})
	}
}

// indentedList nests n list items by indentation, two columns a level.
func indentedList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- a\n")
	}
	return b.String()
}

// TestNestingWithinLimitPasses keeps lists 100 deep, code indented less
// than 200 columns, and many link reference definitions apart or in runs
// of 1000, working.
func TestNestingWithinLimitPasses(t *testing.T) {
	md := newMarkdown()
	for _, body := range []string{strings.Repeat("- ", 100) + "x\n", indentedList(100), "```\n" + strings.Repeat(" ", 199) + "x\n```\n",
		strings.Repeat("[a]: /x\n\n", 5000), strings.Repeat(strings.Repeat("[a]: /x\n", 1000)+"\n", 3)} {
		a := &site.Article{Meta: site.Meta{Path: "content/nyheter/x.md", BodyLine: 5}, Body: []byte(body)}
		if _, _, ds := convert(md, a, hostileEnv()); len(ds) > 0 {
			t.Errorf("%.20q…: %v", body, ds)
		}
	}
}

// TestHostileShortcodesComplete gives convert a line of 100,000 "{{<"
// and one of 100,000 "{{%": each line is one problem, read once.
func TestHostileShortcodesComplete(t *testing.T) {
	body := strings.Repeat("{{<", 100_000) + "\n\n" + strings.Repeat("{{%", 100_000) + "\n"
	a := &site.Article{Meta: site.Meta{Path: "content/nyheter/x.md", BodyLine: 5}, Body: []byte(body)}
	_, _, ds := convert(newMarkdown(), a, hostileEnv())
	if len(ds) != 2 || ds[0].Pos.String() != "content/nyheter/x.md:5:1" || ds[1].Pos.String() != "content/nyheter/x.md:7:1" {
		t.Errorf("want one problem at 5:1 and one at 7:1, got %v", ds)
	}
}

// manyLinks is a synthetic article of n links on n lines.
func manyLinks(n int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Avsnitt %d med [en lenke](/nyheter/side-%d/) og litt mer tekst rundt den.\n\n", i, i)
	}
	return []byte(b.String())
}

// TestHostileArticleCompletes converts a 10 MB article with 125,000 links
// and 20,000 equal headings (synthetic), which took minutes before line
// positions and heading ids were found in constant time; it checks the
// last link's position and the last heading's id, not the time.
func TestHostileArticleCompletes(t *testing.T) {
	if testing.Short() {
		t.Skip("10 MB article")
	}
	body := manyLinks(125_000)
	body = append(body, strings.Repeat("## Tall\n\n", 20_000)...)
	a := &site.Article{Meta: site.Meta{Path: "content/nyheter/x.md", BodyLine: 5}, Body: body}
	html, links, ds := convert(newMarkdown(), a, hostileEnv())
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if len(links) != 125_000 {
		t.Fatalf("%d links, want 125000", len(links))
	}
	if got, want := links[len(links)-1].pos, (site.Pos{Path: a.Path, Line: 5 + 2*124_999, Col: 21}); got != want {
		t.Errorf("last link at %v, want %v", got, want)
	}
	for _, id := range []string{"tall-19998", "tall-19999"} {
		if !strings.Contains(string(html), `<h2 id="`+id+`">`) {
			t.Errorf("no heading has id %s", id)
		}
	}
}

// BenchmarkConvertLinks converts articles of 1,000, 10,000 and 100,000
// links: ns/op should grow tenfold per step (linear), not a hundredfold.
func BenchmarkConvertLinks(b *testing.B) {
	md := newMarkdown()
	for _, n := range []int{1_000, 10_000, 100_000} {
		a := &site.Article{Meta: site.Meta{Path: "content/nyheter/x.md", BodyLine: 5}, Body: manyLinks(n)}
		b.Run(fmt.Sprintf("links=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(a.Body)))
			for b.Loop() {
				if _, _, ds := convert(md, a, hostileEnv()); len(ds) > 0 {
					b.Fatal(ds)
				}
			}
		})
	}
}

// BenchmarkConvertNesting converts lists nested 100 deep (the limit),
// repeated 100, 1,000 and 10,000 times: linear growth again.
func BenchmarkConvertNesting(b *testing.B) {
	md := newMarkdown()
	for _, n := range []int{100, 1_000, 10_000} {
		a := &site.Article{Meta: site.Meta{Path: "content/nyheter/x.md", BodyLine: 5}, Body: []byte(strings.Repeat(strings.Repeat("- ", 100)+"x\n", n))}
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(a.Body)))
			for b.Loop() {
				if _, _, ds := convert(md, a, hostileEnv()); len(ds) > 0 {
					b.Fatal(ds)
				}
			}
		})
	}
}

// fileData returns the content of the output file at p.
func fileData(t *testing.T, files []output.File, p string) string {
	t.Helper()
	for _, f := range files {
		if f.Path == p {
			return string(f.Data)
		}
	}
	t.Fatalf("no %s in the output", p)
	return ""
}
