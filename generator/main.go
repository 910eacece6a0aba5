// Command generator builds the ALIS-Nord website from data/*.toml,
// content/**/*.md and templates/ into public/.
//
//	go run ./generator build [-root .] [-out public] [-drafts] [-future] [-expired] [-search]
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
	"runtime/debug"
	"sync/atomic"
	"syscall"
	"time"

	"alisnord/generator/diag"
	"alisnord/generator/output"
	"alisnord/generator/pipeline"
	"alisnord/generator/render"
	"alisnord/generator/search"
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
		return report(stdout, stderr, build(cfg, cmd.name == "check", stdout, stderr))
	case "bundle":
		return report(stdout, stderr, offlineBundle(cfg, stdout, stderr))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return report(stdout, stderr, serve.Run(ctx, serve.Config{Root: cfg.root, Addr: cfg.addr, Echarts: cfg.echarts, Charts: pipeline.ChartEngine(cfg.charts), Expired: cfg.expired, Log: stdout}))
}

// The garbage collector's target (GOGC) while a build, check or bundle
// runs: the heap may grow to 1.75 times what is live, or 1.5 times when
// the build draws every chart (pipeline.Builder.ColdCharts, as on a fresh
// CI runner), or Go's 2 when it writes into an empty output folder with
// its charts in the cache. A cold build runs a Node.js process beside the
// generator, and the two together must stay small. At 10,000 articles
// (README, Performance): 50 cut a cold build's peak (generator and node)
// from 267–271 MB to 248–259 MB, but costs a build with its charts in the
// cache 6 % of its CPU time against 75 (peak 183–196 MB against 163–171
// MB; a rebuild's 207–210 MB against 178–196 MB). 100 would take a rebuild
// into the existing output to 227–241 MB, while a first build into an empty
// folder peaks at 196–216 MB with it, 4 % faster than with 75. The dev
// server keeps Go's default, since every edit would pay for a lower one.
// GOGC in the environment wins.
const (
	freshGC = 100
	warmGC  = 75
	coldGC  = 50
)

// buildGC sets the collector's target for a build, coldGC when it draws
// every chart, else freshGC when it starts from an empty output folder
// (output.Staging.Fresh) and warmGC when not, and returns the function
// that sets it back.
func buildGC(cold, fresh bool) (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	gc := warmGC
	switch {
	case cold:
		gc = coldGC
	case fresh:
		gc = freshGC
	}
	old := debug.SetGCPercent(gc)
	return func() { debug.SetGCPercent(old) }
}

// report prints the outcome and turns it into the exit code.
func report(stdout, stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	var ds diag.Diagnostics
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

// build runs the pipeline: load and check, render, write; a check
// renders into nothing and writes nothing, caches included.
func build(cfg config, checkOnly bool, stdout, stderr io.Writer) error {
	start := time.Now()
	use := cacheUse(cfg)
	if checkOnly && use == pipeline.ReadWrite {
		use = pipeline.ReadOnly
	}
	b, err := newBuilder(cfg, use, render.LinkFolders)
	if err != nil {
		return err
	}
	defer b.Close()
	if checkOnly {
		defer buildGC(b.ColdCharts(), false)()
		var n counter
		res, err := b.Build(pipeline.Changes{}, &n)
		b.Close()
		if err != nil {
			return err
		}
		printWarnings(stdout, res.Site, b)
		fmt.Fprintf(stdout, "ok: %d filer ville blitt bygget (%d ms)\n", n.files.Load(), time.Since(start).Milliseconds())
		for _, line := range res.Site.CalendarLines() {
			fmt.Fprintln(stdout, line)
		}
		return nil
	}
	tool, err := searchTool(cfg)
	if err != nil {
		return err
	}
	// Pages go to disk as they are rendered; the new site replaces the old
	// one only when every page succeeded, and its search index is made.
	st, err := output.Begin(cfg.root, cfg.out)
	if err != nil {
		return err
	}
	defer buildGC(b.ColdCharts(), st.Fresh())()
	res, err := b.Build(pipeline.Changes{}, st)
	b.Close() // every chart is drawn
	if err != nil {
		st.Abort()
		return err
	}
	printWarnings(stdout, res.Site, b)
	if err := indexSearch(st, tool, stdout); err != nil {
		st.Abort()
		return err
	}
	if err := commit(st, stderr); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "bygget %d filer til %s på %d ms (%d av %d sider på nytt)\n", st.Files(), st.Dir(),
		time.Since(start).Milliseconds(), res.Stats.Rendered, res.Stats.Pages)
	return nil
}

// newBuilder assembles the pipeline for a command.
func newBuilder(cfg config, use pipeline.CacheUse, links render.LinkForm) (*pipeline.Builder, error) {
	return pipeline.New(pipeline.Config{
		Root: cfg.root, Echarts: cfg.echarts, Cache: use, Links: links, Charts: pipeline.ChartEngine(cfg.charts),
		Load: site.Options{Drafts: cfg.drafts, Future: cfg.future, Expired: cfg.expired},
	})
}

