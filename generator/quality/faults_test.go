package quality

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// A fault plants one mistake in a copy of testdata/fixture.txtar by
// replacing old with new in file, and names the problems the checks must
// report: each want is "check: part of the message".
type fault struct {
	name, file, old, new string
	want                 []string
}

const mark = "<!--FAULT-->"

var faults = []fault{
	{"image without alt text", "index.html", mark, `<img src="prikk.svg" width="10" height="10">`,
		[]string{"axe: image-alt", "vnu: An “img” element must have an “alt” attribute", "images: img prikk.svg has no alt attribute"}},
	{"image without width and height", "index.html", mark, `<img src="prikk.svg" alt="Prikk">`,
		[]string{"images: img prikk.svg has no width and height"}},
	{"broken internal link", "index.html", mark, `<p><a href="finnes-ikke/">Borte</a></p>`,
		[]string{"links: /finnes-ikke/ answers 404"}},
	{"link to a missing fragment", "index.html", mark, `<p><a href="andre/#borte">Borte</a></p>`,
		[]string{"links: no element with that id"}},
	{"web link to index.html", "index.html", mark, `<p><a href="andre/index.html">Andre</a></p>`,
		[]string{"links: andre/index.html: the web build links to the folder"}},
	{"missing image", "index.html", mark, `<img src="mangler.png" alt="Mangler">`,
		[]string{"browser: mangler.png answered 404", "links: /mangler.png answers 404"}},
	{"script from another host", "index.html", mark, `<script src="https://cdn.example.com/x.js"></script>`,
		[]string{"third-party: <script src> points to another host: https://cdn.example.com/x.js",
			"third-party: blocked a request to another host: https://cdn.example.com/x.js"}},
	{"stylesheet image from another host", "style.css", "main:focus", "body { background: url(https://fonts.example.net/bg.png); }\nmain:focus",
		[]string{"third-party: url() points to another host: https://fonts.example.net/bg.png",
			"third-party: blocked a request to another host: https://fonts.example.net/bg.png"}},
	{"template link to another site", "index.html", mark, `<p><a href="https://sporing.example.com/">Annonse</a></p>`,
		[]string{"third-party: <a href> points to another host: https://sporing.example.com/"}},
	{"invalid element", "index.html", mark, `<span><div>Blokk i linje</div></span>`,
		[]string{"vnu: Element “div” not allowed as child of element “span”"}},
	{"invalid CSS", "style.css", "main:focus { outline: none; }", "main:focus { outline: nothing; }",
		[]string{"vnu: “outline”"}},
	{"broken feed", "feed.xml", "<id>https://prove.example/sak/</id>", "",
		[]string{"feed: entry 1 (\"En sak\") lacks an id"}},
	{"empty chart", "index.html", `<rect x="10" y="100" width="50" height="100" fill="#1d5fa8"></rect>
<rect x="110" y="50" width="50" height="150" fill="#1d5fa8"></rect>
<rect x="210" y="20" width="50" height="180" fill="#1d5fa8"></rect>`, "",
		[]string{"charts: draws 0 marks"}},
	{"chart of zero size", "index.html", `width="400" height="200" style="max-width:100%;height:auto"`, `width="0" height="0"`,
		[]string{"charts: is 0×0 px"}},
	{"console error", "index.html", mark, `<script>console.error("feil i siden")</script>`,
		[]string{"browser: console.error: feil i siden"}},
	{"uncaught exception", "index.html", mark, `<script>null.feil()</script>`,
		[]string{"browser: uncaught exception"}},
	{"two h1", "index.html", mark, `<h1>Enda en</h1>`,
		[]string{"structure: 2 <h1> elements"}},
	{"skipped heading level", "index.html", mark, `<h3>For dypt</h3>`,
		[]string{"structure: heading level skips from h1 to h3"}},
	{"no skip link", "index.html", `<a class="skip" href="#innhold">Hopp til innholdet</a>`, "",
		[]string{"structure: want a skip link"}},
	{"no main landmark", "index.html", `<main id="innhold" tabindex="-1">`, `<div id="innhold" tabindex="-1">`,
		[]string{"structure: 0 main landmarks"}},
	{"text outside landmarks", "index.html", "<footer>", "<div>Løs tekst</div>\n<footer>",
		[]string{"structure: div \"Løs tekst\" is outside every landmark"}},
	{"focus not visible", "style.css", ":focus-visible { outline: 3px solid #b3410e; outline-offset: 2px; }", ":focus-visible { outline: none; }",
		[]string{"focus: no visible focus indicator on a.skip"}},
	{"skip link stays off screen", "style.css", ".skip:focus { top: 1rem; }", "",
		[]string{"focus: the focused skip link is not on screen"}},
	{"text in pixels", "style.css", "html { font-size: 100%; }", "html, body, p { font-size: 16px !important; }",
		[]string{"zoom: text at 200 %: p"}},
	{"box too wide at 200 %", "index.html", mark, `<div style="width: 900px">Bred boks</div>`,
		[]string{"zoom: zoomed to 200 % (640 px wide): the page is"}},
	{"scroll box without keyboard focus", "index.html", mark, `<div style="overflow-x: auto"><p style="width: 500px">Bred tekst i en boks som ruller</p></div>`,
		[]string{"zoom: zoomed to 400 % (320 px wide): div \"Bred tekst i en boks som ruller\" scrolls sideways but cannot take keyboard focus"}},
	{"text clipped at 200 %", "index.html", mark, `<p style="height: 20px; overflow: hidden">Kort tekst</p>`,
		[]string{"zoom: text at 200 %: p \"Kort tekst\" cuts off its text"}},
	{"table wider than a phone", "index.html", mark, `<div style="overflow-x: auto" tabindex="0" role="region" aria-label="Tabell"><table style="width: 600px"><tr><th scope="row">Område</th><td>Verdi</td></tr></table></div>`,
		[]string{"tables: 390 px: table \"OmrådeVerdi\" is 600 px wide"}},
	{"word broken on a phone", "index.html", mark, `<h2 style="width: 4em; overflow-wrap: anywhere">Helseforetaksområdene</h2>`,
		[]string{"words: 390 px: «Helseforetaksområdene» in h2"}},
	{"chart text too small", "index.html", `<rect x="210" y="20"`, `<text x="300" y="190" font-size="6">liten</text> <rect x="210" y="20"`,
		[]string{"chart-text: 1280 px: chart \"Tre stolper (syntetiske tall)\" shows text of 6.0 px"}},
	{"unreadable in dark mode", "style.css", "main:focus", "@media (prefers-color-scheme: dark) { body { background: #000; } }\nmain:focus",
		[]string{"axe: dark 1280 px: color-contrast"}},
}

