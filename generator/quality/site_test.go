package quality

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"alisnord/generator/site"
)

// The shipped site: this repository's data, content and templates, built
// by the generator exactly as `make` builds it, into a temp folder.
var shipped struct {
	once    sync.Once
	dir     string // the built site
	siteURL string // base_url of data/site.toml
	err     error
	skip    string // why it could not be built here
}

const repoRoot = "../.."

func TestMain(m *testing.M) {
	code := m.Run()
	if shipped.dir != "" {
		os.RemoveAll(filepath.Dir(shipped.dir))
	}
	os.Exit(code)
}

// shippedSite builds the site once per test run and returns its folder.
func shippedSite(t *testing.T) string {
	t.Helper()
	shipped.once.Do(func() {
		bundle := filepath.Join(repoRoot, ".cache", "echarts", "echarts.min.js")
		if _, err := os.Stat(bundle); err != nil {
			shipped.skip = "ECharts bundle missing (make echarts)"
			return
		}
		tmp, err := os.MkdirTemp("", "alisnord-shipped-")
		if err != nil {
			shipped.err = err
			return
		}
		shipped.dir = filepath.Join(tmp, "public")
		goBin, err := exec.LookPath("go")
		if err != nil {
			shipped.err = err
			return
		}
		cmd := exec.Command(goBin, "run", "./generator", "build", "-search", "-out", shipped.dir)
		cmd.Dir = repoRoot
		if out, err := cmd.CombinedOutput(); err != nil {
			shipped.err = fmt.Errorf("building the site: %v\n%s", err, out)
			return
		}
		s, err := site.Load(os.DirFS(repoRoot), site.Options{Now: time.Now()})
		if err != nil {
			shipped.err = err
			return
		}
		shipped.siteURL = s.Settings.BaseURL
	})
	need(t, shipped.skip)
	if shipped.err != nil {
		t.Fatal(shipped.err)
	}
	return shipped.dir
}

