package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"alisnord/generator/internal/sitetest"
)

// plant replaces old with new in one file of the copied site.
func plant(t *testing.T, root, file, old, new string) {
	t.Helper()
	p := filepath.Join(root, file)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s has no %q", file, old)
	}
	if err := os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestAllProblemsInOneRun plants one problem of each stage — a TOML syntax
// error in a data file, a missing title, an unknown chart, an unknown
// figure key and a broken link — and expects one run to report them all,
// exit 1 and leave the output as it was.
func TestAllProblemsInOneRun(t *testing.T) {
	js := bundle(t)
	root := sitetest.TempCopy(t)
	out := filepath.Join(root, "public")
	if code, _, stderr := runCmd("build", "-root", root, "-out", out, "-echarts", js); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	before, _ := treeHash(t, out)
	news := "content/nyheter/25-deltakere-og-konferanse-i-bodo.md"
	plant(t, root, "data/events.toml", `kind = "frist"`, `kind = = "frist"`)
	plant(t, root, "content/om.md", "title = ", "# title = ")
	plant(t, root, news, "```chart soknader-per-omrade", "```chart soknader-per-fylke")
	plant(t, root, news, "{{< tall andel-kommuner >}}", "{{< tall andel-kommunene >}}")
	plant(t, root, "content/nyheter/styringsgruppen-samles.md", "\n\n", "\n\nSe [siden som ikke finnes](/finnes-ikke/).\n\n")

	for _, cmd := range []string{"build", "check"} {
		t.Run(cmd, func(t *testing.T) {
			args := []string{cmd, "-root", root, "-echarts", js}
			if cmd == "build" {
				args = append(args, "-out", out)
			}
			code, _, stderr := runCmd(args...)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			for _, want := range []string{
				"data/events.toml:",
				"content/om.md:",
				`"soknader-per-fylke"`,
				`"andel-kommunene"`,
				"finnes-ikke",
			} {
				if !strings.Contains(stderr, want) {
					t.Errorf("the report lacks %q:\n%s", want, stderr)
				}
			}
			if after, _ := treeHash(t, out); after != before {
				t.Error("a failed build changed the output folder")
			}
		})
	}
}

// TestNoFollowOnErrors breaks one data file at a time — a syntax error,
// an empty file, no file — and expects only that file's own problems:
// the rest of the site still renders (to nowhere), and nothing that
// merely follows from the broken file is reported, nor does anything panic.
func TestNoFollowOnErrors(t *testing.T) {
	js := bundle(t)
	root := sitetest.TempCopy(t)
	files := []string{"data/site.toml", "data/sources.toml", "data/areas.toml", "data/participants.toml",
		"data/project.toml", "data/organisation.toml", "data/events.toml"}
	for _, file := range files {
		orig, err := os.ReadFile(filepath.Join(root, file))
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name string
			data []byte // nil: no file
		}{
			{"syntax", []byte("x = = 1\n")},
			{"empty", []byte{}},
			{"missing", nil},
		} {
			t.Run(file+"/"+tc.name, func(t *testing.T) {
				p := filepath.Join(root, file)
				defer os.WriteFile(p, orig, 0o644)
				if tc.data == nil {
					os.Remove(p)
				} else {
					os.WriteFile(p, tc.data, 0o644)
				}
				code, _, stderr := runCmd("check", "-root", root, "-echarts", js)
				if file == "data/events.toml" && tc.name == "empty" {
					if code != 0 { // events are optional
						t.Errorf("exit %d, want 0:\n%s", code, stderr)
					}
					return
				}
				if code != 1 {
					t.Errorf("exit %d, want 1:\n%s", code, stderr)
				}
				lines := strings.Split(strings.TrimSpace(stderr), "\n")
				for _, l := range lines[:len(lines)-1] {
					if !strings.HasPrefix(l, file+":") {
						t.Errorf("a problem that is not in %s:\n%s", file, l)
					}
				}
				if last := lines[len(lines)-1]; !strings.HasSuffix(last, "ingenting er skrevet.") {
					t.Errorf("no summary line, last line %q", last)
				}
			})
		}
	}
	// A broken article: links to its page are not reported as well.
	plant(t, root, "content/om.md", "+++\n", "+++\ntitle = = \"x\"\n")
	plant(t, root, "content/nyheter/styringsgruppen-samles.md", "\n\n", "\n\nLes [om prosjektet](/om/).\n\n")
	code, _, stderr := runCmd("check", "-root", root, "-echarts", js)
	if code != 1 || strings.Contains(stderr, "styringsgruppen-samles.md") || !strings.Contains(stderr, "content/om.md:") {
		t.Errorf("exit %d; want only the broken article's own problem:\n%s", code, stderr)
	}
}
