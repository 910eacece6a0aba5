package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"alisnord/generator/internal/sitetest"
)

// english are words of the libraries' own messages; none may reach staff.
var english = []string{"expected", "invalid", "cannot", "unexpected", "error", "no such", "permission denied",
	"panic", "goroutine", "found", "not a", "failed", "bare key", "template:", "executing"}

// TestHostileInputs runs check on the shipped site with one hostile or
// mistaken input each — the cases of a tester's report — and expects exit
// 1 (2 for the command line), the named problem in Norwegian with its
// position, no library English, no Go stack trace and no hang.
func TestHostileInputs(t *testing.T) {
	js := bundle(t)
	news := "content/nyheter/styringsgruppen-samles.md"
	write := func(file, data string) func(t *testing.T, root string) {
		return func(t *testing.T, root string) {
			p := filepath.Join(root, file)
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	replace := func(file, old, new string) func(t *testing.T, root string) {
		return func(t *testing.T, root string) { plant(t, root, file, old, new) }
	}
	article := "+++\ntitle = \"Sak\"\ndate = 2019-05-01\n+++\n"
	cases := []struct {
		name string
		set  func(t *testing.T, root string)
		want string
	}{
		{"fifo named .md", func(t *testing.T, root string) {
			if err := syscall.Mkfifo(filepath.Join(root, "content/nyheter/ror.md"), 0o644); err != nil {
				t.Skip("no FIFOs here:", err)
			}
		}, "content/nyheter/ror.md:1:1: er et navngitt rør (FIFO)"},
		{"symlink to /dev/zero", func(t *testing.T, root string) {
			if err := os.Symlink("/dev/zero", filepath.Join(root, "content/nyheter/null.md")); err != nil {
				t.Skip(err)
			}
		}, "content/nyheter/null.md:1:1:"},
		{"upper-case extension", write("content/nyheter/sak.MD", article), "content/nyheter/sak.MD:1:1: filendelsen .MD blir ikke bygget"},
		{".markdown", write("content/nyheter/sak.markdown", article), "content/nyheter/sak.markdown:1:1:"},
		{"linked folder", func(t *testing.T, root string) {
			os.MkdirAll(filepath.Join(root, "annet"), 0o755)
			os.Symlink(filepath.Join(root, "annet"), filepath.Join(root, "content/arkiv"))
		}, "content/arkiv:1:1:"},
		{"percent shortcode", replace(news, "\n\n", "\n\nVi har {{% tall soknader %}} søknader.\n\n"), "tall skrives {{< tall NØKKEL >}}"},
		{"split shortcode", replace(news, "\n\n", "\n\nVi har {{< tall\nsoknader >}} søknader.\n\n"), news + ":"},
		{"javascript link", replace(news, "\n\n", "\n\n[Trykk her](javascript:alert(1))\n\n"), "utrygt skjema"},
		{"control character", replace(news, "\n\n", "\n\nKlokke\a.\n\n"), news + ":"},
		{"overflowing total", replace("data/areas.toml", "applications = 8\n", "applications = 9223372036854775807\n"), "data/areas.toml:21:"},
		{"share of zero", replace("data/project.toml", "northern_municipalities = 87", "northern_municipalities = 0"), "data/project.toml:67:"},
		{"infinite municipalities", replace("data/areas.toml", "municipalities = 9\n", "municipalities = inf\n"), "data/areas.toml:22:"},
		{"empty name", replace("data/areas.toml", `name = "Finnmark"`, `name = ""`), "data/areas.toml:19:"},
		{"empty areas file", write("data/areas.toml", "# ingen områder ennå\n"), "data/areas.toml:1:1: filen har ingen [[area]]"},
		{"year 0001", replace("data/sources.toml", "date = 2019-04-01", "date = 0001-04-01"), "data/sources.toml:18:"},
		{"impossible date", replace("data/sources.toml", "date = 2019-04-01", "date = 2019-13-01"), "data/sources.toml:18:"},
		{"event kind typo", replace("data/events.toml", `kind = "konferanse"`, `kind = "konferense"`), `data/events.toml:55:1: kind må være`},
		{"toml syntax", replace("data/events.toml", `kind = "frist"`, `kind = = "frist"`), "data/events.toml:32:"},
		{"deep nesting", write("content/nyheter/dyp.md", article+strings.Repeat("> ", 100000)+"x\n"), "content/nyheter/dyp.md:5:"},
		{"template in layout", replace("templates/layouts/base.html", `<main id="innhold"`, `{{ .Finnes.Ikke }}<main id="innhold"`), "templates/layouts/base.html:"},
	}
	// One build fills a chart cache that every case starts from, so each
	// check draws nothing anew.
	warm := sitetest.TempCopy(t)
	if code, _, stderr := runCmd("build", "-root", warm, "-out", filepath.Join(t.TempDir(), "ut"), "-echarts", js); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			root := sitetest.TempCopy(t)
			if err := os.CopyFS(filepath.Join(root, ".cache", "charts"), os.DirFS(filepath.Join(warm, ".cache", "charts"))); err != nil {
				t.Fatal(err)
			}
			tc.set(t, root)
			done := make(chan struct{})
			var code int
			var stderr string
			go func() {
				code, _, stderr = runCmd("check", "-root", root, "-echarts", js)
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(2 * time.Minute): // a guard against a hang, not a speed goal
				t.Fatal("check did not finish")
			}
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("the report lacks %q:\n%s", tc.want, stderr)
			}
			lower := strings.ToLower(stderr)
			for _, w := range english {
				if strings.Contains(lower, w) {
					t.Errorf("English %q in the report:\n%s", w, stderr)
				}
			}
			if n := strings.Count(stderr, "templates/layouts/base.html"); tc.name == "template in layout" && n != 1 {
				t.Errorf("the layout's mistake is reported %d times, want once:\n%s", n, stderr)
			}
		})
	}
}
