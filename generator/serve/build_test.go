package serve

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"alisnord/generator/internal/sitetest"
	"alisnord/generator/output"
	"alisnord/generator/photo/phototest"
	"alisnord/generator/pipeline"
	"alisnord/generator/render"
	"alisnord/generator/site"
)

// TestBuilderMatchesFreshBuild edits a copy of the site step by step and
// checks that the builder, whichever path it takes (a body-only refresh or
// the incremental pipeline), gives what a fresh builder gives.
func TestBuilderMatchesFreshBuild(t *testing.T) {
	const news = "content/nyheter/styringsgruppen-samles.md"
	const clash = "content/nyheter/25-Deltakere-og-konferanse-i-bodo.md" // the address of article
	dir := sitetest.TempCopy(t)
	bl := testBuilder(t, dir)
	if _, _, err := buildWith(bl, pipeline.Changes{}); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name, file, old, new string
		quick                bool
	}{
		{"body", article, "Interessen var stor", "Interessen var stor, skriver vi", true},
		{"body again", article, "skriver vi", "skriver vi nå", true},
		{"title", article, `title = "25 deltakere`, `title = "Tjuefem deltakere`, false},
		{"tag renamed", article, `tags = ["søknader"`, `tags = ["rekruttering"`, false},
		{"date moved", article, "date = 2019-08-30", "date = 2017-08-30", false},
		{"body after a title", article, "skriver vi nå", "skriver vi", true},
		{"page body", "content/om.md", "På siden Statistikk", "På siden «Statistikk»", true},
		{"body with an unknown figure", article, "skriver vi", "skriver vi {{< tall ukjent >}}", true},
		{"body fixed", article, "skriver vi {{< tall ukjent >}}", "skriver vi", false},
		{"body gets a photo", article, "skriver vi", "skriver vi\n\n![Et syntetisk bilde](bilde.jpg)\n\n", false},
		{"photo text", article, "Et syntetisk bilde", "Et syntetisk testbilde", false},
		{"photo replaced", "content/nyheter/bilde.jpg", "", "", false},
		{"photo removed", article, "![Et syntetisk testbilde](bilde.jpg)", "", false},
		{"slide text", "content/konferanse/lysbilder.md", "Velkommen.", "Velkommen til Bodø.", true},
		{"slide added", "content/konferanse/lysbilder.md", "## Hvorfor ALIS-Nord?", "## Et nytt lysbilde\n\n---\n\n## Hvorfor ALIS-Nord?", true},
		{"slide deck title", "content/konferanse/lysbilder.md", `title = "ALIS-Nord: status`, `title = "ALIS-Nord: stand`, false},
		{"data", "data/areas.toml", `note = "`, `note = "Endret. `, false},
		{"template", "templates/partials/crumbs.html", `aria-label="Brødsmulesti"`, `aria-label="Brødsmulesti her"`, false},
		{"stylesheet", "templates/assets/style.css", "body {", "body {\n\tmargin: 0;", false},
		{"address taken", news, "+++", "+++", false},
		{"address freed", clash, "+++", "+++", false},
	}
	// Steps that write the whole file: the photo, so that a build that
	// did not read it again would show the old one.
	writes := map[string][]byte{"photo replaced": phototest.PhoneJPEG(48, 64, 3)}
	// Steps that rename the file too: to the address of another article,
	// the number of articles the same, and back.
	renames := map[string]string{"address taken": clash, "address freed": news}
	if err := os.WriteFile(filepath.Join(dir, "content", "nyheter", "bilde.jpg"), phototest.PhoneJPEG(64, 48, 6), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, st := range steps {
		p := filepath.Join(dir, filepath.FromSlash(st.file))
		src, err := os.ReadFile(p)
		if err != nil || !bytes.Contains(src, []byte(st.old)) {
			t.Fatalf("%s: %s has no %q (%v)", st.name, st.file, st.old, err)
		}
		data, ok := writes[st.name]
		if !ok {
			data = bytes.Replace(src, []byte(st.old), []byte(st.new), 1)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		changed := []string{st.file}
		if to, ok := renames[st.name]; ok {
			if err := os.Rename(p, filepath.Join(dir, filepath.FromSlash(to))); err != nil {
				t.Fatal(err)
			}
			changed = append(changed, to)
		}
		got, res, gotErr := buildWith(bl, pipeline.Changes{Paths: changed})
		want, _, wantErr := buildWith(testBuilder(t, dir), pipeline.Changes{})
		if res.Quick != st.quick {
			t.Errorf("%s: quick path %v, want %v", st.name, res.Quick, st.quick)
		}
		if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
			t.Fatalf("%s: error %v, want %v", st.name, gotErr, wantErr)
		}
		if msg := sameOutput(want, got); msg != "" {
			t.Fatalf("%s: %s", st.name, msg)
		}
	}
}

// testBuilder is the dev server's pipeline for the site in dir, over the
// stub ECharts bundle (sitetest.BundleFile), chart store and all: a new
// one is a fresh server's, sharing the caches in the site's .cache.
func testBuilder(t *testing.T, dir string) *pipeline.Builder {
	t.Helper()
	b, err := pipeline.New(pipeline.Config{Root: dir, Serve: true, Echarts: sitetest.BundleFile(t),
		Load: site.Options{Drafts: true, Future: true}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	return b
}

// buildWith builds with b into memory and returns the files, sorted.
func buildWith(b *pipeline.Builder, ch pipeline.Changes) ([]output.File, pipeline.Result, error) {
	m := render.Collector{Borrow: true}
	res, err := b.Build(ch, &m)
	if err != nil {
		return nil, res, err // what reached the sink is not a site
	}
	return m.Files(), res, err
}

func sameOutput(want, got []output.File) string {
	if len(want) != len(got) {
		return "file counts differ"
	}
	for i := range want {
		if want[i].Path != got[i].Path || !bytes.Equal(want[i].Data, got[i].Data) {
			return want[i].Path + " differs"
		}
	}
	return ""
}
