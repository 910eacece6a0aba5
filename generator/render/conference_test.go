package render

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"alisnord/generator/output"
	"alisnord/generator/site"
)

func fileText(files []output.File, path string) string {
	for _, f := range files {
		if f.Path == path {
			return string(f.Data)
		}
	}
	return ""
}

func TestSlides(t *testing.T) {
	ar := smallWith(t, "content/konferanse/lysbilder.md", "+++\ntitle = \"Dekk\"\nlayout = \"lysbilder\"\n+++\n"+
		"---\n\n## En\n\nTekst\n\n???\n\nNotat én\n\n---\n\n## To\n\n{{< tall soknader >}}\n\n---\n\n## En\n\n---\n")
	files, err := buildArchive(t, ar)
	if err != nil {
		t.Fatal(err)
	}
	page := fileText(files, "konferanse/lysbilder/index.html")
	if n := strings.Count(page, `<section class="slide"`); n != 3 {
		t.Fatalf("%d slides, want 3 (empty leading and trailing slides dropped)", n)
	}
	if n := strings.Count(page, `class="slide-notes"`); n != 1 || !strings.Contains(page, "<p>Notat én</p>") {
		t.Errorf("want the notes of slide 1 only, got %d notes", n)
	}
	for _, want := range []string{`id="1"`, `id="3"`, `aria-label="Lysbilde 3 av 3"`, `<h2 id="en">`, `<h2 id="en-1">`, `assets/lysbilder.js" defer></script>`} {
		if !strings.Contains(page, want) {
			t.Errorf("deck lacks %s", want)
		}
	}
	if strings.Contains(page, "<!--lysbilde-->") || strings.Contains(page, "<!--notater-->") {
		t.Error("a slide marker leaked into the page")
	}
	// Neither the marker text nor ??? inside a list or code starts notes.
	ar = smallWith(t, "content/konferanse/lysbilder.md", "+++\ntitle = \"Dekk\"\nlayout = \"lysbilder\"\n+++\n"+
		"<!--lysbilde-->\n\n- ???\n\n```\n???\n```\n")
	files, err = buildArchive(t, ar)
	if err != nil {
		t.Fatal(err)
	}
	page = fileText(files, "konferanse/lysbilder/index.html")
	if n := strings.Count(page, `<section class="slide"`); n != 1 || strings.Contains(page, "slide-notes") {
		t.Errorf("forged markers changed the deck: %d slides", n)
	}
}

func TestSlideErrorLine(t *testing.T) {
	ar := smallWith(t, "content/konferanse/lysbilder.md", "+++\ntitle = \"Dekk\"\nlayout = \"lysbilder\"\n+++\n"+
		"## En\n\n---\n\n## To\n\n{{< tall finnes-ikke >}}\n")
	_, err := buildArchive(t, ar)
	if err == nil || !strings.Contains(err.Error(), "content/konferanse/lysbilder.md:11:") {
		t.Errorf("want the unknown figure at line 11, got %v", err)
	}
}

func TestConferenceOnFrontPageWhileUpcoming(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/small.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		now  time.Time
		want bool
	}{
		{time.Date(2019, 11, 5, 23, 0, 0, 0, time.UTC), true},
		{time.Date(2019, 11, 6, 8, 0, 0, 0, time.UTC), true},
		{time.Date(2019, 11, 7, 0, 0, 0, 0, time.UTC), false},
	} {
		m := archiveFS(ar)
		repoTemplates(t, m)
		s, err := site.Load(m, site.Options{Now: tc.now, Future: true})
		if err != nil {
			t.Fatal(err)
		}
		files, err := Site(s, Options{Root: m})
		if err != nil {
			t.Fatal(err)
		}
		front := fileText(files, "index.html")
		if got := strings.Contains(front, `href="konferanse/"`); got != tc.want {
			t.Errorf("%s: front page links the conference: %v, want %v", tc.now.Format("2006-01-02"), got, tc.want)
		}
		conf := fileText(files, "konferanse/index.html")
		for _, want := range []string{"Konferansen &lt;i&gt;i Bodø&lt;/i&gt;", "Scandic Havet, Bodø", "<td>09:00</td><th scope=\"row\">Åpning</th>", "<td>ikke oppgitt</td><th scope=\"row\">Søknadene</th>", `href="../konferanse/faktaark/"`} {
			if !strings.Contains(conf, want) {
				t.Errorf("conference page lacks %s", want)
			}
		}
	}
}
