package pipeline

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"alisnord/generator/chart"
	"alisnord/generator/site"
)

// TestNodeProgram: auto takes node from PATH when it is there and goja
// when not; node insists on it; goja never looks; anything else is refused.
func TestNodeProgram(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "node")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	for _, c := range []struct {
		engine  ChartEngine
		path    string
		want    string
		wantErr string
	}{
		{AutoEngine, dir, fake, ""},
		{"", dir, fake, ""},
		{NodeEngine, dir, fake, ""},
		{GojaEngine, dir, "", ""},
		{AutoEngine, empty, "", ""},
		{NodeEngine, empty, "", "node finnes ikke på PATH"},
		{"v8", dir, "", `ukjent verdi "v8" for -charts`},
	} {
		t.Setenv("PATH", c.path)
		got, err := nodeProgram(c.engine)
		if got != c.want || (err == nil) != (c.wantErr == "") || (err != nil && !strings.Contains(err.Error(), c.wantErr)) {
			t.Errorf("%q with PATH %s: %q, %v; want %q, %q", c.engine, c.path, got, err, c.want, c.wantErr)
		}
	}
}

// TestNewColdCharts: New tells whether the first build draws every chart
// (ColdCharts), which decides the collector's target of a build.
func TestNewColdCharts(t *testing.T) {
	root := t.TempDir()
	js := filepath.Join(root, "echarts.min.js")
	if err := os.WriteFile(js, []byte("var echarts = {};"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, warm := range []bool{false, true} {
		if warm {
			dir := filepath.Join(root, ".cache", "charts")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "0123456789abcdef"), []byte("<svg/>"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		b, err := New(Config{Root: root, Echarts: js, Charts: GojaEngine})
		if err != nil {
			t.Fatal(err)
		}
		b.Close()
		if b.ColdCharts() == warm {
			t.Errorf("chart cache filled %v: ColdCharts %v", warm, b.ColdCharts())
		}
	}
}

// TestColdCharts: the chart workers are started early when the chart
// cache is not used or holds nothing.
func TestColdCharts(t *testing.T) {
	root := t.TempDir()
	b := &Builder{cfg: Config{Root: root}}
	if !b.coldCharts() {
		t.Error("no .cache/charts: not cold")
	}
	dir := filepath.Join(root, ".cache", "charts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if !b.coldCharts() {
		t.Error("empty .cache/charts: not cold")
	}
	if err := os.WriteFile(filepath.Join(dir, "0123456789abcdef"), []byte("<svg/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b.coldCharts() {
		t.Error("a chart in .cache/charts: cold")
	}
	b.cfg.Cache = NoCache
	if !b.coldCharts() {
		t.Error("-nocache: not cold")
	}
}

// TestChartWorkersFor: a small site's charts are drawn by a worker per
// core, a large one's by one per two cores (chartRenderer), and only
// where Node.js draws.
func TestChartWorkersFor(t *testing.T) {
	room := runtime.GOMAXPROCS(0)
	if room < 2 {
		t.Skip("one core: one worker either way")
	}
	for _, c := range []struct {
		node     string
		articles int
		want     int
	}{
		{"node", smallSite - 1, room},
		{"node", smallSite, room / 2},
		{"", 10, room / 2},
	} {
		r, err := chart.NewRenderer([]byte("void 0"), room/2)
		if err != nil {
			t.Fatal(err)
		}
		b := &Builder{node: c.node, charts: r}
		b.chartWorkersFor(&site.Site{Articles: make([]*site.Article, c.articles)})
		if got := r.Workers(); got != c.want {
			t.Errorf("node %q, %d articles: %d chart workers, want %d", c.node, c.articles, got, c.want)
		}
	}
}
