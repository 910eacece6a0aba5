package markdown

import (
	"fmt"
	"html/template"
	"strings"
	"testing"

	"alisnord/generator/diag"
	"alisnord/generator/site"
)

// article is content/nyheter/x.md with body starting on line 5, as the
// front matter of a four-line head leaves it.
func article(body string) *site.Article {
	return &site.Article{Meta: site.Meta{Path: "content/nyheter/x.md", BodyLine: 5}, Body: []byte(body)}
}

// hostileEnv is what Convert needs for an article without figures or charts.
func hostileEnv() Env {
	return Env{
		Figures: map[string]string{},
		Chart:   func(string) (string, string, bool) { return "", "", true },
		Rel:     func(s string) string { return s },
	}
}

// convertCase is an article body and the problem it must be reported with.
type convertCase struct{ name, body, want string }

// wantProblems converts each body in turn and wants its problem among
// the diagnostics.
func wantProblems(t *testing.T, tests []convertCase) {
	t.Helper()
	md := New()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, ds := Convert(md, article(tc.body), hostileEnv())
			if err := ds.Err(); err == nil || !strings.Contains(err.Error(), "content/nyheter/"+tc.want) {
				t.Errorf("want …%s…, got:\n%v", tc.want, err)
			}
		})
	}
}

// TestShortcodeErrors plants shortcodes that were once published as
// literal text: each is an error at its position that shows the right form.
func TestShortcodeErrors(t *testing.T) {
	wantProblems(t, []convertCase{
		{"percent form", "Vi fikk {{% tall soknader %}} søknader.\n", "x.md:5:9: tall skrives {{< tall NØKKEL >}}"},
		{"split over two lines", "Vi fikk {{< tall\nsoknader >}} søknader.\n", "x.md:5:9: {{< lukkes ikke med >}} på samme linje; skriv {{< tall NØKKEL >}}"},
		{"never closed", "A\n\nVi fikk {{< tall soknader søknader.\n", "x.md:7:9: {{< lukkes ikke"},
		{"in a heading", "## Tallet {{% tall x %}}\n", "x.md:5:11: tall skrives {{< tall NØKKEL >}}"},
		{"unknown key", "A\n\nVi fikk {{< tall ukjent >}}.\n", `x.md:7:9: ukjent tall "ukjent"`},
	})
}

// TestShortcodeInCodeIsText documents the shortcode syntax in a code span
// and a fenced block: that is text, not an error.
func TestShortcodeInCodeIsText(t *testing.T) {
	body := "Skriv `{{< tall soknader >}}` eller `{{% x` eller `{{< tall`.\n\n```\n{{< tall\n{{% tall x %}}\n```\n\n    {{< innrykket\n"
	html, _, ds := Convert(New(), article(body), hostileEnv())
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if !strings.Contains(string(html), "<code>{{&lt; tall soknader &gt;}}</code>") || !strings.Contains(string(html), "{{% tall x %}}") {
		t.Errorf("code not shown as text:\n%s", html)
	}
}

// TestUnsafeLinks plants links and images with schemes a browser would run
// or read from the reader's machine, plain and disguised: each is an error
// at the link.
func TestUnsafeLinks(t *testing.T) {
	wantProblems(t, []convertCase{
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
	})
}

// TestSafeSchemesPass keeps the schemes that are allowed working.
func TestSafeSchemesPass(t *testing.T) {
	body := "[a](https://example.org/) [b](HTTP://example.org/) [c](mailto:a@b.no) [d](tel:+4712345678) [e](#topp) <https://example.org/x> <a@b.no> [f](/statistikk/?a=b:c)\n"
	if _, _, ds := Convert(New(), article(body), hostileEnv()); len(ds) > 0 {
		t.Fatal(ds)
	}
}

// TestLinksRewritten: every link and image destination goes through
// Env.Rel, comes back with where it was written, and the page links the
// rewritten one.
func TestLinksRewritten(t *testing.T) {
	env := hostileEnv()
	env.Rel = func(s string) string {
		if strings.HasPrefix(s, "/") {
			return ".." + s
		}
		return s
	}
	body := "Se [saken](/nyheter/a/) og\n[ekstern](https://example.org/).\n\n![Kart](/bilder/kart.svg)\n"
	html, links, ds := Convert(New(), article(body), env)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	want := []Link{
		{Orig: "/nyheter/a/", Rel: "../nyheter/a/", Pos: diag.Pos{Path: "content/nyheter/x.md", Line: 5, Col: 5}},
		{Orig: "https://example.org/", Rel: "https://example.org/", Pos: diag.Pos{Path: "content/nyheter/x.md", Line: 6, Col: 2}},
		{Orig: "/bilder/kart.svg", Rel: "../bilder/kart.svg", Pos: diag.Pos{Path: "content/nyheter/x.md", Line: 8, Col: 3}},
	}
	if fmt.Sprint(links) != fmt.Sprint(want) {
		t.Errorf("links:\n%v\nwant\n%v", links, want)
	}
	if !strings.Contains(string(html), `<a href="../nyheter/a/">saken</a>`) || !strings.Contains(string(html), `src="../bilder/kart.svg"`) {
		t.Errorf("links not rewritten:\n%s", html)
	}
}

