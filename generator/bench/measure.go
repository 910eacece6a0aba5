package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// sample is one timed build.
type sample struct {
	wall, cpu time.Duration
	rss       int64 // peak resident set, bytes
}

// tool is one generator under test: how to build the site once into out.
type tool struct {
	name string
	cmd  func(out string) *exec.Cmd
}

// result is what the table shows for one tool at one N.
type result struct {
	n      int
	tool   string
	runs   []sample
	pages  int // HTML files written
	files  int // all files written
	charts int // distinct charts (one CSV download each)
}

// measure builds once to warm caches, then runs more times, each into a
// fresh out folder, and counts what the last build wrote.
func measure(t tool, n, runs int, out string) (result, error) {
	res := result{n: n, tool: t.name}
	for i := range runs + 1 {
		if err := os.RemoveAll(out); err != nil {
			return res, err
		}
		r, err := timed(t.cmd(out))
		if err != nil {
			return res, fmt.Errorf("%s, N=%d: %w", t.name, n, err)
		}
		if i > 0 { // run 0 is the warm-up
			res.runs = append(res.runs, r)
		}
	}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		res.files++
		if strings.HasSuffix(p, ".html") {
			res.pages++
		}
		if strings.HasSuffix(p, ".csv") && strings.Contains(filepath.ToSlash(p), "/statistikk/data/") {
			res.charts++
		}
		return nil
	})
	return res, err
}

// timed runs cmd and returns its wall time, CPU time (user + system) and
// peak RSS from the kernel's accounting of the child.
func timed(cmd *exec.Cmd) (sample, error) {
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = nil, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%v: %s", err, tail(stderr.String(), 2000))
	}
	ps := cmd.ProcessState
	return sample{wall: wall, cpu: ps.UserTime() + ps.SystemTime(), rss: peakRSS(ps)}, nil
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// median returns the median run by each measure separately, and the
// fastest and slowest wall times.
func (r result) median() (m sample, minWall, maxWall time.Duration) {
	walls := make([]time.Duration, len(r.runs))
	cpus := make([]time.Duration, len(r.runs))
	rss := make([]int64, len(r.runs))
	for i, x := range r.runs {
		walls[i], cpus[i], rss[i] = x.wall, x.cpu, x.rss
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	slices.Sort(rss)
	mid := len(r.runs) / 2
	return sample{wall: walls[mid], cpu: cpus[mid], rss: rss[mid]}, walls[0], walls[len(walls)-1]
}
