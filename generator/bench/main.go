// Command bench times full builds of a synthetic corpus with the ALIS-Nord
// generator and, when a hugo binary is found, with Hugo building the same
// articles through an equivalent minimal layout (generator/bench/hugo). It
// prints wall time, CPU time and peak memory, median of several runs after
// a warm-up, and our/Hugo ratios.
//
//	go run ./generator/bench [-n 1000,10000] [-runs 3] [-dir .cache/bench]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

type config struct {
	sizes      []int
	runs       int
	dir, repo  string
	hugo       string
	noHugo     bool
	echarts    string
	keepOutput bool
	photos     int
}

func run(args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return 2
	}
	if err := bench(cfg, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 1
	}
	return 0
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sizes := fs.String("n", "1000,10000", "antall syntetiske saker per korpus, kommaseparert")
	fs.IntVar(&cfg.runs, "runs", 3, "målte bygg per verktøy og korpus (etter ett oppvarmingsbygg)")
	fs.StringVar(&cfg.dir, "dir", filepath.Join(".cache", "bench"), "arbeidsmappe for korpus og bygg")
	fs.StringVar(&cfg.repo, "repo", ".", "repoet (templates/ og ./generator)")
	fs.StringVar(&cfg.hugo, "hugo", "", "hugo-binæren (standard: hugo på PATH eller i $(go env GOPATH)/bin)")
	fs.BoolVar(&cfg.noHugo, "nohugo", false, "mål bare vår generator")
	fs.StringVar(&cfg.echarts, "echarts", "", "ECharts-bunten (standard <repo>/.cache/echarts/echarts.min.js)")
	fs.BoolVar(&cfg.keepOutput, "keep", false, "behold korpus og bygg etterpå")
	fs.IntVar(&cfg.photos, "photos", 100, "mål også et bygg med så mange syntetiske 4000×3000-bilder, kaldt og varmt (0: ikke)")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			fmt.Fprintf(stderr, "ugyldig -n: %q\n", s)
			return cfg, errors.New("bad -n")
		}
		cfg.sizes = append(cfg.sizes, n)
	}
	if cfg.runs < 1 {
		fmt.Fprintln(stderr, "-runs må være minst 1")
		return cfg, errors.New("bad -runs")
	}
	if cfg.echarts == "" {
		cfg.echarts = filepath.Join(cfg.repo, ".cache", "echarts", "echarts.min.js")
	}
	return cfg, nil
}

func bench(cfg config, stdout, stderr io.Writer) error {
	dir, err := filepath.Abs(cfg.dir)
	if err != nil {
		return err
	}
	echarts, err := filepath.Abs(cfg.echarts)
	if err != nil {
		return err
	}
	if _, err := os.Stat(echarts); err != nil {
		return fmt.Errorf("fant ikke ECharts-bunten (kjør make echarts): %w", err)
	}
	bin := filepath.Join(dir, "bin", "generator")
	build := exec.Command("go", "build", "-o", bin, "./generator")
	build.Dir, build.Stdout, build.Stderr = cfg.repo, stderr, stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("go build ./generator: %w", err)
	}
	hugo := ""
	if !cfg.noHugo {
		hugo = findHugo(cfg.hugo)
	}
	var results []result
	// Each size's corpus and builds are removed only after the last size:
	// on ext4 without a journal a new file passes over every inode freed
	// in the last minute (five when its block is not yet written back) in
	// its group, so deleting a size's 100,000 files just before the next
	// size is timed would slow the file creation of every tool in it.
	var works []string
	defer func() {
		if !cfg.keepOutput {
			for _, w := range works {
				os.RemoveAll(w)
			}
		}
	}()
	for _, n := range cfg.sizes {
		work := filepath.Join(dir, "n"+strconv.Itoa(n))
		works = append(works, work)
		fmt.Fprintf(stderr, "N=%d: skriver syntetisk korpus til %s\n", n, work)
		ss, err := writeSites(work, cfg.repo, n)
		if err != nil {
			return err
		}
		ours := func(root string, flags ...string) func(out string) *exec.Cmd {
			return func(out string) *exec.Cmd {
				return exec.Command(bin, append([]string{"build", "-root", root, "-out", out, "-echarts", echarts}, flags...)...)
			}
		}
		// alisnord keeps drawn charts in <root>/.cache/charts between builds,
		// as Hugo keeps its resources in --cacheDir, and builds into a new
		// folder; alisnord-gjenbygg builds into its folder again, as make
		// does, with nothing changed, and alisnord-gjenbygg-tittel after
		// a new title of one article; alisnord-kald starts every build with an empty chart cache
		// and draws every chart (the photo cache stays, as CI keeps it);
		// alisnord-nocache also processes every photo again (-nocache).
		// Hugo's layout processes no images.
		emptyCharts := func() error { return os.RemoveAll(filepath.Join(ss.full, ".cache", "charts")) }
		tools := []tool{
			{name: "alisnord", cmd: ours(ss.full)},
			{name: "alisnord-gjenbygg", cmd: ours(ss.full), rebuild: true},
			{name: "alisnord-gjenbygg-tittel", cmd: ours(ss.full), rebuild: true, before: retitle(ss.full, n)},
			{name: "alisnord-kald", cmd: ours(ss.full), before: emptyCharts},
			{name: "alisnord-nocache", cmd: ours(ss.full, "-nocache")},
			{name: "alisnord-saker", cmd: ours(ss.articles)},
		}
		if hugo != "" {
			tools = append(tools, tool{name: "hugo", cmd: func(out string) *exec.Cmd {
				return exec.Command(hugo, "--source", ss.hugo, "--destination", out, "--quiet",
					"--cacheDir", filepath.Join(work, "hugo-cache"))
			}})
		}
		fmt.Fprintf(stderr, "N=%d: 1 oppvarming + %d målte bygg per verktøy, på omgang\n", n, cfg.runs)
		res, err := measure(tools, n, cfg.runs, work)
		if err != nil {
			return err
		}
		results = append(results, res...)
	}
	printTable(stdout, results, cfg.runs, hugo, cfg.noHugo)
	if cfg.photos > 0 {
		work := filepath.Join(dir, "bilder")
		res, err := benchPhotos(bin, echarts, cfg.repo, work, cfg.photos, stderr)
		if !cfg.keepOutput {
			os.RemoveAll(work)
		}
		if err != nil {
			return err
		}
		printPhotos(stdout, res)
	}
	return nil
}

// findHugo returns the hugo binary to use: the -hugo flag, hugo on PATH, or
// hugo in $(go env GOPATH)/bin (where go install puts it); "" if none.
func findHugo(flagged string) string {
	if flagged != "" {
		return flagged
	}
	if p, err := exec.LookPath("hugo"); err == nil {
		return p
	}
	out, err := exec.Command("go", "env", "GOPATH").Output()
	if err != nil {
		return ""
	}
	for _, gp := range filepath.SplitList(strings.TrimSpace(string(out))) {
		p := filepath.Join(gp, "bin", "hugo")
		if runtime.GOOS == "windows" {
			p += ".exe"
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}