var slug = regexp.MustCompile(`[^a-zA-Z0-9]+`)

// fixture returns the good fixture with f planted (no fault for f == nil).
func fixture(t *testing.T, f *fault) *txtar.Archive {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/fixture.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if f == nil {
		return ar
	}
	for i, file := range ar.Files {
		if file.Name != f.file {
			continue
		}
		if !strings.Contains(string(file.Data), f.old) {
			t.Fatalf("%s has no %q", f.file, f.old)
		}
		ar.Files[i].Data = []byte(strings.Replace(string(file.Data), f.old, f.new, 1))
		return ar
	}
	t.Fatalf("no %s in the fixture", f.file)
	return nil
}

// fixtureWritten is what the fixture's "staff" wrote: the one link to
// another site that its feed may carry.
func fixtureWritten(u string) bool { return u == "https://example.org/" }

// checker runs the checks a test needs on fixture trees, sharing one
// browser.
type checker struct {
	t       *testing.T
	tools   Tools
	browser *Browser
	srv     *Server
	dir     string // the folder srv serves; each tree is written below it
}

func newChecker(t *testing.T) *checker {
	tl := tools(t)
	need(t, tl.MissingBrowser())
	need(t, tl.MissingValidator())
	c := &checker{t: t, tools: tl, dir: t.TempDir()}
	var err error
	if c.srv, err = Serve(c.dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.srv.Close() })
	if c.browser, err = NewBrowser(tl.Chromium, tl.Axe, c.srv.URL); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.browser.Close)
	return c
}

// write writes ar below the served folder as name/.
func (c *checker) write(t *testing.T, name string, ar *txtar.Archive) {
	t.Helper()
	writeArchive(t, ar, filepath.Join(c.dir, name))
}

