package serve

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"alisnord/generator/internal/sitetest"
	"alisnord/generator/output"
	"alisnord/generator/photo/phototest"
	"alisnord/generator/render"
)

// TestBuilderMatchesFreshBuild edits a copy of the site step by step and
// checks that the builder, whichever path it takes (a body-only refresh or
// the incremental pipeline), gives what a fresh builder gives.
func TestBuilderMatchesFreshBuild(t *testing.T) {
	dir := sitetest.TempCopy(t)
	cfg := Config{Root: dir, Echarts: sitetest.BundleFile(t)}
	bl := newBuilder(os.DirFS(dir), false, stubCharts(t, cfg))
	if _, err := bl.build(batch{}); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name, file, old, new string
		quick                bool
	}{
		{"body", article, "Interessen var stor", "Interessen var stor, skriver vi", true},
		{"body again", article, "skriver vi", "skriver vi nå", true},
		{"title", article, `title = "25 deltakere`, `title = "Tjuefem deltakere`, false},
		{"body after a title", article, "skriver vi nå", "skriver vi", true},
		{"page body", "content/om.md", "På siden Statistikk", "På siden «Statistikk»", true},
		{"body with an unknown figure", article, "skriver vi", "skriver vi {{< tall ukjent >}}", true},
		{"body fixed", article, "skriver vi {{< tall ukjent >}}", "skriver vi", false},
		{"body gets a photo", article, "skriver vi", "skriver vi\n\n![Et syntetisk bilde](bilde.jpg)\n\n", false},
		{"photo text", article, "Et syntetisk bilde", "Et syntetisk testbilde", false},
		{"photo removed", article, "![Et syntetisk testbilde](bilde.jpg)", "", false},
		{"data", "data/areas.toml", `note = "`, `note = "Endret. `, false},
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "nyheter", "bilde.jpg"), phototest.PhoneJPEG(64, 48, 6), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, st := range steps {
		p := filepath.Join(dir, filepath.FromSlash(st.file))
		src, err := os.ReadFile(p)
		if err != nil || !bytes.Contains(src, []byte(st.old)) {
			t.Fatalf("%s: %s has no %q (%v)", st.name, st.file, st.old, err)
		}
		if err := os.WriteFile(p, bytes.Replace(src, []byte(st.old), []byte(st.new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
		got, gotErr := bl.build(batch{paths: []string{st.file}})
		want, wantErr := newBuilder(os.DirFS(dir), false, stubCharts(t, cfg)).build(batch{})
		if bl.quickly != st.quick {
			t.Errorf("%s: quick path %v, want %v", st.name, bl.quickly, st.quick)
		}
		if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
			t.Fatalf("%s: error %v, want %v", st.name, gotErr, wantErr)
		}
		if msg := sameOutput(want, got); msg != "" {
			t.Fatalf("%s: %s", st.name, msg)
		}
	}
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

// stubCharts is the server's own chart renderer, store and all, over the
// stub ECharts bundle cfg names (sitetest.BundleFile): a new one is a
// fresh server's, sharing the chart store in the site's .cache.
func stubCharts(t *testing.T, cfg Config) render.ChartRenderer {
	t.Helper()
	cr, err := chartRenderer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return cr
}
