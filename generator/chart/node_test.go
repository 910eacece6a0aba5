package chart

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// nodeOrSkip is the node program; without one the test is skipped, or
// fails on CI, which installs Node.js.
func nodeOrSkip(t testing.TB) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("no node on PATH; .ci/run installs Node.js")
		}
		t.Skip("no node on PATH")
	}
	return node
}

// NodeOrSkip is nodeOrSkip for the tests of package chart_test.
var NodeOrSkip = nodeOrSkip

// TestNodeWorker: a script error leaves the process usable; a process that
// died is reported and not reused.
func TestNodeWorker(t *testing.T) {
	w, err := startNode(nodeOrSkip(t), loadBundle(t))
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	spec := sampleSpecs()[Bar]
	option, err := Option(spec)
	if err != nil {
		t.Fatal(err)
	}
	width, height := spec.size()

	_, ok, err := w.renderSVG([]byte("{ikke json"), width, height)
	if err == nil || !ok || !strings.Contains(err.Error(), "SyntaxError") {
		t.Fatalf("bad JSON: ok %v, err %v; want a SyntaxError and a usable worker", ok, err)
	}
	svg, ok, err := w.renderSVG(option, width, height)
	if err != nil || !ok || !strings.HasPrefix(svg, "<svg") {
		t.Fatalf("after a script error: ok %v, err %v, svg %.40q", ok, err, svg)
	}
	// The raw ids count on through the runtime's life (finishSVG names
	// them after the spec); the finished drawings are the same.
	again, _, err := w.renderSVG(option, width, height)
	if err != nil {
		t.Fatal(err)
	}
	a, errA := finishSVG(svg, spec)
	b, errB := finishSVG(again, spec)
	if errA != nil || errB != nil || a != b {
		t.Fatalf("the same option drew differently the second time (%v, %v)", errA, errB)
	}

	w.cmd.Process.Kill()
	if _, ok, err := w.renderSVG(option, width, height); err == nil || ok {
		t.Fatalf("dead process: ok %v, err %v; want an error and a worker not to reuse", ok, err)
	}
}

// fakeNode writes a shell script that stands in for node.
func fakeNode(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "node")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestNodeStartFails: a program that is no Node.js, exits, babbles or
// never answers fails to start (within renderTimeout), and a renderer
// that asked for it draws with goja instead and says why.
func TestNodeStartFails(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	defer func(d time.Duration) { renderTimeout = d }(renderTimeout)
	renderTimeout = 500 * time.Millisecond
	bundle := loadBundle(t)
	for name, body := range map[string]string{
		"exits":   "echo 'noe gikk galt' >&2; exit 3",
		"babbles": `printf 'X\000\000\000\000'; exec cat >/dev/null`,
		"holds":   "sleep 30; exit 1", // sleep, a child, keeps the pipes open
		"silent":  "exec sleep 30",
	} {
		t.Run(name, func(t *testing.T) {
			node := fakeNode(t, body)
			start := time.Now()
			if w, err := startNode(node, bundle); err == nil {
				w.close()
				t.Fatal("started")
			} else {
				t.Logf("%v (after %v)", err, time.Since(start).Round(time.Millisecond))
			}
			// Not a speed goal: a start that outlives its timeout many
			// times over hangs on a pipe the program's child holds.
			if d := time.Since(start); d > 10*renderTimeout+2*time.Second {
				t.Fatalf("giving up took %v: hung", d)
			}
			r := newRenderer(t, bundle, 1)
			r.UseNode(node, true)
			svgs, err := r.Render([]Spec{sampleSpecs()[Bar]})
			if err != nil || !strings.Contains(svgs[0], "<svg") {
				t.Fatalf("no drawing with goja instead: %v", err)
			}
			if e := r.Engine(); !strings.HasPrefix(e, "goja (chart: node: ") || r.NodeGivenUp() == nil {
				t.Errorf("Engine() = %q, NodeGivenUp() = %v; want goja and why", e, r.NodeGivenUp())
			}
			strict := newRenderer(t, bundle, 1)
			strict.UseNode(node, false)
			if _, err := strict.Render([]Spec{sampleSpecs()[Bar]}); err == nil || !strings.Contains(err.Error(), "chart: node: ") {
				t.Errorf("without fallback: %v, want the Node.js error", err)
			}
		})
	}
}

