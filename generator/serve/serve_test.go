package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const article = "content/nyheter/25-deltakere-og-konferanse-i-bodo.md"
const articleURL = "/nyheter/25-deltakere-og-konferanse-i-bodo/"

func TestEditGivesOneRebuildAndOneReload(t *testing.T) {
	ts := startServer(t)
	builds := ts.srv.Builds()
	ts.replace(article, "Interessen var stor", "Interessen var svært stor")
	e := ts.expect(eventReload)
	ts.quiet()
	if got := ts.srv.Builds() - builds; got != 1 {
		t.Errorf("%d rebuilds for one edit, want 1; log:\n%s", got, ts.log)
	}
	if code, body := ts.get(articleURL); code != 200 || !strings.Contains(body, "Interessen var svært stor") {
		t.Errorf("GET %s = %d; the edit is not served", articleURL, code)
	}
	if _, body := ts.get(articleURL); !strings.Contains(body, `<script src="/__livereload.js?b=`) {
		t.Error("the page has no live-reload script")
	}
	if e.data.Build == 0 {
		t.Error("the reload event carries no build number")
	}
}

func TestBrokenDataShowsErrorKeepsOldSite(t *testing.T) {
	ts := startServer(t)
	_, before := ts.get("/omrader/")
	ts.replace("data/areas.toml", "population = 61142", "population = 61 142")
	e := ts.expect(eventError)
	if !strings.Contains(e.raw, `data/areas.toml:23`) {
		t.Errorf("error event without data/areas.toml:23: %s", e.raw)
	}
	if !strings.Contains(ts.log.String(), "data/areas.toml:23") {
		t.Errorf("the terminal was not told where: %s", ts.log)
	}
	if code, body := ts.get("/omrader/"); code != 200 || body != before {
		t.Errorf("GET /omrader/ = %d while the build is broken; the last good page must stay served", code)
	}
	ts.replace("data/areas.toml", "population = 61 142", "population = 61142")
	ts.expect(eventReload)
	ts.quiet()
}

// TestErrorStateOnConnect: a page opened while the build is broken hears
// the error right after hello, so its overlay shows too.
func TestErrorStateOnConnect(t *testing.T) {
	ts := startServer(t)
	ts.replace("data/areas.toml", "population = 61142", "population = x")
	ts.expect(eventError)
	late := &testServer{t: t, srv: ts.srv, log: ts.log}
	ctx, cancel := contextFor(t)
	defer cancel()
	late.connect(ctx)
	late.expect(eventHello)
	if e := late.expect(eventError); !strings.Contains(e.raw, "data/areas.toml:23") {
		t.Errorf("late client's error event: %s", e.raw)
	}
}

func TestTemplateErrorRecovers(t *testing.T) {
	ts := startServer(t)
	ts.replace("templates/pages/article.html", "<h1>{{.Title}}</h1>", "<h1>{{.Title</h1>")
	if e := ts.expect(eventError); !strings.Contains(e.raw, "templates/pages/article.html:4") {
		t.Errorf("error event without templates/pages/article.html:4: %s", e.raw)
	}
	if code, _ := ts.get(articleURL); code != 200 {
		t.Errorf("GET %s = %d while a template is broken", articleURL, code)
	}
	ts.replace("templates/pages/article.html", "<h1>{{.Title</h1>", "<h1>{{.Title}}</h1>")
	ts.expect(eventReload)
}

// TestSeveralFailuresThenFix: three failed builds in a row, each event
// listing what is broken at that moment, then the fix reloads.
func TestSeveralFailuresThenFix(t *testing.T) {
	ts := startServer(t)
	steps := []struct {
		file, old, new string
		want, gone     string
	}{
		{"data/areas.toml", "population = 61142", "population = \"mange\"", "data/areas.toml:23", ""},
		{article, "title = ", "titel = ", article + ":2", ""},
		{"data/areas.toml", "population = \"mange\"", "population = 61142", article + ":2", "data/areas.toml"},
	}
	for _, st := range steps {
		ts.replace(st.file, st.old, st.new)
		e := ts.expect(eventError)
		if !strings.Contains(e.raw, st.want) || st.gone != "" && strings.Contains(e.raw, st.gone) {
			t.Errorf("error event should name %s and not %q: %s", st.want, st.gone, e.raw)
		}
	}
	ts.replace(article, "titel = ", "title = ")
	ts.expect(eventReload)
	ts.quiet()
	if code, _ := ts.get(articleURL); code != 200 {
		t.Errorf("GET %s = %d after the fixes", articleURL, code)
	}
}

func TestDeleteAndRestore(t *testing.T) {
	ts := startServer(t)
	data := ts.read("data/events.toml")
	if err := os.Remove(ts.path("data/events.toml")); err != nil {
		t.Fatal(err)
	}
	if e := ts.expect(eventError); !strings.Contains(e.raw, "data/events.toml") {
		t.Errorf("error event without data/events.toml: %s", e.raw)
	}
	ts.write("data/events.toml", data)
	ts.expect(eventReload)

	src := ts.read(article)
	if err := os.Remove(ts.path(article)); err != nil {
		t.Fatal(err)
	}
	ts.expect(eventReload)
	if code, _ := ts.get(articleURL); code != 404 {
		t.Errorf("GET %s = %d after the article was deleted, want 404", articleURL, code)
	}
	ts.write(article, src)
	ts.expect(eventReload)
	if code, _ := ts.get(articleURL); code != 200 {
		t.Errorf("GET %s = %d after the article was restored", articleURL, code)
	}
}

