package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"alisnord/generator/internal/sitetest"
	"alisnord/generator/site"
)

// renderArchive renders the in/ tree of ar with the repository's
// templates and the chart renderer cr.
func renderArchive(t *testing.T, ar *txtar.Archive, cr ChartRenderer) error {
	t.Helper()
	m := archiveFS(ar)
	repoTemplates(t, m)
	s, err := site.Load(m, site.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Site(s, Options{Root: m, Charts: cr})
	return err
}

// TestChartErrorAtDataEntry has the chart code refuse one area's name
// (the loader already refuses an empty one): the failure is reported in Norwegian at the area in
// data/areas.toml, once per chart, and the broken link and shortcode
// planted beside it are reported too, by Site and by every build of a
// remembering engine.
func TestChartErrorAtDataEntry(t *testing.T) {
	ar := smallWith(t, "content/om.md", "+++\ntitle = \"Om\"\n+++\nSe [x](/finnes-ikke/). {{% tall x %}}\n")
	refuse := sitetest.NewCharts(t)
	refuse.BadCategory = "Sør"
	err := renderArchive(t, ar, refuse)
	m := archiveFS(ar)
	repoTemplates(t, m)
	s, lerr := site.Load(m, site.Options{Now: testNow})
	if lerr != nil {
		t.Fatal(lerr)
	}
	inc := NewEngine(Remember)
	for i := range 2 { // the second build takes the charts and pages from memory
		if _, incErr := renderWith(inc, s, Options{Root: m, Charts: refuse}); fmt.Sprint(incErr) != fmt.Sprint(err) {
			t.Errorf("remembering build %d reports\n%v\nwhere a fresh engine reports\n%v", i+1, incErr, err)
		}
	}
	for _, want := range []string{
		`data/areas.toml:15:1: figuren "soknader-per-omrade" kunne ikke tegnes: kategori 1 kan ikke tegnes`,
		`data/areas.toml:15:1: figuren "tilbud-mot-soknader" kunne ikke tegnes: kategori 1 kan ikke tegnes`,
		`content/om.md:4:5: lenken "/finnes-ikke/" peker ikke til noen side`,
		`content/om.md:4:24: tall skrives {{< tall NØKKEL >}}`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("want …%s…, got:\n%v", want, err)
		}
	}
	if err != nil && strings.Contains(err.Error(), "templates/") {
		t.Errorf("a failure placed at its data entry is reported again at a template:\n%v", err)
	}
}

// TestChartScriptErrorAtUse fails one chart as a JavaScript exception
// would: no data entry explains it, so it is reported at the chart block
// of the article and at the page template that shows the chart.
func TestChartScriptErrorAtUse(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/small.txtar")
	if err != nil {
		t.Fatal(err)
	}
	boom := sitetest.NewCharts(t)
	boom.Script = map[string]string{"soknader-per-omrade-smal": "TypeError: boom"}
	err = renderArchive(t, ar, boom)
	for _, want := range []string{
		`content/nyheter/forste.md:14:4: figuren "soknader-per-omrade" kunne ikke tegnes: TypeError: boom`,
		`templates/pages/stats.html: figuren "soknader-per-omrade" kunne ikke tegnes: TypeError: boom`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("want …%s…, got:\n%v", want, err)
		}
	}
}

// TestChartOfAnAreaWithoutParticipants adds an area no participant
// belongs to: its chart of positions has nothing to draw, which is
// reported at the area.
func TestChartOfAnAreaWithoutParticipants(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/small.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range ar.Files {
		if f.Name == "in/data/areas.toml" {
			ar.Files[i].Data = append(bytes.Clone(f.Data), "\n[[area]]\nid = \"ost\"\nname = \"Øst\"\nhealth_trust = \"Østsykehuset\"\n"+
				"applications = 0\nmunicipalities = 0\npopulation = 0\napplications_source = \"kilde\"\npopulation_source = \"kilde\"\n"...)
		}
	}
	err = renderArchive(t, ar, sitetest.NewCharts(t))
	want := `data/areas.toml:25:1: figuren "stillinger-i-ost" kunne ikke tegnes: ingen kategorier`
	if err == nil || err.Error() != want {
		t.Errorf("want only\n%s\ngot:\n%v", want, err)
	}
}