// TestRendererClose: Close ends the Node.js processes, and the renderer
// starts new ones when it draws again.
func TestRendererClose(t *testing.T) {
	r := newRenderer(t, loadBundle(t), 2)
	r.UseNode(nodeOrSkip(t), false)
	specs := []Spec{sampleSpecs()[Bar], sampleSpecs()[HBar]}
	renderOK(t, r, specs...)
	var procs []*exec.Cmd
	for range r.workers() {
		w := <-r.slots
		if nw, ok := w.(*nodeWorker); ok {
			procs = append(procs, nw.cmd)
		}
		r.slots <- w
	}
	if len(procs) == 0 {
		t.Fatal("no Node.js worker ran")
	}
	r.Close()
	for _, c := range procs {
		if c.ProcessState == nil {
			t.Errorf("process %d was not waited for", c.Process.Pid)
		}
	}
	other := specs[0]
	other.Width = 500 // not in the renderer's cache: drawn again
	renderOK(t, r, other)
	defer r.Close()
	running := 0
	for range r.workers() {
		w := <-r.slots
		if nw, ok := w.(*nodeWorker); ok && nw.cmd.ProcessState == nil {
			running++
		}
		r.slots <- w
	}
	if running == 0 || r.Engine() != "node" {
		t.Errorf("after Close: %d Node.js workers running, Engine() = %q", running, r.Engine())
	}
}

// TestNodeEnvironment: node gets the environment without Node.js's own
// variables, so NODE_OPTIONS cannot load code into it.
func TestNodeEnvironment(t *testing.T) {
	t.Setenv("NODE_OPTIONS", "--require /nowhere/evil.js")
	t.Setenv("TZ", "Europe/Oslo")
	node := fakeNode(t, "env >&2; exit 1")
	_, err := startNode(node, []byte("void 0"))
	if err == nil {
		t.Fatal("started")
	}
	if msg := err.Error(); !strings.Contains(msg, "TZ=Europe/Oslo") || !strings.Contains(msg, "PATH=") || strings.Contains(msg, "NODE_OPTIONS") {
		t.Errorf("the environment node saw: %s", msg)
	}
}

// TestPrestart: every worker is started before anything is drawn.
func TestPrestart(t *testing.T) {
	r := newRenderer(t, loadBundle(t), 2)
	r.UseNode(nodeOrSkip(t), false)
	r.Prestart()
	defer r.Close()
	var ws []engine
	for range r.workers() {
		ws = append(ws, <-r.slots) // waits for the worker's start
	}
	for _, w := range ws {
		if _, ok := w.(*nodeWorker); !ok {
			t.Errorf("slot holds %T, want a started Node.js worker", w)
		}
		r.slots <- w
	}
}

// TestNodeGlobals: the bundle sees none of Node.js's own globals (goja has
// none of them; ECharts probes some), so it cannot reach the file system
// or the process either.
func TestNodeGlobals(t *testing.T) {
	bundle := `globalThis.echarts = {init: function () {}, setPlatformAPI: function () {}};
var seen = [];
if (typeof process !== 'undefined') seen.push('process');
if (typeof require !== 'undefined') seen.push('require');
if (typeof Buffer !== 'undefined') seen.push('Buffer');
if (typeof global !== 'undefined') seen.push('global');
if (typeof navigator !== 'undefined') seen.push('navigator');
if (typeof performance !== 'undefined') seen.push('performance');
if (typeof btoa !== 'undefined') seen.push('btoa');
if (typeof fetch !== 'undefined') seen.push('fetch');
if (seen.length) throw new Error('the bundle sees ' + seen.join(', '));`
	w, err := startNode(nodeOrSkip(t), []byte(bundle))
	if err != nil {
		t.Fatal(err)
	}
	w.close()
}

// TestCloseWaitsForStarts: Close right after Prestart ends every process
// Prestart starts, not only those already back in their slots.
func TestCloseWaitsForStarts(t *testing.T) {
	r := newRenderer(t, loadBundle(t), 4)
	r.UseNode(nodeOrSkip(t), false)
	r.Prestart()
	r.Close()
	var live []engine
	for range r.workers() {
		if w := <-r.slots; w != nil {
			live = append(live, w)
		}
	}
	for _, w := range live {
		w.close()
	}
	if len(live) > 0 {
		t.Errorf("%d workers still running after Close", len(live))
	}
}

// TestGrow: Grow adds workers up to the renderer's room (GOMAXPROCS) and
// never takes one away, and Prestart then starts the new ones too.
func TestGrow(t *testing.T) {
	r := newRenderer(t, loadBundle(t), 1)
	room := max(1, runtime.GOMAXPROCS(0))
	r.Grow(room + 5)
	if got := r.Workers(); got != room {
		t.Fatalf("after Grow(%d): %d workers, want %d", room+5, got, room)
	}
	r.Grow(1)
	if got := r.Workers(); got != room {
		t.Fatalf("Grow(1) left %d workers, want %d", got, room)
	}
	r.UseNode(nodeOrSkip(t), false)
	r.Prestart()
	defer r.Close()
	var ws []engine
	for range r.Workers() {
		ws = append(ws, <-r.slots)
	}
	for _, w := range ws {
		if _, ok := w.(*nodeWorker); !ok {
			t.Errorf("slot holds %T, want a started Node.js worker", w)
		}
		r.slots <- w
	}
}