// TestFiguresAndCharts: a figure prints its value escaped, a chart block
// its HTML, and a lenient page takes unknown names without a problem.
func TestFiguresAndCharts(t *testing.T) {
	env := hostileEnv()
	env.Figures = map[string]string{"soknader": "35 <b>"}
	env.Chart = func(name string) (string, string, bool) {
		return `<figure id="` + name + `"></figure>`, "", name == "kart"
	}
	html, _, ds := Convert(New(), article("Vi fikk {{< tall soknader >}} søknader.\n\n```chart kart\n```\n"), env)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	for _, want := range []template.HTML{`<span class="tall">35 &lt;b&gt;</span>`, `<figure id="kart"></figure>`} {
		if !strings.Contains(string(html), string(want)) {
			t.Errorf("no %s in\n%s", want, html)
		}
	}
	unknown := article("{{< tall ukjent >}}\n\n```chart ukjent\n```\n")
	_, _, ds = Convert(New(), unknown, env)
	if len(ds) != 2 || !strings.HasPrefix(ds[1].String(), `content/nyheter/x.md:7:4: ukjent figur "ukjent"`) {
		t.Errorf("want an unknown figure and an unknown chart, got %v", ds)
	}
	env.Lenient = true
	if _, _, ds := Convert(New(), unknown, env); len(ds) > 0 {
		t.Errorf("lenient: %v", ds)
	}
}

// TestDeepNestingRefused gives Convert lists and quotes nested 100,000
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
	md := New()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, ds := Convert(md, article(tc.body), hostileEnv())
			if len(ds) == 0 || !strings.Contains(ds[0].String(), tc.want) {
				t.Errorf("want …%s…, got %v", tc.want, ds)
			}
		})
	}
}

// TestBothLimitsReported: a body both nested too deep and with too long a
// run of definitions gets both problems, nesting first, from one pass.
func TestBothLimitsReported(t *testing.T) {
	body := "A\n\n" + strings.Repeat("[a]: /x\n", 1001) + "\n" + strings.Repeat("> ", 101) + "x\n"
	_, _, ds := Convert(New(), article(body), hostileEnv())
	if len(ds) != 2 || ds[0].Pos.Line != 1009 || ds[1].Pos.Line != 7 {
		t.Errorf("want nesting at line 1009, then definitions at line 7; got %v", ds)
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
	md := New()
	for _, body := range []string{strings.Repeat("- ", 100) + "x\n", indentedList(100), "```\n" + strings.Repeat(" ", 199) + "x\n```\n",
		strings.Repeat("[a]: /x\n\n", 5000), strings.Repeat(strings.Repeat("[a]: /x\n", 1000)+"\n", 3)} {
		if _, _, ds := Convert(md, article(body), hostileEnv()); len(ds) > 0 {
			t.Errorf("%.20q…: %v", body, ds)
		}
	}
}

// TestHostileShortcodesComplete gives Convert a line of 100,000 "{{<"
// and one of 100,000 "{{%": each line is one problem, read once.
func TestHostileShortcodesComplete(t *testing.T) {
	body := strings.Repeat("{{<", 100_000) + "\n\n" + strings.Repeat("{{%", 100_000) + "\n"
	_, _, ds := Convert(New(), article(body), hostileEnv())
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
	html, links, ds := Convert(New(), a, hostileEnv())
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if len(links) != 125_000 {
		t.Fatalf("%d links, want 125000", len(links))
	}
	if got, want := links[len(links)-1].Pos, (diag.Pos{Path: a.Path, Line: 5 + 2*124_999, Col: 21}); got != want {
		t.Errorf("last link at %v, want %v", got, want)
	}
	for _, id := range []string{"tall-19998", "tall-19999"} {
		if !strings.Contains(string(html), `<h2 id="`+id+`">`) {
			t.Errorf("no heading has id %s", id)
		}
	}
}
