// Package serve is the dev server: it builds the site into memory, serves
// it on 127.0.0.1, watches content/, data/ and templates/ and rebuilds on
// every change, re-rendering only what the change touches. Browsers reload
// over server-sent events; a failed build shows its diagnostics in an
// overlay above the last good site until the next good build. It never
// writes public/.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"alisnord/generator/diag"
	"alisnord/generator/pipeline"
	"alisnord/generator/site"
)

// DefaultAddr is where the dev server listens unless told otherwise.
const DefaultAddr = "127.0.0.1:1313"

// Config configures the dev server.
type Config struct {
	Root     string               // site root, holding content/, data/ and templates/
	Addr     string               // listen address; DefaultAddr when empty
	Echarts  string               // ECharts bundle; <Root>/.cache/echarts/echarts.min.js when empty
	Charts   pipeline.ChartEngine // what runs ECharts; pipeline.AutoEngine when empty
	Expired  bool                 // show expired articles too (drafts and future posts are always shown)
	Debounce time.Duration        // quiet that ends a burst of file events; a default when 0
	Log      io.Writer            // build reports and diagnostics
}

// Server is a running dev server.
type Server struct {
	cfg     Config
	ln      net.Listener
	http    *http.Server
	files   *files
	events  *hub
	watch   *watcher
	builder *pipeline.Builder
	builds  atomic.Int64
	failed  bool // the last build failed; only the watcher goroutine uses it
	// Of the last build, for the log and tests: whether it took the quick
	// path, and the publishing calendar of the last full one.
	quickly  bool
	calendar []string
	wg       sync.WaitGroup
	done     chan struct{}
	err      error
}

// Run serves until ctx is done, then stops the watcher, the event streams
// and the HTTP server and returns.
func Run(ctx context.Context, cfg Config) error {
	s, err := Start(ctx, cfg)
	if err != nil {
		return err
	}
	return s.Wait()
}

// Start builds the site, starts watching and serving, and returns. The
// server stops when ctx is done; Wait waits for that. A first build that
// fails is reported, and the server waits for a fix.
func Start(ctx context.Context, cfg Config) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	if cfg.Debounce <= 0 {
		cfg.Debounce = defaultDebounce
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	builder, err := pipeline.New(pipeline.Config{Root: cfg.Root, Echarts: cfg.Echarts, Charts: cfg.Charts, Serve: true,
		Load: site.Options{Drafts: true, Future: true, Expired: cfg.Expired}})
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, builder: builder, events: newHub(), done: make(chan struct{})}
	s.files = &files{events: s.events}
	s.files.current.Store(&snapshot{base: map[string][]byte{"404.html": placeholder}, count: 1})
	// Watch before the first build, so that nothing saved meanwhile is missed.
	if s.watch, err = newWatcher(cfg.Root, cfg.Debounce, cfg.Log); err != nil {
		builder.Close()
		return nil, err
	}
	if s.ln, err = net.Listen("tcp", cfg.Addr); err != nil {
		s.watch.fsn.Close()
		builder.Close()
		return nil, fmt.Errorf("kan ikke lytte på %s: %w", cfg.Addr, err)
	}
	s.rebuild(batch{})
	// The first build leaves much garbage; collect it now rather than
	// during the first edit. The memory is not handed back to the system
	// at once (debug.FreeOSMemory): the edits would then touch fresh pages
	// for everything they allocate, 8 ms more CPU per title edit at 10,000
	// articles; the runtime's scavenger hands back what the heap does not
	// need, in the background.
	runtime.GC()
	for _, line := range s.calendar {
		fmt.Fprintln(cfg.Log, line)
	}
	s.http = &http.Server{Handler: s.files, ReadHeaderTimeout: 10 * time.Second}
	s.wg.Add(2)
	go func() {
		defer s.wg.Done()
		s.watch.run(ctx, s.rebuild)
	}()
	go func() {
		defer s.wg.Done()
		if err := s.http.Serve(s.ln); !errors.Is(err, http.ErrServerClosed) {
			s.err = err
		}
	}()
	go s.stop(ctx)
	fmt.Fprintf(cfg.Log, "Utviklingsserveren kjører på http://%s/ (Ctrl-C stopper den)\n", s.Addr())
	return s, nil
}

// Addr is the address the server listens on.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Builds is how many builds the server has run, failed ones included.
func (s *Server) Builds() int { return int(s.builds.Load()) }

// Wait blocks until the server has stopped and returns why, if not because
// its context ended.
func (s *Server) Wait() error {
	<-s.done
	return s.err
}

// stop shuts everything down once ctx is done: the watcher goroutine first
// (it may be building), then the event streams, then the HTTP server.
func (s *Server) stop(ctx context.Context) {
	<-ctx.Done()
	s.events.close()
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.http.Shutdown(shutdown); err != nil {
		s.http.Close()
	}
	s.wg.Wait()
	s.builder.Close() // no build runs now: the watcher has stopped
	close(s.done)
}

// rebuild builds after a batch of changes, swaps in the new site when it
// builds and differs, and tells the browsers.
func (s *Server) rebuild(b batch) {
	start := time.Now()
	files, res, err := s.build(b)
	s.builds.Add(1)
	s.quickly = res.Quick
	if err != nil {
		s.report(err)
		return
	}
	if res.Site != nil {
		s.calendar = res.Site.CalendarLines()
	}
	old := s.files.current.Load()
	changed, c, removed := diff(old, files)
	st := res.Stats
	defer func() {
		fmt.Fprintf(s.cfg.Log, "bygget på %d ms (%d av %d sider på nytt)\n", time.Since(start).Milliseconds(), st.Rendered, st.Pages)
	}()
	if c == unchanged && !s.failed {
		return
	}
	next := old.next(files, changed, removed)
	s.files.current.Store(next)
	name := eventReload
	if c == stylesOnly && !s.failed {
		name = eventCSS
	}
	s.failed = false
	s.events.publish(event{Name: name, Build: next.version})
}

// report prints a failed build's diagnostics and sends them to the browsers.
func (s *Server) report(err error) {
	s.failed = true
	var ds diag.Diagnostics
	if !errors.As(err, &ds) {
		ds = diag.Diagnostics{{Pos: diag.Pos{Path: s.cfg.Root}, Msg: err.Error()}}
	}
	for _, d := range ds {
		fmt.Fprintln(s.cfg.Log, d)
	}
	fmt.Fprintf(s.cfg.Log, "byggingen feilet med %d feil; siden som vises er den siste som bygget uten feil\n", len(ds))
	s.events.publish(event{Name: eventError, Build: s.files.current.Load().version, Errors: problems(ds)})
}

// placeholder is served until the first build succeeds; the live-reload
// script added to it shows the errors and reloads when they are fixed.
var placeholder = []byte(`<!DOCTYPE html>
<html lang="nb">
<head><meta charset="utf-8"><title>Ikke bygget ennå</title></head>
<body>
<p>Nettstedet er ikke bygget ennå. Feilene står i terminalen og over denne teksten.</p>
</body>
</html>
`)
