package render

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"alisnord/generator/output"
	"alisnord/generator/photo/phototest"
	"alisnord/generator/site"
)

// incrementalStep is one edit to the small site, and how many pages the
// incremental renderer may execute for it (-1: any number).
type incrementalStep struct {
	name     string
	edit     func(m fstest.MapFS)
	rendered int
}

func replaceIn(file, old, new string) func(fstest.MapFS) {
	return func(m fstest.MapFS) {
		s := string(m[file].Data)
		if !strings.Contains(s, old) {
			panic(file + " has no " + old)
		}
		m[file] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
	}
}

func writeFile(file, data string) func(fstest.MapFS) {
	return func(m fstest.MapFS) { m[file] = &fstest.MapFile{Data: []byte(data)} }
}

var incrementalSteps = []incrementalStep{
	{"nothing changed", func(fstest.MapFS) {}, 0},
	{"article body", replaceIn("in/content/nyheter/andre.md", "Tekst med lenke", "Ny tekst med lenke"), 1},
	{"article title", replaceIn("in/content/nyheter/andre.md", `title = "Andre sak"`, `title = "Andre sak, endret"`), -1},
	// A new tag page moves every page after it one place on (so do a
	// tag page gone and an article added): the pages unchanged are still
	// found, not found at their old place only (Engine.lastPage).
	{"tag added", replaceIn("in/content/nyheter/forste.md", `tags = ["Søknader"]`, `tags = ["Søknader", "Nytt emne"]`), 24},
	{"shared tag removed", replaceIn("in/content/nyheter/andre.md", `tags = ["søknader", "Konferanse"]`, `tags = ["Konferanse"]`), 24},
	{"tag display name", replaceIn("in/data/tags.toml", `name = "Konferanse"`, `name = "KONFERANSE"`), -1},
	{"new article", writeFile("in/content/nyheter/tredje.md", "+++\ntitle = \"Tredje\"\ndate = 2019-05-01\n+++\nTekst.\n"), -1},
	{"draft published", replaceIn("in/content/nyheter/utkast.md", "draft = true", "draft = false"), -1},
	{"future article", writeFile("in/content/nyheter/senere.md", "+++\ntitle = \"Senere\"\ndate = 2030-01-01\n+++\nKommer.\n"), 26},
	{"page body", replaceIn("in/content/om.md", "Se [statistikken]", "Les [statistikken]"), 1},
	{"slide body", replaceIn("in/content/konferanse/lysbilder.md", "Velkommen.", "Velkommen til Bodø."), 1},
	{"deck title", replaceIn("in/content/konferanse/lysbilder.md", `title = "Lysbildene"`, `title = "Lysbildene våre"`), -1},
	{"programme", replaceIn("in/data/events.toml", `title = "Søknadene"`, `title = "Søknadene i 2019"`), -1},
	{"data", replaceIn("in/data/areas.toml", `name = "Sør"`, `name = "Sørområdet"`), -1},
	{"template", replaceIn("templates/partials/news.html", `<p class="meta">`, `<p class="meta x">`), -1},
	{"stylesheet", func(m fstest.MapFS) {
		m["templates/assets/style.css"].Data = append(m["templates/assets/style.css"].Data, "\n/* endret */\n"...)
	}, 0},
	{"unknown figure", replaceIn("in/content/nyheter/andre.md", "Ny tekst", "{{< tall finnesikke >}} tekst"), -1},
	{"figure fixed", replaceIn("in/content/nyheter/andre.md", "{{< tall finnesikke >}} tekst", "Ny tekst"), -1},
	{"broken link", replaceIn("in/content/nyheter/andre.md", "Ny tekst", "[borte](/finnes-ikke/) tekst"), -1},
	{"link fixed", replaceIn("in/content/nyheter/andre.md", "[borte](/finnes-ikke/) tekst", "Ny tekst"), -1},
	{"link to an article", replaceIn("in/content/nyheter/andre.md", "Ny tekst", "[tredje](/nyheter/tredje/) tekst"), 1},
	{"linked article deleted", func(m fstest.MapFS) { delete(m, "in/content/nyheter/tredje.md") }, -1},
	{"article restored", writeFile("in/content/nyheter/tredje.md", "+++\ntitle = \"Tredje\"\ndate = 2019-05-01\n+++\nTekst.\n"), -1},
	{"link removed", replaceIn("in/content/nyheter/andre.md", "[tredje](/nyheter/tredje/) tekst", "Ny tekst"), 1},
	{"later status change", replaceIn("in/data/participants.toml", "model = \"næring\"\n", "model = \"næring\"\n\n[[participant.position.change]]\ndate = 2019-12-01\nstatus = \"besatt\"\n"), -1},
	{"chart in a dated article", replaceIn("in/content/nyheter/andre.md", "Ny tekst", "```chart soknader-per-omrade\n```\n\nNy tekst"), -1},
	{"tall_per moved", replaceIn("in/content/nyheter/forste.md", "lastmod = 2019-09-20\n", "lastmod = 2019-09-20\ntall_per = 2019-12-31\n"), -1},
	{"template error", replaceIn("templates/pages/article.html", "{{.Title}}", "{{.Title"), -1},
	{"template fixed", replaceIn("templates/pages/article.html", "{{.Title", "{{.Title}}"), -1},
	{"photo added", func(m fstest.MapFS) {
		m["in/content/nyheter/bilde.jpg"] = &fstest.MapFile{Data: phototest.PhoneJPEG(64, 48, 6)}
		replaceIn("in/content/nyheter/andre.md", "Ny tekst", "![Et bilde](bilde.jpg)\n\nNy tekst")(m)
	}, -1},
	{"photo replaced", func(m fstest.MapFS) {
		m["in/content/nyheter/bilde.jpg"] = &fstest.MapFile{Data: phototest.PhoneJPEG(64, 48, 3)}
	}, -1},
	{"photo deleted", func(m fstest.MapFS) { delete(m, "in/content/nyheter/bilde.jpg") }, -1},
	{"photo link removed", replaceIn("in/content/nyheter/andre.md", "![Et bilde](bilde.jpg)\n\n", ""), -1},
}

