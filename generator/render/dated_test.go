package render

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"alisnord/generator/internal/sitetest"
)

// statusArticle is a synthetic news article (test data) that shows the
// recruitment chart and a figure of filled positions as of its date.
const statusArticle = `+++
title = "Status for rekrutteringen"
date = 2019-11-15
+++
{{< tall stillinger-besatt >}} stillinger er besatt.

` + "```chart rekruttering-per-omrade\n```\n"

// laterChange is a status change, in the documented form, for participant
// D's one position, dated after statusArticle's date.
const laterChange = `positions = 1

[[participant.position]]

[[participant.position.change]]
date = 2019-12-01
status = "besatt"
`

func smallFS(t *testing.T) fstest.MapFS {
	t.Helper()
	m := smallTree(t)
	m["content/nyheter/status.md"] = &fstest.MapFile{Data: []byte(statusArticle)}
	return m
}

func fileMap(t *testing.T, m fstest.MapFS) map[string][]byte {
	t.Helper()
	files, err := renderFS(t, m)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		out[f.Path] = f.Data
	}
	return out
}

// TestLaterDataKeepsOldNews is issue 14's test: a status change dated after
// an article leaves the article's page (and the deck of an earlier event)
// byte-identical, while the statistics page's figures, its «Tall per»
// stamp and its source line move to the new date.
func TestLaterDataKeepsOldNews(t *testing.T) {
	m := smallFS(t)
	before := fileMap(t, m)
	d := string(m["data/participants.toml"].Data)
	i := strings.Index(d, "id = \"d\"")
	rest := d[i:]
	j := strings.Index(rest, "positions = 1\n")
	m["data/participants.toml"] = &fstest.MapFile{Data: []byte(d[:i] + rest[:j] + laterChange + rest[j+len("positions = 1\n"):])}
	after := fileMap(t, m)

	for _, page := range []string{"nyheter/status/index.html", "konferanse/lysbilder/index.html", "nyheter/forste/index.html"} {
		if !bytes.Equal(before[page], after[page]) {
			t.Errorf("%s changed after a status change dated later:\n%s", page, firstDiff(before[page], after[page]))
		}
	}
	if !bytes.Contains(before["nyheter/status/index.html"], []byte(`<span class="tall">1</span> stillinger er besatt`)) {
		t.Error("the article does not show the figure as of its date")
	}
	stats := func(files map[string][]byte) string { return string(files["statistikk/index.html"]) }
	for _, want := range []struct{ before, after string }{
		{"1 av 4 stillinger er meldt besatt", "2 av 4 stillinger er meldt besatt"},
		{"Tall per <time datetime=\"2019-11-01\">1.\u00a0november 2019</time>", "Tall per <time datetime=\"2019-12-01\">1.\u00a0desember 2019</time>"},
		{"endringer registrert av ALIS-Nord til og med 1.\u00a0november 2019", "endringer registrert av ALIS-Nord til og med 1.\u00a0desember 2019"},
	} {
		if !strings.Contains(stats(before), want.before) {
			t.Errorf("statistics page before the change lacks %q", want.before)
		}
		if !strings.Contains(stats(after), want.after) || strings.Contains(stats(after), want.before) {
			t.Errorf("statistics page after the change: want %q instead of %q", want.after, want.before)
		}
	}
}

// TestDatedDownloads checks that a dated view's downloads carry their date
// in name and content, and that the full history is offered.
func TestDatedDownloads(t *testing.T) {
	files := fileMap(t, smallFS(t))
	csv, ok := files["statistikk/data/rekruttering-per-omrade-per-2019-11-01.csv"]
	if !ok {
		t.Fatalf("no dated download for the article of 2019-11-15 (epoch 2019-11-01); have %v", names(files, "rekruttering"))
	}
	if !bytes.HasSuffix(csv, []byte("Tall per;2019-11-01\r\n")) {
		t.Errorf("dated CSV does not end with its as-of date:\n%s", csv)
	}
	hist := string(files["statistikk/data/historikk.csv"])
	for _, want := range []string{"2019-09-01;Nord;A/B;1;status;utlyst;", "2019-10-15;Nord;;;innbyggere;12400;telling-2", "Tall per;2019-11-01"} {
		if !strings.Contains(hist, want) {
			t.Errorf("historikk.csv lacks %q:\n%s", want, hist)
		}
	}
}

func names(files map[string][]byte, part string) []string {
	var out []string
	for p := range files {
		if strings.Contains(p, part) {
			out = append(out, p)
		}
	}
	return out
}

// TestShippedSiteEmptyStates renders the repository's own data, which has
// no history yet, and expects the honest empty states instead of charts.
func TestShippedSiteEmptyStates(t *testing.T) {
	m := sitetest.MapFS(t)
	files := fileMap(t, m)
	for _, page := range []string{"statistikk/index.html", "omrader/unn/index.html", "deltakere/vega/index.html", "hendelser/index.html"} {
		if !bytes.Contains(files[page], []byte("Ingen endringer registrert ennå.")) {
			t.Errorf("%s has no empty state", page)
		}
	}
	if bytes.Contains(files["statistikk/index.html"], []byte(`id="figur-stillinger-over-tid"`)) {
		t.Error("the statistics page draws a progress chart without a history")
	}
	if !bytes.Contains(files["statistikk/index.html"], []byte("Tall per <time datetime=\"2019-04-01\">")) {
		t.Error("the statistics page has no «Tall per» stamp")
	}
}