func TestFolderCreatedAfterStart(t *testing.T) {
	ts := startServer(t)
	dir := ts.path("content/nyheter/2026/vinter")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ts.quiet() // empty folders change nothing
	ts.write("content/nyheter/2026/vinter/ny-sak.md", "+++\ntitle = \"Ny sak i ny mappe\"\ndate = 2019-12-01\n+++\nTekst.\n")
	ts.expect(eventReload)
	if code, body := ts.get("/nyheter/2026/vinter/ny-sak/"); code != 200 || !strings.Contains(body, "Ny sak i ny mappe") {
		t.Fatalf("GET the new article = %d", code)
	}
	ts.replace("content/nyheter/2026/vinter/ny-sak.md", "Tekst.", "Endret tekst.")
	ts.expect(eventReload)
	if _, body := ts.get("/nyheter/2026/vinter/ny-sak/"); !strings.Contains(body, "Endret tekst.") {
		t.Error("an edit in the new folder was not seen")
	}
}

func TestRenameOverSave(t *testing.T) {
	ts := startServer(t)
	builds := ts.srv.Builds()
	src := strings.Replace(ts.read(article), "Interessen var stor", "Interessen var enorm", 1)
	tmp := ts.path(article) + ".tmp"
	if err := os.WriteFile(tmp, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, ts.path(article)); err != nil {
		t.Fatal(err)
	}
	ts.expect(eventReload)
	ts.quiet()
	if got := ts.srv.Builds() - builds; got != 1 {
		t.Errorf("%d rebuilds for one save, want 1", got)
	}
	if _, body := ts.get(articleURL); !strings.Contains(body, "Interessen var enorm") {
		t.Error("the renamed-over file is not served")
	}
}

// TestBackupSwapSave saves as vim does by default: the original is renamed
// to a backup, the new text written under the name, the backup deleted.
func TestBackupSwapSave(t *testing.T) {
	ts := startServer(t)
	p := ts.path(article)
	src := strings.Replace(ts.read(article), "Interessen var stor", "Interessen var rekordstor", 1)
	if err := os.WriteFile(filepath.Join(filepath.Dir(p), ".25-deltakere.md.swp"), []byte("swap"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(p, p+"~"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(p + "~"); err != nil {
		t.Fatal(err)
	}
	ts.expect(eventReload)
	ts.quiet()
	if _, body := ts.get(articleURL); !strings.Contains(body, "Interessen var rekordstor") {
		t.Error("the swapped-in file is not served")
	}
}

func TestStylesheetOnlySwapsCSS(t *testing.T) {
	ts := startServer(t)
	css := ts.read("templates/assets/style.css")
	ts.write("templates/assets/style.css", css+"\n.ny { color: red; }\n")
	ts.expect(eventCSS)
	ts.quiet()
	if _, body := ts.get("/assets/style.css"); !strings.Contains(body, ".ny { color: red; }") {
		t.Error("the new stylesheet is not served")
	}
}

func TestDraftsAndFuturePostsMarked(t *testing.T) {
	ts := startServer(t)
	ts.write("content/nyheter/utkast.md", "+++\ntitle = \"Et utkast\"\ndate = 2019-12-01\ndraft = true\n+++\nTekst.\n")
	ts.expect(eventReload)
	ts.write("content/nyheter/senere.md", "+++\ntitle = \"Kommer senere\"\ndate = 2099-01-01\n+++\nTekst.\n")
	ts.expect(eventReload)
	for url, badge := range map[string]string{"/nyheter/utkast/": "Utkast", "/nyheter/senere/": "Planlagt"} {
		code, body := ts.get(url)
		if code != 200 || !strings.Contains(body, `<span class="badge">`+badge+`</span>`) {
			t.Errorf("GET %s = %d, want the page marked %q", url, code, badge)
		}
	}
	if _, body := ts.get("/nyheter/"); !strings.Contains(body, `<span class="badge">Utkast</span>`) {
		t.Error("the news list does not mark the draft")
	}
}

// TestSlideTextEdit edits only the text of a slide under the running
// server: the deck is served with the new text, and no error event comes.
func TestSlideTextEdit(t *testing.T) {
	const deck, deckURL = "content/konferanse/lysbilder.md", "/konferanse/lysbilder/"
	ts := startServer(t)
	ts.replace(deck, "## Hvorfor ALIS-Nord?", "## Hvorfor ALIS-Nord? Fordi")
	ts.expect(eventReload)
	ts.quiet()
	if code, body := ts.get(deckURL); code != 200 || !strings.Contains(body, "Hvorfor ALIS-Nord? Fordi") {
		t.Errorf("GET %s = %d; the edited slide is not served; log:\n%s", deckURL, code, ts.log)
	}
}
