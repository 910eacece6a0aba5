package markdown_test

import (
	"fmt"
	"strings"

	"alisnord/generator/markdown"
	"alisnord/generator/site"
)

// An article with a heading, a figure from the data and a root-relative
// link, converted for a page one folder down. The figure's value is
// synthetic, made up for the example.
func Example() {
	md := markdown.New() // once, shared by every page
	a := &site.Article{Meta: site.Meta{Path: "content/nyheter/eksempel.md", BodyLine: 6},
		Body: []byte("## Første runde\n\nVi fikk {{< tall eksempel >}} svar. Les [mer](/om/).\n")}
	env := markdown.Env{
		Figures: map[string]string{"eksempel": "1 234"},
		Chart:   func(string) (string, string, bool) { return "", "", false },
		Rel: func(link string) string {
			if strings.HasPrefix(link, "/") {
				return ".." + link
			}
			return link
		},
	}
	html, links, ds := markdown.Convert(md, a, env)
	fmt.Print(html)
	fmt.Println(links[0].Orig, "->", links[0].Rel, "at", links[0].Pos)
	fmt.Println(len(ds), "problems")
	// Output:
	// <h2 id="forste-runde">Første runde</h2>
	// <p>Vi fikk <span class="tall">1 234</span> svar. Les <a href="../om/">mer</a>.</p>
	// /om/ -> ../om/ at content/nyheter/eksempel.md:8:42
	// 0 problems
}

// A problem comes back at its line and column in the article's file,
// and the rest of the article is still converted.
func ExampleConvert_problem() {
	a := &site.Article{Meta: site.Meta{Path: "content/nyheter/eksempel.md", BodyLine: 6},
		Body: []byte("Første avsnitt.\n\nSe [her](javascript:alert(1)).\n")}
	env := markdown.Env{
		Figures: map[string]string{},
		Chart:   func(string) (string, string, bool) { return "", "", false },
		Rel:     func(link string) string { return link },
	}
	_, _, ds := markdown.Convert(markdown.New(), a, env)
	fmt.Println(ds)
	// Output:
	// content/nyheter/eksempel.md:8:5: lenken bruker et utrygt skjema (javascript:); bare http:, https:, mailto:, tel: og lenker innenfor nettstedet er lov
}
