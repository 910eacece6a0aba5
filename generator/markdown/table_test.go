package markdown

import (
	"strings"
	"testing"
)

// TestMarkdownTables: a column of numbers is right-aligned with tabular
// figures, an alignment written in the Markdown is kept, and every body
// cell carries its header for the stacked phone layout.
func TestMarkdownTables(t *testing.T) {
	body := "| Område | Innbyggere | Merknad | Andel |\n|---|---|:-:|---|\n" +
		"| Nord | 61 142 | *to* kommuner | 52 % |\n| Sør | 19,5 | ingen | 48 % |\n"
	html, _, ds := Convert(New(), article(body), hostileEnv())
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	page := string(html)
	for _, want := range []string{
		`<div class="table-scroll" role="region" aria-label="Tabell" tabindex="0">`,
		`<table class="stack">`,
		`<th scope="col" class="num">Innbyggere</th>`,
		`<th scope="col" style="text-align:center">Merknad</th>`,
		`<td class="num" data-label="Innbyggere">61 142</td>`,
		`<td style="text-align:center" data-label="Merknad"><em>to</em> kommuner</td>`,
		`<td class="num" data-label="Andel">52 %</td>`,
		`<td data-label="Område">Nord</td>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the table lacks %s", want)
		}
	}
}

// TestTableColumnsWholeColumn: a column is numeric only when every body
// row holds a number in it, the last row and a short row included, and a
// header's text labels every row of its column.
func TestTableColumnsWholeColumn(t *testing.T) {
	body := "| Kommune | Antall | Andel |\n|---|---|---|\n| A | 12 | 3 % |\n| B | 7 | 4 % |\n| C | 5 |\n| D | ukjent | 5 % |\n"
	html, _, ds := Convert(New(), article(body), hostileEnv())
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	page := string(html)
	for _, want := range []string{`<th scope="col">Antall</th>`, `<td data-label="Antall">12</td>`, `<td data-label="Andel">3 %</td>`, `<td data-label="Kommune">D</td>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the table lacks %s:\n%s", want, page)
		}
	}
	if strings.Contains(page, `class="num"`) {
		t.Errorf("a column with text or an empty cell is marked numeric:\n%s", page)
	}
}
