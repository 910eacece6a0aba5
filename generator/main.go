// Command generator builds the ALIS-Nord website from data/*.toml,
// content/**/*.md and templates/ into public/.
//
//	go run ./generator build [-root .] [-out public] [-drafts] [-future] [-expired]
//	go run ./generator check [-root .] [-drafts] [-future] [-expired]
//	go run ./generator bundle [-root .] [-out public] [-zip FILE]
//	go run ./generator serve [-root .] [-addr 127.0.0.1:1313] [-expired]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"alisnord/generator/chart"
	"alisnord/generator/output"
	"alisnord/generator/render"
	"alisnord/generator/serve"
	"alisnord/generator/site"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

const usage = `Bruk: go run ./generator <kommando> [valg]

Kommandoer:
  build   bygg nettstedet til -out (standard public/)
  check   sjekk data og innhold uten å skrive noe
  bundle  bygg som build, og lag i tillegg en zip av nettstedet som virker
          frakoblet fra file:// (for en minnepinne), standard <out>/alis-nord-frakoblet.zip
  serve   utviklingsserver: bygger i minnet, viser utkast og planlagte saker,
          bygger på nytt ved hver endring og laster siden i nettleseren på nytt

Valg:
`

// config is what the command line asks for.
type config struct {
	root, out, echarts, zip, addr string
	drafts, future, expired       bool
	noCache                       bool
}

// run is the whole program; it returns the exit code: 0 success, 1 input
// errors, 2 usage errors.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		fmt.Fprint(stderr, usage)
		newFlags(&config{}, stderr).PrintDefaults()
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd := args[0]
	var cfg config
	fs := newFlags(&cfg, stderr)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "ukjent argument %q\n", fs.Arg(0))
		return 2
	}
	switch cmd {
	case "build", "check":
		return report(stdout, stderr, build(cfg, cmd == "check", stdout))
	case "bundle":
		return report(stdout, stderr, offlineBundle(cfg, stdout))
	case "serve":
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		return report(stdout, stderr, serve.Run(ctx, serve.Config{Root: cfg.root, Addr: cfg.addr, Echarts: cfg.echarts, Expired: cfg.expired, Log: stdout}))
	}
	fmt.Fprintf(stderr, "ukjent kommando %q\n\n%s", cmd, usage)
	fs.PrintDefaults()
	return 2
}

func newFlags(cfg *config, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("generator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.root, "root", ".", "mappen med content/, data/ og templates/")
	fs.StringVar(&cfg.out, "out", "public", "mappen nettstedet skrives til")
	fs.StringVar(&cfg.addr, "addr", serve.DefaultAddr, "adressen utviklingsserveren lytter på (bare serve)")
	fs.StringVar(&cfg.echarts, "echarts", "", "ECharts-bunten (standard <root>/.cache/echarts/echarts.min.js; hentes med make echarts)")
	fs.StringVar(&cfg.zip, "zip", "", "bundle: zip-filen som skrives (standard <out>/alis-nord-frakoblet.zip)")
	fs.BoolVar(&cfg.noCache, "nocache", false, "tegn alle figurene og behandle alle bildene på nytt i stedet for å hente dem fra <root>/.cache")
	fs.BoolVar(&cfg.drafts, "drafts", false, "ta med utkast (draft = true)")
	fs.BoolVar(&cfg.future, "future", false, "ta med saker med dato fram i tid")
	fs.BoolVar(&cfg.expired, "expired", false, "ta med saker som er utløpt (expiryDate)")
	return fs
}

// report prints the outcome and turns it into the exit code.
func report(stdout, stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	var ds site.Diagnostics
	if errors.As(err, &ds) {
		for _, d := range ds {
			fmt.Fprintln(stderr, d)
		}
		fmt.Fprintf(stderr, "%d %s; ingenting er skrevet.\n", len(ds), plural(len(ds), "feil", "feil"))
		return 1
	}
	fmt.Fprintln(stderr, "feil:", err)
	return 1
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// build runs the pipeline: load and check, render, write.
func build(cfg config, checkOnly bool, stdout io.Writer) error {
	start := time.Now()
	s, opt, err := prepare(cfg)
	if err != nil {
		return err
	}
	for _, w := range s.Warnings() {
		fmt.Fprintln(stdout, w)
	}
	if checkOnly {
		files, err := render.Site(s, opt)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "ok: %d filer ville blitt bygget (%d ms)\n", len(files), time.Since(start).Milliseconds())
		return nil
	}
	// Pages go to disk as they are rendered; the new site replaces the old
	// one only when every page succeeded.
	st, err := output.Begin(cfg.out)
	if err != nil {
		return err
	}
	if err := render.Stream(s, opt, st); err != nil {
		st.Abort()
		return err
	}
	if err := st.Commit(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "bygget %d filer til %s på %d ms\n", st.Files(), cfg.out, time.Since(start).Milliseconds())
	return nil
}

// prepare loads and checks the site and readies the chart renderer.
func prepare(cfg config) (*site.Site, render.Options, error) {
	root := os.DirFS(cfg.root)
	s, err := site.Load(root, site.Options{Drafts: cfg.drafts, Future: cfg.future, Expired: cfg.expired, Now: time.Now()})
	if err != nil {
		return nil, render.Options{}, err
	}
	bundlePath := cfg.echarts
	if bundlePath == "" {
		bundlePath = filepath.Join(cfg.root, ".cache", "echarts", "echarts.min.js")
	}
	bundle, err := chart.LoadBundle(bundlePath)
	if err != nil {
		return nil, render.Options{}, err
	}
	charts, err := chart.NewRenderer(bundle, 0)
	if err != nil {
		return nil, render.Options{}, err
	}
	opt := render.Options{Root: root, Charts: charts}
	if !cfg.noCache {
		// Drawn charts and processed photos are kept between builds,
		// keyed by their input and settings: an unchanged chart is not
		// drawn again, an unchanged photo not scaled and encoded again.
		charts.UseStore(output.NewCache(filepath.Join(cfg.root, ".cache", "charts")))
		opt.Photos = output.NewCache(filepath.Join(cfg.root, ".cache", "photos"))
	}
	return s, opt, nil
}

// offlineBundle builds the site into -out and zips the same files for
// reading offline: every link is relative and ends in index.html, so the
// unzipped folder works from file://.
func offlineBundle(cfg config, stdout io.Writer) error {
	start := time.Now()
	s, opt, err := prepare(cfg)
	if err != nil {
		return err
	}
	files, err := render.Site(s, opt)
	if err != nil {
		return err
	}
	if err := output.Write(cfg.out, files); err != nil {
		return err
	}
	zip := cfg.zip
	if zip == "" {
		zip = filepath.Join(cfg.out, "alis-nord-frakoblet.zip")
	}
	if err := output.WriteZip(zip, "alis-nord", files); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "bygget %d filer til %s og skrev %s på %d ms; pakk den ut og åpne alis-nord/index.html\n",
		len(files), cfg.out, zip, time.Since(start).Milliseconds())
	return nil
}