// TestEngineRemembersLikeFresh edits the small site step by step and
// checks after each edit that an engine that remembers its pages gives
// exactly what a fresh engine gives (files or diagnostics), executing only
// the pages it must.
func TestEngineRemembersLikeFresh(t *testing.T) {
	m := smallInput(t)
	inc := NewEngine(Remember)
	build := func() (full, got []output.File, fullErr, gotErr error) {
		root := fstest.MapFS{}
		for name, f := range m {
			root[strings.TrimPrefix(name, "in/")] = f
		}
		opt := site.Options{Now: testNow, Drafts: true, Future: true}
		s, err := site.Load(root, opt)
		if err != nil {
			t.Fatal(err)
		}
		s2, _ := site.Load(root, opt) // its own model: Site fills in Page bodies
		full, fullErr = Site(s, Options{Root: root, Serve: true})
		got, gotErr = renderWith(inc, s2, Options{Root: root, Serve: true})
		return
	}
	build() // fill the cache
	for _, step := range incrementalSteps {
		step.edit(m)
		full, got, fullErr, gotErr := build()
		if !reflect.DeepEqual(fullErr, gotErr) {
			t.Fatalf("%s: errors differ\nfull:\n%v\nincremental:\n%v", step.name, fullErr, gotErr)
		}
		if err := sameFiles(full, got); err != "" {
			t.Fatalf("%s: %s", step.name, err)
		}
		if st := inc.Stats(); step.rendered >= 0 && fullErr == nil && st.Rendered != step.rendered {
			t.Errorf("%s: rendered %d of %d pages, want %d", step.name, st.Rendered, st.Pages, step.rendered)
		}
		// What the engine remembers by path is this build's pages, none
		// of an earlier build's (its maps are reused).
		if st := inc.Stats(); fullErr == nil && len(inc.pages) != st.Pages {
			t.Errorf("%s: the engine remembers %d paths for %d pages", step.name, len(inc.pages), st.Pages)
		}
	}
}

