package serve

import (
	"bytes"
	"strings"
	"testing"

	"alisnord/generator/pipeline"
)

// TestServedEqualsFreshBuild drives the real dev-server path (the
// watcher, the pipeline with its quick path and remembering engine, the
// served snapshot) through every kind of edit, and after each compares
// every file the server serves with a fresh build of the edited site.
func TestServedEqualsFreshBuild(t *testing.T) {
	const deck = "content/konferanse/lysbilder.md"
	type edit struct {
		name, file, old, new string
		event                string
	}
	steps := []edit{
		{"article text", article, "Interessen var stor", "Interessen var svært stor", eventReload},
		{"article title", article, `title = "25 deltakere`, `title = "Tjuefem deltakere`, eventReload},
		{"article tags", article, `tags = ["søknader",`, `tags = ["nytt emne", "søknader",`, eventReload},
		{"slide text", deck, "Velkommen.", "Velkommen til Bodø.", eventReload},
		{"slide added", deck, "## Hvorfor ALIS-Nord?", "## Et nytt lysbilde\n\n---\n\n## Hvorfor ALIS-Nord?", eventReload},
		{"slide deck title", deck, `title = "ALIS-Nord: status`, `title = "ALIS-Nord: stand`, eventReload},
		{"data", "data/areas.toml", `note = "Halve kommuner`, `note = "Merk: halve kommuner`, eventReload},
		{"template", "templates/partials/crumbs.html", `aria-label="Brødsmulesti"`, `aria-label="Brødsmulesti her"`, eventReload},
		{"stylesheet", "templates/assets/style.css", "body {", "body {\n\tmargin: 0;", eventCSS},
		{"article text again", article, "Interessen var svært stor", "Interessen var stor", eventReload},
	}
	ts := startServer(t)
	for _, st := range steps {
		ts.replace(st.file, st.old, st.new)
		ts.expect(st.event)
		ts.quiet()
		served := ts.srv.files.current.Load().all()
		want, _, err := buildWith(testBuilder(t, ts.dir), pipeline.Changes{})
		if err != nil {
			t.Fatalf("%s: the fresh build fails: %v", st.name, err)
		}
		if len(served) != len(want) {
			t.Errorf("%s: the server serves %d files, a fresh build makes %d", st.name, len(served), len(want))
		}
		for _, f := range want {
			if got, ok := served[f.Path]; !ok || !bytes.Equal(got, f.Data) {
				t.Fatalf("%s: the server serves another %s than a fresh build (present: %v)", st.name, f.Path, ok)
			}
		}
		if code, body := ts.get("/"); code != 200 || !strings.Contains(body, "<main") {
			t.Fatalf("%s: GET / = %d", st.name, code)
		}
	}
}
