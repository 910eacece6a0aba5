package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"alisnord/generator/internal/sitetest"
	"alisnord/generator/internal/treehash"
	"alisnord/generator/photo/phototest"
)

// bundle returns the ECharts bundle the build needs, skipping the test
// when it has not been fetched (make echarts) — except on CI.
func bundle(t *testing.T) string {
	t.Helper()
	p, _ := filepath.Abs("../.cache/echarts/echarts.min.js")
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("ECharts bundle missing at %s: run make echarts", p)
		}
		t.Skipf("SKIP: ECharts bundle missing at %s: run make echarts", p)
	}
	return p
}

// treeHash sums the tree below dir and counts its files.
func treeHash(t *testing.T, dir string) (string, int) {
	t.Helper()
	sum, n, err := treehash.Sum(dir)
	if err != nil {
		t.Fatal(err)
	}
	return sum, n
}

func runCmd(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestBuildTwiceIdentical builds the site twice, drawing every chart each
// time: in goja, then in Node.js when node is on PATH (on CI it is).
func TestBuildTwiceIdentical(t *testing.T) {
	js := bundle(t)
	root := sitetest.TempCopy(t)
	a, b := filepath.Join(root, "a"), filepath.Join(root, "b")
	second := "goja"
	if _, err := exec.LookPath("node"); err == nil || os.Getenv("CI") == "true" {
		second = "node"
	}
	for _, c := range []struct{ out, engine string }{{a, "goja"}, {b, second}} {
		if code, _, stderr := runCmd("build", "-root", root, "-out", c.out, "-echarts", js, "-nocache", "-charts", c.engine); code != 0 {
			t.Fatalf("build exit %d:\n%s", code, stderr)
		}
	}
	ha, n := treeHash(t, a)
	hb, _ := treeHash(t, b)
	if ha != hb {
		t.Fatalf("two builds differ: %s vs %s", ha, hb)
	}
	if n < 60 {
		t.Errorf("only %d files built", n)
	}
	front, err := os.ReadFile(filepath.Join(a, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{">35</span> <span class=\"kf-label\">søknader", ">45</span>", ">365\u00a0845</span>", ">25</span> <span class=\"kf-label\">deltakere", ">32</span> <span class=\"kf-label\">ALIS-stillinger"} {
		if !strings.Contains(string(front), want) {
			t.Errorf("front page lacks %q", want)
		}
	}
}

func TestFailedBuildLeavesOutputUntouched(t *testing.T) {
	js := bundle(t)
	breaks := []struct {
		name, file, old, new, want string
	}{
		{"syntax", "data/areas.toml", "applications = 8\n", "applications = = 8\n", "data/areas.toml:"},
		{"misspelled key", "data/participants.toml", "positions = 2", "posisjoner = 2", "data/participants.toml:"},
		{"bad area", "data/participants.toml", `area = "unn"`, `area = "tromso"`, `området "tromso" finnes ikke`},
		{"total off by one", "data/project.toml", "population = 365845", "population = 365846", "totals.population er 365846, men summen av population i data/areas.toml er 365845"},
		{"front matter", "content/om.md", "title = ", "tittel = ", "content/om.md:2:1: ukjent felt"},
		{"unknown chart", "content/nyheter/25-deltakere-og-konferanse-i-bodo.md", "```chart soknader-per-omrade", "```chart soknader", `ukjent figur "soknader"`},
		{"template", "templates/pages/area.html", "{{.Name}}", "{{.Navn}}", "templates/pages/area.html:"},
	}
	root := sitetest.TempCopy(t)
	out := filepath.Join(root, "public")
	if code, _, stderr := runCmd("build", "-root", root, "-out", out, "-echarts", js); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	before, _ := treeHash(t, out)
	for _, br := range breaks {
		t.Run(br.name, func(t *testing.T) {
			path := filepath.Join(root, br.file)
			orig, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(orig, []byte(br.old)) {
				t.Fatalf("%s has no %q", br.file, br.old)
			}
			os.WriteFile(path, bytes.Replace(orig, []byte(br.old), []byte(br.new), 1), 0o644)
			defer os.WriteFile(path, orig, 0o644)
			code, _, stderr := runCmd("build", "-root", root, "-out", out, "-echarts", js)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if !strings.Contains(stderr, br.want) {
				t.Errorf("stderr lacks %q:\n%s", br.want, stderr)
			}
			if after, _ := treeHash(t, out); after != before {
				t.Error("a failed build changed the output folder")
			}
		})
	}
}

// TestUsage: each command takes only its own flags, and every usage error
// is a Norwegian sentence that says what to do, with exit 2.
func TestUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "Kommandoer:"},
		{[]string{"-h"}, 0, "KOMMANDO -h"},
		{[]string{"build", "-h"}, 0, "en relativ sti regnes fra -root"},
		{[]string{"serve", "-h"}, 0, "-addr VERDI"},
		{[]string{"bygg"}, 2, `ukjent kommando "bygg"`},
		{[]string{"build", "-nope"}, 2, "ukjent valg -nope for build; gyldige valg: -root, -out"},
		{[]string{"build", "extra"}, 2, `ukjent argument "extra" etter build`},
		{[]string{"build", "-out"}, 2, "valget -out trenger en verdi"},
		{[]string{"build", "-addr", "127.0.0.1:1"}, 2, "valget -addr gjelder bare serve, ikke build"},
		{[]string{"check", "-out", "x"}, 2, "valget -out gjelder bare build og bundle, ikke check"},
		{[]string{"serve", "-drafts"}, 2, "valget -drafts gjelder bare build og check, ikke serve"},
		{[]string{"build", "-drafts=kanskje"}, 2, "ugyldig verdi for -drafts"},
		{[]string{"build", "---out=x"}, 2, "kan ikke lese valget"},
	} {
		code, stdout, stderr := runCmd(tc.args...)
		if code != tc.code {
			t.Errorf("%v: exit %d, want %d", tc.args, code, tc.code)
		}
		if !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: stderr lacks %q:\n%s", tc.args, tc.want, stderr)
		}
		if stdout != "" {
			t.Errorf("%v: usage went to stdout: %q", tc.args, stdout)
		}
		for _, english := range []string{"flag provided", "Usage", "needs an argument", "invalid", "default"} {
			if strings.Contains(stderr, english) {
				t.Errorf("%v: English %q in:\n%s", tc.args, english, stderr)
			}
		}
	}
}

