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
	"syscall"
	"time"

	"alisnord/generator/chart"
	"alisnord/generator/output"
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
func build(cfg config, checkOnly bool, stdout, stderr io.Writer) error {
	start := time.Now()
	s, opt, err := prepare(cfg, checkOnly)
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
		for _, line := range s.CalendarLines() {
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
	if err := render.Stream(s, opt, st); err != nil {
		st.Abort()
		return err
	}
	if err := indexSearch(st, tool, stdout); err != nil {
		st.Abort()
		return err
	}
	if err := commit(st, stderr); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "bygget %d filer til %s på %d ms\n", st.Files(), st.Dir(), time.Since(start).Milliseconds())
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

// prepare loads and checks the site and readies the chart renderer. When
// the input has problems, the site is still rendered, to nowhere, so that
// one run reports the problems of every stage; what follows from a file
// with problems is left out. A check (readOnly) reads drawn charts from
// the cache but adds nothing to it.
func prepare(cfg config, readOnly bool) (*site.Site, render.Options, error) {
	root := os.DirFS(cfg.root)
	s, loadDiags := site.LoadAll(root, site.Options{Drafts: cfg.drafts, Future: cfg.future, Expired: cfg.expired, Now: time.Now()})
	bundlePath := cfg.echarts
	if bundlePath == "" {
		bundlePath = filepath.Join(cfg.root, ".cache", "echarts", "echarts.min.js")
	}
	bundle, err := chart.LoadBundle(bundlePath)
	if err != nil {
		return nil, render.Options{}, err
	}
	// Drawn charts and processed photos are kept between builds, keyed by
	// their input and settings: an unchanged chart is not drawn again, an
	// unchanged photo not scaled and encoded again. The chart cache keeps
	// what the last build used and no more; a check, and the render of a
	// site with problems, read both caches and add nothing.
	charts := output.NewCache(filepath.Join(cfg.root, ".cache", "charts"))
	photos := output.NewCache(filepath.Join(cfg.root, ".cache", "photos"))
	opt := render.Options{Root: root}
	if !cfg.noCache {
		opt.Photos = photos.ReadOnly()
	}
	if len(loadDiags) > 0 {
		// The charts of a site with bad data would only fail as a
		// consequence; they are drawn once the data loads.
		return nil, opt, allProblems(s, opt, loadDiags)
	}
	renderer, err := chart.NewRenderer(bundle, 0)
	if err != nil {
		return nil, render.Options{}, err
	}
	switch {
	case cfg.noCache:
	case readOnly:
		renderer.UseReadOnlyStore(charts)
	default:
		renderer.UseStore(charts)
		opt.Photos = photos
	}
	opt.Charts = renderer
	return s, opt, nil
}

// allProblems adds to the loader's problems those the render finds in
// what did load, leaving out what may follow from the files with problems.
func allProblems(s *site.Site, opt render.Options, ds site.Diagnostics) error {
	opt.Suspect = map[string]bool{}
	for _, d := range ds {
		opt.Suspect[d.Path] = true
	}
	var rendered site.Diagnostics
	if errors.As(render.Stream(s, opt, render.Discard), &rendered) {
		ds = append(ds, rendered...)
	}
	return ds.Err()
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
	s, opt, err := prepare(cfg, false)
	if err != nil {
		return err
	}
	opt.Links = render.LinkFiles
	st, err := output.Begin(cfg.root, cfg.out)
	if err != nil {
		return err
	}
	files, zipFile, zipStaged, err := stageBundle(cfg, s, opt, st)
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
func stageBundle(cfg config, s *site.Site, opt render.Options, st *output.Staging) (files []output.File, zipFile string, staged bool, err error) {
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
	if files, err = render.Site(s, opt); err != nil {
		return nil, "", false, err
	}
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
