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

// run is the whole program; it returns the exit code: 0 success, 1 input
// errors, 2 usage errors.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		printUsage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := findCommand(args[0])
	if !ok {
		fmt.Fprintf(stderr, "ukjent kommando %q\n\n", args[0])
		printUsage(stderr)
		return 2
	}
	var cfg config
	if err := cmd.parse(args[1:], &cfg); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			cmd.printHelp(stderr)
			return 0
		}
		fmt.Fprintf(stderr, "%s\n\n", err)
		cmd.printHelp(stderr)
		return 2
	}
	switch cmd.name {
	case "build", "check":
		return report(stdout, stderr, build(cfg, cmd.name == "check", stdout))
	case "bundle":
		return report(stdout, stderr, offlineBundle(cfg, stdout))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return report(stdout, stderr, serve.Run(ctx, serve.Config{Root: cfg.root, Addr: cfg.addr, Echarts: cfg.echarts, Expired: cfg.expired, Log: stdout}))
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
	if checkOnly {
		files, err := render.Site(s, opt)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "ok: %d filer ville blitt bygget (%d ms)\n", len(files), time.Since(start).Milliseconds())
		for _, line := range s.CalendarLines() {
			fmt.Fprintln(stdout, line)
		}
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
	if !cfg.noCache {
		// Drawn charts are kept between builds, keyed by the bundle and
		// the chart's option: an unchanged chart is not drawn again.
		charts.UseStore(output.NewCache(filepath.Join(cfg.root, ".cache", "charts")))
	}
	return s, render.Options{Root: root, Charts: charts}, nil
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