// TestCheckWritesNothing: check leaves every byte under the root as it
// was, the chart cache included, also when the cache already holds
// charts from a build.
func TestCheckWritesNothing(t *testing.T) {
	js := bundle(t)
	root := sitetest.TempCopy(t)
	// A page bundle with a (synthetic) photo, so both caches are in play.
	sak := filepath.Join(root, "content", "nyheter", "med-bilde")
	os.MkdirAll(sak, 0o755)
	os.WriteFile(filepath.Join(sak, "index.md"), []byte("+++\ntitle = \"Med bilde\"\ndate = 2019-09-01\nsummary = \"Syntetisk.\"\n+++\n\n![Et syntetisk testbilde](bilde.jpg \"Bildetekst\")\n"), 0o644)
	os.WriteFile(filepath.Join(sak, "bilde.jpg"), phototest.PhoneJPEG(64, 48, 6), 0o644)
	for _, step := range []string{"empty cache", "after a build"} {
		before, _ := treeHash(t, root)
		code, stdout, stderr := runCmd("check", "-root", root, "-echarts", js)
		if code != 0 {
			t.Fatalf("%s: check: exit %d\n%s", step, code, stderr)
		}
		if !strings.HasPrefix(stdout, "ok:") {
			t.Errorf("%s: stdout = %q", step, stdout)
		}
		if after, _ := treeHash(t, root); after != before {
			t.Errorf("%s: check changed files under the root", step)
		}
		if _, err := os.Stat(filepath.Join(root, "public")); !os.IsNotExist(err) {
			t.Errorf("%s: check wrote public/", step)
		}
		if code, _, stderr := runCmd("build", "-root", root, "-out", filepath.Join(t.TempDir(), "ut"), "-echarts", js); code != 0 {
			t.Fatalf("build: exit %d\n%s", code, stderr)
		}
	}
	for _, cache := range []string{"charts", "photos"} {
		if entries, _ := os.ReadDir(filepath.Join(root, ".cache", cache)); len(entries) == 0 {
			t.Errorf("the build kept nothing in .cache/%s: the second check did not read a filled cache", cache)
		}
	}
}

