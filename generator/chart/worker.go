package chart

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/dop251/goja"
)

//go:embed harness.js
var harnessSource string

// stoppedClock is the only time ECharts sees (see newWorker).
var stoppedClock = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)

// renderTimeout bounds one ECharts render, and a Node.js worker's start; a
// runaway script is interrupted, a Node.js process killed. A variable for
// the tests.
var renderTimeout = 20 * time.Second

// maxConsoleLines is how many console messages a worker keeps for errors.
const maxConsoleLines = 8

// worker is one goja runtime with ECharts loaded. A goja runtime is not
// safe for concurrent use: a worker is used by one goroutine at a time.
type worker struct {
	rt      *goja.Runtime
	render  goja.Callable
	console []string
}

// newWorker creates a runtime, installs the host stubs, runs the compiled
// ECharts bundle and the harness.
func newWorker(bundle, harness *goja.Program) (*worker, error) {
	w := &worker{rt: goja.New()}
	// ECharts times its own text measuring with Date and, when that takes
	// over 16 ms (a busy machine), switches for good to coarser width
	// estimates: a stopped clock keeps every render on the same path.
	w.rt.SetTimeSource(func() time.Time { return stoppedClock })
	if err := w.installHost(); err != nil {
		return nil, err
	}
	if _, err := w.rt.RunProgram(bundle); err != nil {
		return nil, fmt.Errorf("run echarts bundle: %w", err)
	}
	if _, err := w.rt.RunProgram(harness); err != nil {
		return nil, fmt.Errorf("run chart harness: %w", err)
	}
	fn, ok := goja.AssertFunction(w.rt.Get("__renderChart"))
	if !ok {
		return nil, errors.New("chart harness did not define __renderChart")
	}
	w.render = fn
	return w, nil
}

// installHost defines what a browser or Node would provide: timers (no-ops;
// with animation off nothing needs them), a console, and the Go helpers
// used by the harness.
func (w *worker) installHost() error {
	noop := func(goja.FunctionCall) goja.Value { return goja.Undefined() }
	console := w.rt.NewObject()
	for _, name := range []string{"log", "info", "debug", "warn", "error", "trace"} {
		level := name
		if err := console.Set(name, func(call goja.FunctionCall) goja.Value {
			w.logConsole(level, call.Arguments)
			return goja.Undefined()
		}); err != nil {
			return err
		}
	}
	globals := map[string]any{
		"setTimeout":     noop,
		"clearTimeout":   noop,
		"setInterval":    noop,
		"clearInterval":  noop,
		"setImmediate":   noop,
		"console":        console,
		"__measureText":  measureText,
		"__formatNumber": FormatNumber,
	}
	for name, v := range globals {
		if err := w.rt.Set(name, v); err != nil {
			return fmt.Errorf("define %s: %w", name, err)
		}
	}
	return nil
}

// close does nothing: a runtime is collected with the renderer.
func (w *worker) close() {}

func (w *worker) logConsole(level string, args []goja.Value) {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = a.String()
	}
	if len(w.console) == maxConsoleLines {
		w.console = w.console[1:]
	}
	w.console = append(w.console, level+": "+strings.Join(parts, " "))
}

// renderSVG runs ECharts on one option. On a JavaScript exception the
// error carries the recent console output. A timed-out runtime must not be
// reused: ok is false then.
func (w *worker) renderSVG(option []byte, width, height int) (svg string, ok bool, err error) {
	w.console = w.console[:0]
	timer := time.AfterFunc(renderTimeout, func() { w.rt.Interrupt("render timeout") })
	defer func() {
		timer.Stop()
		w.rt.ClearInterrupt()
	}()
	v, err := w.render(goja.Undefined(), w.rt.ToValue(string(option)), w.rt.ToValue(width), w.rt.ToValue(height))
	if err != nil {
		var interrupted *goja.InterruptedError
		if errors.As(err, &interrupted) {
			return "", false, fmt.Errorf("echarts: %w", err)
		}
		if len(w.console) > 0 {
			err = fmt.Errorf("%w (console: %s)", err, strings.Join(w.console, "; "))
		}
		return "", true, fmt.Errorf("echarts: %w", err)
	}
	return v.String(), true, nil
}