func cacheUse(cfg config) pipeline.CacheUse {
	if cfg.noCache {
		return pipeline.NoCache
	}
	return pipeline.ReadWrite
}

// printWarnings prints the site's warnings and, when Node.js was given up
// for goja, that.
func printWarnings(w io.Writer, s *site.Site, b *pipeline.Builder) {
	for _, line := range s.Warnings() {
		fmt.Fprintln(w, line)
	}
	if line := b.ChartWarning(); line != "" {
		fmt.Fprintln(w, line)
	}
}

// counter is the sink of a check: it counts the files and keeps none.
type counter struct{ files atomic.Int64 }

func (c *counter) Prepare([]string) error { return nil }
func (c *counter) Write(output.File) error {
	c.files.Add(1)
	return nil
}

// searchTool finds Pagefind when the build makes a search index (-search);
// "" when it does not.
func searchTool(cfg config) (string, error) {
	if !cfg.search {
		return "", nil
	}
	root, err := filepath.Abs(cfg.root)
	if err != nil {
		return "", err
	}
	return search.Tool(root)
}

// indexSearch runs Pagefind (tool) on the staged build, whose manifest then
// lists the index; nothing when tool is "".
func indexSearch(st *output.Staging, tool string, stdout io.Writer) error {
	if tool == "" {
		return nil
	}
	var res search.Result
	err := st.Adopt(func(dir string) (err error) {
		res, err = search.Index(tool, dir)
		return err
	})
	if err == nil {
		fmt.Fprintf(stdout, "søkeindeks: %d filer, %d kB, på %d ms\n", res.Files, (res.Bytes+512)/1024, res.Took.Milliseconds())
	}
	return err
}

// commit publishes the build; a failure after the swap, such as an old
// tree that would not be deleted, is a warning: the new site is in place.
func commit(st *output.Staging, stderr io.Writer) error {
	if err := st.Commit(); err != nil {
		return err
	}
	if w := st.Warning(); w != nil {
		fmt.Fprintln(stderr, "advarsel:", w)
	}
	return nil
}

// bundleZip is the offline copy's name inside the output folder.
const bundleZip = "alis-nord-frakoblet.zip"

// offlineBundle builds the site into -out and zips the same files for
// reading offline: every link is relative and a folder link ends in
// index.html (render.LinkFiles), so the
// unzipped folder works from file://. The zip inside -out is part of the
// build, swapped in with it; a -zip elsewhere is written after.
func offlineBundle(cfg config, stdout, stderr io.Writer) error {
	start := time.Now()
	b, err := newBuilder(cfg, cacheUse(cfg), render.LinkFiles)
	if err != nil {
		return err
	}
	defer b.Close()
	st, err := output.Begin(cfg.root, cfg.out)
	if err != nil {
		return err
	}
	defer buildGC(b.ColdCharts(), st.Fresh())()
	files, zipFile, zipStaged, err := stageBundle(cfg, b, st, stdout)
	if err != nil {
		st.Abort()
		return err
	}
	if err := commit(st, stderr); err != nil {
		return err
	}
	if !zipStaged {
		if err := output.WriteZip(zipFile, "alis-nord", files); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "bygget %d filer til %s og skrev %s på %d ms; pakk den ut og åpne alis-nord/index.html\n",
		len(files), st.Dir(), zipFile, time.Since(start).Milliseconds())
	return nil
}

// stageBundle renders the site into st, with the zip when it belongs in
// the output folder (staged says so); a zip elsewhere is checked first, so
// a bad -zip refuses the bundle before anything is written.
func stageBundle(cfg config, b *pipeline.Builder, st *output.Staging, stdout io.Writer) (files []output.File, zipFile string, staged bool, err error) {
	zipFile, zipRel := filepath.Join(st.Dir(), bundleZip), bundleZip
	if cfg.zip != "" {
		if zipFile, zipRel, err = st.Locate(cfg.root, cfg.zip); err != nil {
			return nil, "", false, err
		}
		if zipRel == "" {
			if err := output.CheckZip(zipFile); err != nil {
				return nil, "", false, err
			}
		}
	}
	var c render.Collector
	res, err := b.Build(pipeline.Changes{}, &c)
	if err != nil {
		return nil, "", false, err
	}
	printWarnings(stdout, res.Site, b)
	files = c.Files()
	written := files
	if zipRel != "" {
		data, err := output.Zip("alis-nord", files)
		if err != nil {
			return nil, "", false, err
		}
		written = append(files[:len(files):len(files)], output.File{Path: zipRel, Data: data})
	}
	return files, zipFile, zipRel != "", st.WriteAll(written)
}
