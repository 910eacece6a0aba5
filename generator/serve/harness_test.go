package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"alisnord/generator/internal/sitetest"
)

// syncBuffer is a log the server and the test can share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// testServer is a dev server on a copy of the repository's site in a temp
// dir, with a real watcher, a real HTTP server on 127.0.0.1:0 and a real
// SSE client reading its event stream.
type testServer struct {
	t      *testing.T
	dir    string
	srv    *Server
	log    *syncBuffer
	client *http.Client
	events chan sseEvent
	stop   context.CancelFunc
}

type sseEvent struct {
	name string
	data event
	raw  string
}

// startServer starts a server on a fresh copy of the site. Stopping it is
// part of the test: Cleanup checks that no goroutine is left behind.
func startServer(t *testing.T) *testServer {
	t.Helper()
	baseline := runtime.NumGoroutine()
	dir := t.TempDir()
	sitetest.Copy(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	ts := &testServer{t: t, dir: dir, log: &syncBuffer{}, stop: cancel,
		client: &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 10 * time.Second}}
	srv, err := Start(ctx, Config{Root: dir, Addr: "127.0.0.1:0", Log: ts.log, Echarts: sitetest.BundleFile(t)})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	ts.srv = srv
	t.Cleanup(func() {
		ts.close()
		waitGoroutines(t, baseline)
	})
	ts.connect(ctx)
	if e := ts.next(); e.name != eventHello {
		t.Fatalf("first event %q, want hello", e.name)
	}
	return ts
}

// close stops the server and waits for it.
func (ts *testServer) close() {
	ts.stop()
	if err := ts.srv.Wait(); err != nil {
		ts.t.Errorf("server: %v", err)
	}
	ts.client.CloseIdleConnections()
}

// waitGoroutines fails when the goroutine count does not return to the
// count before the server started.
func waitGoroutines(t *testing.T, baseline int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > baseline {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines left, %d before the server started:\n%s",
				runtime.NumGoroutine(), baseline, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// connect opens the event stream; events arrive on ts.events until the
// server stops.
func (ts *testServer) connect(ctx context.Context) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, ts.url(eventsPath), nil)
	resp, err := (&http.Client{Transport: &http.Transport{DisableKeepAlives: true}}).Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	ts.events = make(chan sseEvent, 64)
	go func() {
		defer resp.Body.Close()
		defer close(ts.events)
		readEvents(resp.Body, ts.events)
	}()
}

// readEvents parses a text/event-stream.
func readEvents(r io.Reader, out chan<- sseEvent) {
	sc := bufio.NewScanner(r)
	var e sseEvent
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			e.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			e.raw = strings.TrimPrefix(line, "data: ")
			_ = json.Unmarshal([]byte(e.raw), &e.data)
		case line == "" && e.name != "":
			out <- e
			e = sseEvent{}
		}
	}
}

func (ts *testServer) url(p string) string { return "http://" + ts.srv.Addr() + p }

// next waits for the next event.
func (ts *testServer) next() sseEvent {
	ts.t.Helper()
	select {
	case e, ok := <-ts.events:
		if !ok {
			ts.t.Fatal("the event stream ended")
		}
		return e
	case <-time.After(10 * time.Second):
		ts.t.Fatalf("no event within 10 s; log:\n%s", ts.log)
	}
	return sseEvent{}
}

// expect waits for the next event and checks its name.
func (ts *testServer) expect(name string) sseEvent {
	ts.t.Helper()
	e := ts.next()
	if e.name != name {
		ts.t.Fatalf("event %q (%s), want %q; log:\n%s", e.name, e.raw, name, ts.log)
	}
	return e
}

// quiet checks that no further event comes for a while.
func (ts *testServer) quiet() {
	ts.t.Helper()
	select {
	case e := <-ts.events:
		ts.t.Fatalf("unexpected event %q (%s); log:\n%s", e.name, e.raw, ts.log)
	case <-time.After(300 * time.Millisecond):
	}
}

// get fetches a path and returns the status and body.
func (ts *testServer) get(p string) (int, string) {
	ts.t.Helper()
	resp, err := ts.client.Get(ts.url(p))
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		ts.t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func (ts *testServer) path(rel string) string { return filepath.Join(ts.dir, filepath.FromSlash(rel)) }

func (ts *testServer) read(rel string) string {
	ts.t.Helper()
	b, err := os.ReadFile(ts.path(rel))
	if err != nil {
		ts.t.Fatal(err)
	}
	return string(b)
}

func (ts *testServer) write(rel, data string) {
	ts.t.Helper()
	if err := os.WriteFile(ts.path(rel), []byte(data), 0o644); err != nil {
		ts.t.Fatal(err)
	}
}

// replace edits a file in place, as most editors save.
func (ts *testServer) replace(rel, old, new string) {
	ts.t.Helper()
	s := ts.read(rel)
	if !strings.Contains(s, old) {
		ts.t.Fatalf("%s has no %q", rel, old)
	}
	ts.write(rel, strings.Replace(s, old, new, 1))
}

func contextFor(t *testing.T) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 20*time.Second)
}
