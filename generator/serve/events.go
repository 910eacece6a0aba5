package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"alisnord/generator/diag"
)

// Event names on the live-reload stream. "error" is also what EventSource
// calls a lost connection; the browser script tells them apart by data.
const (
	eventHello  = "hello"  // on connect: the build the pages now come from
	eventReload = "reload" // pages changed: reload
	eventCSS    = "css"    // only stylesheets changed: swap them
	eventError  = "error"  // the build failed: show the diagnostics
)

// event is one server-sent event. Build is the number of the site being
// served; a page that was built from another one reloads on (re)connect.
type event struct {
	Name   string    `json:"-"`
	Build  int       `json:"build"`
	Errors []problem `json:"errors,omitempty"`
}

// problem is one diagnostic as the overlay shows it.
type problem struct {
	Pos string `json:"pos"` // path:line:col
	Msg string `json:"msg"`
}

func problems(ds diag.Diagnostics) []problem {
	out := make([]problem, len(ds))
	for i, d := range ds {
		out[i] = problem{Pos: d.Pos.String(), Msg: d.Msg}
	}
	return out
}

// hub sends events to every browser connected to the event stream. While
// the last build is broken it remembers the error, so a page opened or
// reconnected meanwhile shows the overlay too.
type hub struct {
	mu      sync.Mutex
	clients map[chan event]struct{}
	state   event // hello, or the current error
	done    chan struct{}
	closed  bool
}

func newHub() *hub {
	return &hub{clients: map[chan event]struct{}{}, state: event{Name: eventHello}, done: make(chan struct{})}
}

// publish sends e to every client and records the state it leaves: a
// failed build, or a served build.
func (h *hub) publish(e event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.state = e
	if e.Name != eventError {
		h.state = event{Name: eventHello, Build: e.Build}
	}
	for c := range h.clients {
		select {
		case c <- e:
		default: // a client this far behind reloads on its next hello
		}
	}
}

// subscribe adds a client; the returned state is what it must hear first.
func (h *hub) subscribe() (c chan event, first []event, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, nil, false
	}
	c = make(chan event, 16)
	h.clients[c] = struct{}{}
	first = []event{{Name: eventHello, Build: h.state.Build}}
	if h.state.Name == eventError {
		first = append(first, h.state)
	}
	return c, first, true
}

func (h *hub) unsubscribe(c chan event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.clients, c)
}

// close ends every stream, so that the HTTP server can shut down.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}

// heartbeat keeps idle streams open through proxies and finds dead ones.
const heartbeat = 20 * time.Second

// ServeHTTP streams events to one browser until it leaves or the hub closes.
func (h *hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c, first, ok := h.subscribe()
	if !ok {
		http.Error(w, "serveren stopper", http.StatusServiceUnavailable)
		return
	}
	defer h.unsubscribe(c)
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	for _, e := range first {
		if writeEvent(w, e) != nil {
			return
		}
	}
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		if rc.Flush() != nil {
			return
		}
		select {
		case <-r.Context().Done():
			return
		case <-h.done:
			return
		case <-tick.C:
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil {
				return
			}
		case e := <-c:
			if writeEvent(w, e) != nil {
				return
			}
		}
	}
}

func writeEvent(w http.ResponseWriter, e event) error {
	data, err := json.Marshal(e) // one line: JSON escapes newlines in strings
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.Name, data)
	return err
}