// TestCheckPrintsCalendar plants an article due next year and one that
// expires then (synthetic test content), and expects check to list both.
func TestCheckPrintsCalendar(t *testing.T) {
	js := bundle(t)
	root := sitetest.TempCopy(t)
	next := time.Now().AddDate(1, 0, 0).Format("2006-01-02")
	write := func(name, fm string) {
		src := "+++\ntitle = \"Syntetisk " + name + "\"\ndate = 2019-10-01\n" + fm + "+++\nTekst.\n"
		if err := os.WriteFile(filepath.Join(root, "content", "nyheter", name+".md"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("planlagt", "publishDate = "+next+"\n")
	write("utlopende", "expiryDate = "+next+"\n")
	code, stdout, stderr := runCmd("check", "-root", root, "-echarts", js)
	if code != 0 {
		t.Fatalf("check: exit %d\n%s", code, stderr)
	}
	for _, want := range []string{
		next + "  publiseres  content/nyheter/planlagt.md  «Syntetisk planlagt»",
		next + "  tas bort    content/nyheter/utlopende.md  «Syntetisk utlopende»",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check output lacks %q:\n%s", want, stdout)
		}
	}
}

// TestRebuildTakesUnchangedPages builds into one folder again and again,
// with and without edits between, and checks each time that the folder
// holds what a build into a new folder holds, that a rebuild with nothing
// changed executes no page, and that it executes every page after the
// templates or the ECharts bundle changed.
func TestRebuildTakesUnchangedPages(t *testing.T) {
	js := bundle(t)
	root := sitetest.TempCopy(t)
	out := filepath.Join(root, "public")
	rendered := regexp.MustCompile(`\((\d+) av (\d+) sider på nytt\)`)
	article := filepath.Join(root, "content", "nyheter", "styringsgruppen-samles.md")
	other := filepath.Join(t.TempDir(), "echarts.min.js") // the same bundle, another file
	copyFile(t, js, other)
	appendTo(t, other, "\n// en annen versjon\n")
	for i, edit := range []func(){
		func() {},
		func() {},
		func() { appendTo(t, article, "\nEn ny setning.\n") },
		func() { appendTo(t, filepath.Join(root, "templates", "partials", "crumbs.html"), "\n") },
		func() { js = other },
	} {
		edit()
		code, stdout, stderr := runCmd("build", "-root", root, "-out", out, "-echarts", js)
		if code != 0 {
			t.Fatalf("build %d: exit %d:\n%s", i, code, stderr)
		}
		fresh := filepath.Join(t.TempDir(), "fresh")
		if code, _, stderr := runCmd("build", "-root", root, "-out", fresh, "-echarts", js); code != 0 {
			t.Fatalf("fresh build %d: exit %d:\n%s", i, code, stderr)
		}
		got, _ := treeHash(t, out)
		if want, _ := treeHash(t, fresh); got != want {
			t.Fatalf("build %d into the old folder differs from a fresh build", i)
		}
		m := rendered.FindStringSubmatch(stdout)
		if m == nil {
			t.Fatalf("build %d: no count of pages in %q", i, stdout)
		}
		if i == 1 && m[1] != "0" {
			t.Errorf("a rebuild of the same site executed pages: %s", m[0])
		}
		if i >= 3 && m[1] != m[2] {
			t.Errorf("build %d: after the templates or the bundle changed, a rebuild took pages from the last build: %s", i, m[0])
		}
	}
}

func appendTo(t *testing.T, file, text string) {
	t.Helper()
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBuildGC checks that a build that draws every chart runs with the
// collector's target of coldGC, one that does not with warmGC, or freshGC
// into an empty output folder, that GOGC in the environment wins, and that
// the target is set back afterwards.
func TestBuildGC(t *testing.T) {
	target := func() int {
		v := debug.SetGCPercent(-1)
		debug.SetGCPercent(v)
		return v
	}
	before := target()
	for _, c := range []struct {
		env         string
		cold, fresh bool
		want        int
	}{
		{"", true, false, coldGC}, {"", true, true, coldGC}, {"", false, false, warmGC}, {"", false, true, freshGC},
		{"100", true, true, before}, {"100", false, false, before},
	} {
		t.Setenv("GOGC", c.env)
		restore := buildGC(c.cold, c.fresh)
		got := target()
		restore()
		if got != c.want || target() != before {
			t.Errorf("GOGC=%q, cold %v, fresh %v: target %d during the build (want %d), %d after (want %d)", c.env, c.cold, c.fresh, got, c.want, target(), before)
		}
	}
}

// TestBrokenNode: with a node on PATH that does not run, -charts auto
// draws with goja and says so; -charts node fails.
func TestBrokenNode(t *testing.T) {
	js := bundle(t)
	root := sitetest.TempCopy(t)
	fake := t.TempDir()
	if err := os.WriteFile(filepath.Join(fake, "node"), []byte("#!/bin/sh\necho 'ikke node' >&2\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", fake+string(os.PathListSeparator)+os.Getenv("PATH"))
	code, stdout, stderr := runCmd("build", "-root", root, "-out", "a", "-echarts", js)
	if code != 0 {
		t.Fatalf("-charts auto: exit %d:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "advarsel: figurene ble tegnet med goja, fordi Node.js ikke kunne brukes") || !strings.Contains(stdout, "ikke node") {
		t.Errorf("-charts auto with a broken node says nothing of it:\n%s", stdout)
	}
	code, _, stderr = runCmd("build", "-root", root, "-out", "b", "-echarts", js, "-charts", "node", "-nocache")
	if code != 1 || !strings.Contains(stderr, "ikke node") {
		t.Errorf("-charts node with a broken node: exit %d, want 1 and its error:\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(root, "b")); err == nil {
		t.Error("the failed build left an output folder")
	}
}