// validate checks the feed and runs the validator over the trees written
// as names, all in one run of the JVM, and returns the problems by name.
func (c *checker) validate(t *testing.T, names []string) map[string][]Problem {
	t.Helper()
	byName := map[string][]Problem{}
	var files []string
	for _, name := range names {
		root := filepath.Join(c.dir, name)
		feed, err := os.ReadFile(filepath.Join(root, "feed.xml"))
		if err != nil {
			t.Fatal(err)
		}
		ps, entries := Feed("feed.xml", feed, "https://prove.example/")
		byName[name] = ps
		for i, e := range entries {
			p := filepath.Join(c.dir, "feed-entries", name, fmt.Sprintf("entry-%d.html", i+1))
			writeArchive(t, &txtar.Archive{Files: []txtar.File{{Name: p[len(c.dir)+1:], Data: []byte(e)}}}, c.dir)
			files = append(files, p)
		}
		for _, p := range []string{"index.html", "andre/index.html", "style.css", "prikk.svg"} {
			files = append(files, filepath.Join(root, p))
		}
	}
	ps, err := Validate(context.Background(), c.tools.Java, c.tools.VNU, c.dir, files)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		name, _, _ := strings.Cut(strings.TrimPrefix(p.Page, "feed-entries/"), "/")
		byName[name] = append(byName[name], p)
	}
	return byName
}

// rest runs the third-party scan on the tree name, and the browser on its
// pages (all of them for an empty list).
func (c *checker) rest(t *testing.T, name string, pages ...string) []Problem {
	t.Helper()
	root := filepath.Join(c.dir, name)
	ps, err := ThirdParty(os.DirFS(root), "https://prove.example/", fixtureWritten)
	if err != nil {
		t.Fatal(err)
	}
	var vs []Visit
	for _, v := range visits(t, root, c.srv.URL+"/"+name) {
		if len(pages) == 0 || slices.Contains(pages, v.Page) {
			v.Page = name + "/" + v.Page
			vs = append(vs, v)
		}
	}
	return append(ps, openAll(t, c.browser, c.srv.URL, vs, false).problems...)
}

// browserChecks are the checks that need the browser.
var browserChecks = []string{"browser", "third-party", "links", "charts", "axe", "structure", "images", "focus", "zoom", "tables", "words", "chart-text"}

// pagesFor lists the pages f's browser checks must open: the front page
// of the fixture, where the faults are planted, or none when only the
// validator, the feed check or the scan can catch f.
func pagesFor(f *fault) []string {
	for _, w := range f.want {
		check, part, _ := strings.Cut(w, ": ")
		if slices.Contains(browserChecks, check) && !strings.Contains(part, "points to another host") {
			return []string{"index.html"}
		}
	}
	return []string{"none"}
}

// TestWrittenLinksAllowed: a link to another site is allowed only where
// the staff wrote it; the fixture's feed carries one.
func TestWrittenLinksAllowed(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, fixture(t, nil), dir)
	never := func(string) bool { return false }
	for _, tc := range []struct {
		written func(string) bool
		want    int
	}{{fixtureWritten, 0}, {never, 1}} {
		ps, err := ThirdParty(os.DirFS(dir), "https://prove.example/", tc.written)
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != tc.want || tc.want == 1 && !hasProblem(ps, "third-party", "<a href> points to another host: https://example.org/") {
			t.Errorf("want %d problems, got:%s", tc.want, listed(ps))
		}
	}
}

// TestPlantedFaults plants each fault and expects the checks to report
// it. The control comes first: the fixture without a fault passes every
// check, so each fault is caught because of the fault.
func TestPlantedFaults(t *testing.T) {
	c := newChecker(t)
	start := time.Now()
	c.write(t, "good", fixture(t, nil))
	names := []string{"good"}
	for i := range faults {
		name := slug.ReplaceAllString(faults[i].name, "-")
		c.write(t, name, fixture(t, &faults[i]))
		names = append(names, name)
	}
	valid := c.validate(t, names)
	t.Run("no fault", func(t *testing.T) {
		listProblems(t, append(valid["good"], c.rest(t, "good")...))
	})
	caught := 0
	for i := range faults {
		f, name := &faults[i], names[i+1]
		t.Run(f.name, func(t *testing.T) {
			ps := append(valid[name], c.rest(t, name, pagesFor(f)...)...)
			for _, w := range f.want {
				check, part, _ := strings.Cut(w, ": ")
				if !hasProblem(ps, check, part) {
					t.Errorf("no %s problem with %q; got:%s", check, part, listed(ps))
				}
			}
			if !t.Failed() {
				caught++
			}
		})
	}
	summary("planted faults", fmt.Sprintf("%d of %d faults caught by the checks meant to catch them", caught, len(faults)), len(faults)-caught, time.Since(start))
}

func hasProblem(ps []Problem, check, part string) bool {
	for _, p := range ps {
		if p.Check == check && strings.Contains(p.Message, part) {
			return true
		}
	}
	return false
}

func listed(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("\n  " + p.String())
	}
	return b.String()
}
