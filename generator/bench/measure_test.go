package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"alisnord/generator/bench/corpus"
)

// TestMeasureFolders: a rebuilding tool builds every turn into the folder
// its warm-up built, over what is there; the other tools build into a new,
// empty folder every turn. Each stand-in build appends a line to a file in
// its output folder and fails if the folder held anything else.
func TestMeasureFolders(t *testing.T) {
	build := func(out string) *exec.Cmd {
		return exec.Command("sh", "-c", `mkdir -p "$1" && echo bygg >>"$1/bygg.txt"`, "sh", out)
	}
	work := t.TempDir()
	const runs = 3
	res, err := measure([]tool{{name: "ny", cmd: build}, {name: "gjen", cmd: build, rebuild: true}}, 10, runs, work)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if len(r.runs) != runs || r.files != 1 {
			t.Errorf("%s: %d runs and %d files, want %d and 1", r.tool, len(r.runs), r.files, runs)
		}
	}
	lines := func(dir string) int {
		b, err := os.ReadFile(filepath.Join(work, dir, "bygg.txt"))
		if err != nil {
			t.Fatal(err)
		}
		return strings.Count(string(b), "\n")
	}
	if n := lines("public-gjen-0"); n != runs+1 {
		t.Errorf("the rebuilding tool built %d times into its folder, want %d", n, runs+1)
	}
	for turn := range runs + 1 {
		if n := lines("public-ny-" + string(rune('0'+turn))); n != 1 {
			t.Errorf("turn %d: the other tool built %d times into its folder, want once", turn, n)
		}
	}
}

// TestMeasureSettles: before every build, the warm-up's too, the bench
// lets the disk catch up (settle), untimed, so that no build pays for the
// writing of the one before it.
func TestMeasureSettles(t *testing.T) {
	work := t.TempDir()
	log := filepath.Join(work, "logg.txt")
	note := func(line string) {
		f, err := os.OpenFile(log, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString(line + "\n")
		f.Close()
	}
	old := settle
	t.Cleanup(func() { settle = old })
	settle = func() { note("settle") }
	build := func(out string) *exec.Cmd {
		return exec.Command("sh", "-c", `mkdir -p "$1" && echo bygg >>"$2"`, "sh", out, log)
	}
	const runs = 2
	tools := []tool{{name: "a", cmd: build}, {name: "b", cmd: build, before: func() error { note("before"); return nil }}}
	if _, err := measure(tools, 10, runs, work); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(log)
	want := strings.Repeat("settle\nbygg\nbefore\nsettle\nbygg\n", runs+1)
	if string(b) != want {
		t.Errorf("builds and settles in order:\n%s\nwant\n%s", b, want)
	}
}

// TestRetitle checks that the edit before each build of
// alisnord-gjenbygg-tittel changes the title, and only the title, every
// time, of an article in a file of its own and of one in a page bundle,
// and fails on a corpus without the article.
func TestRetitle(t *testing.T) {
	orig := "+++\ntitle = \"Gammel\"\ndate = 2020-01-01\n+++\n\ntitle = \"i teksten\"\n"
	want := strings.Replace(orig, `title = "Gammel"`, `title = "Syntetisk sak med ny tittel nr. 2"`, 1)
	for _, file := range []string{corpus.ArticleSlug(2) + ".md", filepath.Join(corpus.ArticleSlug(2), "index.md")} {
		root := t.TempDir()
		path := filepath.Join(root, "content", "nyheter", file)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(orig), 0o644); err != nil {
			t.Fatal(err)
		}
		edit := retitle(root, 4)
		var seen []string
		for range 2 {
			if err := edit(); err != nil {
				t.Fatal(err)
			}
			b, _ := os.ReadFile(path)
			seen = append(seen, string(b))
		}
		if seen[0] == seen[1] || seen[1] != want {
			t.Errorf("%s after two edits:\n%s\nwant\n%s", file, seen[1], want)
		}
		if err := retitle(root, 10)(); err == nil {
			t.Error("no error for a corpus without the article")
		}
	}
}