// writtenLinks returns the URLs the staff wrote in content/: links to
// other sites there are plain links the third-party check allows.
func writtenLinks(t *testing.T) func(string) bool {
	t.Helper()
	urlRe := regexp.MustCompile(`https?://[^\s)\]>"'<]+`)
	written := map[string]bool{}
	err := fs.WalkDir(os.DirFS(repoRoot), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(filepath.Join(repoRoot, p))
		for _, u := range urlRe.FindAll(b, -1) {
			written[string(u)] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return func(u string) bool { return written[u] }
}

// pageTypes are the kinds of page the issue names; each must be in the
// build, so a renamed page cannot drop out of the checks unnoticed.
var pageTypes = []string{
	"forside", "nyheter", "nyheter-side", "tagger", "tagger-side", "omrader", "omrader-side",
	"deltakere", "deltakere-side", "statistikk", "hendelser", "prosjektet", "om", "tilgjengelighet", "404",
	"konferanse", "konferanse-lysbilder", "konferanse-faktaark",
}

func TestShippedSiteInBrowser(t *testing.T) {
	dir := shippedSite(t)
	srv, b := servedBrowser(t, dir)

	vs := visits(t, dir, srv.URL)
	// A missing address gets 404.html with status 404: its site-root links
	// must work from any depth.
	vs = append(vs, Visit{Page: "finnes/ikke/ (404)", URL: srv.URL + "/finnes/ikke/", Status: 404})
	run := openAll(t, b, srv.URL, vs, true)

	types := map[string]bool{}
	for _, v := range vs {
		types[PageType(v.Page)] = true
	}
	for _, want := range pageTypes {
		if !types[want] {
			t.Errorf("no page of type %q in the build", want)
		}
	}
	if run.charts < 10 {
		t.Errorf("only %d charts seen; the statistics page alone has seven", run.charts)
	}
	shots := saveShots(t, run.shots)

	n := byCheck(run.problems)
	summary("browser", fmt.Sprintf("%d pages (every page and a missing address), console, failed and third-party requests", run.pages), n["browser"]+n["third-party"], run.took)
	summary("charts", fmt.Sprintf("%d pages, %d charts visible as SVG with marks", run.pages, run.charts), n["charts"], 0)
	summary("links", fmt.Sprintf("%d pages, every same-site link and asset fetched", run.pages), n["links"], 0)
	summary("axe", fmt.Sprintf("%d pages, axe-core WCAG 2.0/2.1 A+AA rules", run.pages), n["axe"], 0)
	summary("structure", fmt.Sprintf("%d pages, skip link, landmarks, one h1, heading order", run.pages), n["structure"], 0)
	summary("images", fmt.Sprintf("%d pages, every <img> with alt, width and height", run.pages), n["images"], 0)
	summary("focus", fmt.Sprintf("%d pages, Tab reaches the skip link, every focusable element shows focus", run.pages), n["focus"], 0)
	summary("zoom", fmt.Sprintf("%d pages, text 200 %%, page zoom 200 %% and 400 %%", run.pages), n["zoom"], 0)
	summary("reader modes", fmt.Sprintf("%d pages at 390 px and in dark mode at 390 and 1280 px: axe, no table with a column out of sight and no word broken over two lines at 390 px, chart text at least %d px", run.pages, MinChartText), n["tables"]+n["words"]+n["chart-text"], 0)
	fmt.Printf("QUALITY screenshots: %d page types in %s\n", len(shots), artefacts(t))
	listProblems(t, run.problems)
}

// saveShots writes one screenshot per page type to the artefacts folder.
func saveShots(t *testing.T, shots map[string][]byte) []string {
	t.Helper()
	dir := artefacts(t)
	var names []string
	for typ, png := range shots {
		name := filepath.Join(dir, typ+".png")
		if err := os.WriteFile(name, png, 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

func TestShippedSiteValidHTML(t *testing.T) {
	dir := shippedSite(t)
	tl := tools(t)
	need(t, tl.MissingValidator())
	start := time.Now()
	pages, err := Pages(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, p := range append(pages, "assets/style.css", "assets/favicon.svg") {
		files = append(files, filepath.Join(dir, p))
	}
	feed, err := os.ReadFile(filepath.Join(dir, "feed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	problems, entries := Feed("feed.xml", feed, shipped.siteURL)
	files = append(files, writeEntries(t, entries)...)
	tagFeeds, _ := filepath.Glob(filepath.Join(dir, "tagger", "*", "feed.xml"))
	for _, f := range tagFeeds { // the same entries as feed.xml: their HTML is validated there
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ps, _ := Feed(strings.TrimPrefix(filepath.ToSlash(f), filepath.ToSlash(dir)+"/"), data, shipped.siteURL)
		problems = append(problems, ps...)
	}
	ps, err := Validate(context.Background(), tl.Java, tl.VNU, dir, files)
	if err != nil {
		t.Fatal(err)
	}
	problems = append(problems, ps...)
	summary("vnu", fmt.Sprintf("%d pages, the stylesheet, the favicon and %d feed entries (Atom structure of feed.xml and %d tag feeds checked apart)", len(pages), len(entries), len(tagFeeds)), len(problems), time.Since(start))
	listProblems(t, problems)
}

// writeEntries writes each feed entry's HTML as a page for the validator.
func writeEntries(t *testing.T, entries []string) []string {
	t.Helper()
	dir := t.TempDir()
	var files []string
	for i, e := range entries {
		p := filepath.Join(dir, fmt.Sprintf("feed-entry-%d.html", i+1))
		if err := os.WriteFile(p, []byte(e), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	return files
}

func TestShippedSiteNoThirdParty(t *testing.T) {
	dir := shippedSite(t)
	start := time.Now()
	ps, err := ThirdParty(os.DirFS(dir), shipped.siteURL, writtenLinks(t))
	if err != nil {
		t.Fatal(err)
	}
	var n int
	fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	summary("third-party", fmt.Sprintf("%d files scanned for URLs to other hosts", n), len(ps), time.Since(start))
	listProblems(t, ps)
}
