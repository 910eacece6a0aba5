package render

import (
	"strings"
	"testing"
)

// TestMarkdownTables: a column of numbers is right-aligned with tabular
// figures, an alignment written in the Markdown is kept, and every body
// cell carries its header for the stacked phone layout.
func TestMarkdownTables(t *testing.T) {
	body := "+++\ntitle = \"T\"\ndate = 2019-01-05\n+++\n" +
		"| Område | Innbyggere | Merknad | Andel |\n|---|---|:-:|---|\n" +
		"| Nord | 61 142 | *to* kommuner | 52 % |\n| Sør | 19,5 | ingen | 48 % |\n"
	files, err := buildArchive(t, smallWith(t, "content/nyheter/x.md", body))
	if err != nil {
		t.Fatal(err)
	}
	var page string
	for _, f := range files {
		if f.Path == "nyheter/x/index.html" {
			page = string(f.Data)
		}
	}
	for _, want := range []string{
		`<table class="stack">`,
		`<th scope="col" class="num">Innbyggere</th>`,
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
