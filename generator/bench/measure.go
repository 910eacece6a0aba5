package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// settle waits, untimed, until what earlier builds left for the kernel
// to write is on disk (flushDisk); a variable for the tests.
var settle = flushDisk

// sample is one timed build.
type sample struct {
	wall, cpu time.Duration
	rss       int64 // peak resident set, bytes
}

// tool is one generator under test: how to build the site once into out.
// A tool that rebuilds builds into the same folder every turn, over the
// output of its turn before, as make does; the others build into a new,
// empty folder every turn.
type tool struct {
	name    string
	cmd     func(out string) *exec.Cmd
	rebuild bool
	before  func() error // runs before each build, untimed; nil for nothing
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

// measure builds once with each tool to warm caches, then takes runs
// turns, each tool building once per turn, so load from other processes on
// the machine falls on all tools alike. Every build writes to a folder of
// its own below work (building into a path just emptied makes the kernel
// slow, as freed blocks are being discarded, which would measure the disk,
// not the tools), except a rebuilding tool's, which builds into its one
// folder again, and starts once the files of the build before it are on
// disk (settle). It counts what each tool's last build wrote.
func measure(tools []tool, n, runs int, work string) ([]result, error) {
	res := make([]result, len(tools))
	out := func(i, turn int) string {
		if tools[i].rebuild {
			turn = 0
		}
		return filepath.Join(work, fmt.Sprintf("public-%s-%d", tools[i].name, turn))
	}
	for i, t := range tools {
		res[i] = result{n: n, tool: t.name}
	}
	for turn := range runs + 1 {
		for i, t := range tools {
			if t.before != nil {
				if err := t.before(); err != nil {
					return nil, err
				}
			}
			settle()
			r, err := timed(t.cmd(out(i, turn)))
			if err != nil {
				return nil, fmt.Errorf("%s, N=%d: %w", t.name, n, err)
			}
			if turn > 0 { // turn 0 is the warm-up
				res[i].runs = append(res[i].runs, r)
			}
		}
	}
	for i := range res {
		if err := res[i].count(out(i, runs)); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// count counts the files, HTML pages and chart downloads in out.
func (r *result) count(out string) error {
	return filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		r.files++
		if strings.HasSuffix(p, ".html") {
			r.pages++
		}
		if strings.HasSuffix(p, ".csv") && strings.Contains(filepath.ToSlash(p), "/statistikk/data/") {
			r.charts++
		}
		return nil
	})
}

// timed runs cmd and returns its wall time, CPU time (user + system, of
// the child and the processes it waited for) and peak RSS: the larger of
// the kernel's figure for the child and, on Linux, the largest sum over the
// child and the processes below it (the Node.js chart workers) seen in
// samples every 50 ms.
func timed(cmd *exec.Cmd) (sample, error) {
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = nil, &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return sample{}, err
	}
	tree := sampleTree(cmd.Process.Pid)
	err := cmd.Wait()
	wall := time.Since(start)
	treePeak := tree.peak()
	if err != nil {
		return sample{}, fmt.Errorf("%v: %s", err, tail(stderr.String(), 2000))
	}
	ps := cmd.ProcessState
	return sample{wall: wall, cpu: ps.UserTime() + ps.SystemTime(), rss: max(peakRSS(ps), treePeak)}, nil
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
