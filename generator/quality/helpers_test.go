package quality

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// need skips the test loudly when a tool is missing, and fails it on CI
// (CI=true), where every check must run.
func need(t *testing.T, missing string) {
	t.Helper()
	if missing == "" {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true and %s: the quality checks must run on CI", missing)
	}
	fmt.Printf("QUALITY SKIP %s: %s\n", t.Name(), missing)
	t.Skipf("SKIP: %s — these checks did NOT run", missing)
}

// tools finds the browser, Java and the npm packages of this folder.
func tools(t *testing.T) Tools {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	return FindTools(dir)
}

// writeArchive writes the files of a txtar archive below dir.
func writeArchive(t *testing.T, ar *txtar.Archive, dir string) {
	t.Helper()
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// artefacts is where screenshots go: $QUALITY_ARTEFACTS, or
// alisnord-quality in the temp folder; never the repository.
func artefacts(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("QUALITY_ARTEFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "alisnord-quality")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// visits lists every page of the site at dir, served at origin.
func visits(t *testing.T, dir, origin string) []Visit {
	t.Helper()
	pages, err := Pages(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	var vs []Visit
	for _, p := range pages {
		vs = append(vs, Visit{Page: p, URL: origin + "/" + p, Status: 200})
	}
	return vs
}

// browserRun is the outcome of opening a list of pages.
type browserRun struct {
	problems []Problem
	pages    int
	charts   int
	axeRules int // axe violations, summed over the pages
	took     time.Duration
	shots    map[string][]byte // page type -> full-page PNG
}

// openAll checks each visit in the browser and the links each page has;
// it keeps a screenshot of the first page of each type when shots is set.
func openAll(t *testing.T, b *Browser, origin string, vs []Visit, shots bool) browserRun {
	t.Helper()
	start := time.Now()
	run := browserRun{shots: map[string][]byte{}}
	links := NewLinkChecker(origin)
	for _, v := range vs {
		typ := PageType(v.Page)
		_, seen := run.shots[typ]
		v.Screenshot = shots && !seen && v.Status == 200
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		res, err := b.Check(ctx, v)
		cancel()
		if err != nil {
			t.Fatalf("%s: %v", v.Page, err)
		}
		run.pages++
		run.charts += res.Charts
		run.axeRules += res.Axe
		run.problems = append(run.problems, res.Problems...)
		run.problems = append(run.problems, links.Check(v.Page, v.URL, res.Links)...)
		if res.Screenshot != nil {
			run.shots[typ] = res.Screenshot
		}
		for name, png := range res.Shots {
			run.shots[typ+" "+strings.ReplaceAll(name, " ", "-")] = png
		}
	}
	run.took = time.Since(start)
	return run
}

// byCheck counts problems per check.
func byCheck(ps []Problem) map[string]int {
	n := map[string]int{}
	for _, p := range ps {
		n[p.Check]++
	}
	return n
}

// summary prints one line a reader of CI's log can find:
// "QUALITY name: detail, N problems, T s"; a zero took means the check
// ran within the browser run, timed on its own line.
func summary(name, detail string, problems int, took time.Duration) {
	when := "in the browser run"
	if took > 0 {
		when = fmt.Sprintf("%.1f s", took.Seconds())
	}
	fmt.Printf("QUALITY %s: %s, %d problems, %s\n", name, detail, problems, when)
}

// listProblems fails t with every problem, one a line.
func listProblems(t *testing.T, ps []Problem) {
	t.Helper()
	if len(ps) == 0 {
		return
	}
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("\n  " + p.String())
	}
	t.Errorf("%d problems:%s", len(ps), b.String())
}

// servedBrowser serves the built site in dir and starts a browser that may
// reach only that server; both stop when the test ends.
func servedBrowser(t *testing.T, dir string) (*Server, *Browser) {
	t.Helper()
	tl := tools(t)
	need(t, tl.MissingBrowser())
	srv, err := Serve(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	b, err := NewBrowser(tl.Chromium, tl.Axe, srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	return srv, b
}