// smallInput is the small site's input files (in/…) with the repository's
// templates, for tests that edit them step by step.
func smallInput(t *testing.T) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/small.txtar")
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "in/") {
			m[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	repoTemplates(t, m)
	return m
}

// renderWith renders s with the engine e and returns the files, sorted.
func renderWith(e *Engine, s *site.Site, opt Options) ([]output.File, error) {
	var c Collector
	if err := e.Render(s, opt, &c); err != nil {
		return nil, err
	}
	return c.Files(), nil
}

// refreshWith refreshes the changed articles with e and returns the files.
func refreshWith(e *Engine, changed ...*site.Article) ([]output.File, error) {
	var c Collector
	if err := e.Refresh(&c, changed...); err != nil {
		return nil, err
	}
	return c.Files(), nil
}

func sameFiles(want, got []output.File) string {
	if len(want) != len(got) {
		return "file counts differ"
	}
	for i := range want {
		if want[i].Path != got[i].Path {
			return "paths differ: " + want[i].Path + " vs " + got[i].Path
		}
		if !bytes.Equal(want[i].Data, got[i].Data) {
			return want[i].Path + " differs:\n" + firstDiff(want[i].Data, got[i].Data)
		}
	}
	return ""
}

// TestRefreshMatchesSite changes article bodies in place and checks that
// Refresh, where CanRefresh allows it, gives what a fresh engine gives for
// the edited site; where it does not (after a failed build, or a new chart
// in a dated article), a whole Render of the remembering engine does.
func TestRefreshMatchesSite(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/small.txtar")
	if err != nil {
		t.Fatal(err)
	}
	root := archiveFS(ar)
	repoTemplates(t, root)
	opt := site.Options{Now: testNow, Drafts: true, Future: true}
	load := func() *site.Site {
		s, err := site.Load(root, opt)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	inc := NewEngine(Remember)
	s := load()
	if _, err := renderWith(inc, s, Options{Root: root, Serve: true}); err != nil {
		t.Fatal(err)
	}
	byPath := func(s *site.Site, p string) *site.Article {
		for _, a := range append(append([]*site.Article{}, s.Articles...), s.Pages...) {
			if a.Path == p {
				return a
			}
		}
		t.Fatalf("no %s", p)
		return nil
	}
	steps := []struct {
		file, old, new string
		fails          bool
	}{
		{"content/nyheter/forste.md", "Inline <b>fet</b>", "Inline <i>kursiv</i>", false},
		{"content/om.md", "Se [statistikken]", "Les [statistikken]", false},
		{"content/nyheter/andre.md", "Tekst med lenke", "[borte](/borte/) lenke", true},
		{"content/nyheter/andre.md", "[borte](/borte/) lenke", "Tekst med lenke", false},
		{"content/nyheter/andre.md", "Tekst med lenke", "{{< tall finnesikke >}} lenke", true},
		{"content/nyheter/andre.md", "{{< tall finnesikke >}} lenke", "Tekst med lenke igjen", false},
		{"content/nyheter/forste.md", "Inline <i>kursiv</i>", "```chart rekruttering-per-omrade\n```\n\nInline", false},
		{"content/nyheter/andre.md", "Tekst med lenke igjen", "Ny tekst med lenke", false}, // no summary: the description changes
	}
	for _, st := range steps {
		replaceIn(st.file, st.old, st.new)(root)
		want, wantErr := Site(load(), Options{Root: root, Serve: true})
		fresh := byPath(load(), st.file)
		a := byPath(s, st.file)
		var got []output.File
		var err error
		if inc.CanRefresh([]*site.Article{a}, [][]byte{fresh.Body}) {
			a.Body = fresh.Body
			got, err = refreshWith(inc, a)
		} else {
			s = load()
			got, err = renderWith(inc, s, Options{Root: root, Serve: true})
		}
		if !reflect.DeepEqual(err, wantErr) || (err != nil) != st.fails {
			t.Fatalf("%s: error %v, want %v", st.new, err, wantErr)
		}
		if msg := sameFiles(want, got); msg != "" {
			t.Fatalf("%s: %s", st.new, msg)
		}
	}
}
