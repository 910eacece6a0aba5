package quality

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
)

// recorder collects what the browser reports about one page while it loads
// and is checked.
type recorder struct {
	page, url string
	status    int64
	mu        sync.Mutex
	problems  []Problem
	urls      map[network.RequestID]string
}

func (r *recorder) add(check, msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, p := range r.problems {
		if p.Check == check && p.Message == msg {
			return
		}
	}
	r.problems = append(r.problems, Problem{r.page, check, msg})
}

// event runs in the tab's message loop: it must be quick and send nothing.
func (r *recorder) event(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			r.add("browser", "console."+string(ev.Type)+": "+consoleText(ev.Args))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		r.add("browser", "uncaught exception: "+msg)
	case *log.EventEntryAdded:
		e := ev.Entry
		if e.Level != log.EntryLevelError || strings.Contains(e.Text, "ERR_BLOCKED_BY_CLIENT") {
			return
		}
		if e.URL == r.url && r.status >= 400 {
			return // the 404 page's own expected status
		}
		r.add("browser", "browser log: "+e.Text+" "+e.URL)
	case *network.EventRequestWillBeSent:
		r.mu.Lock()
		r.urls[ev.RequestID] = ev.Request.URL
		r.mu.Unlock()
	case *network.EventLoadingFailed:
		if ev.ErrorText == "net::ERR_BLOCKED_BY_CLIENT" || ev.Canceled {
			return
		}
		r.mu.Lock()
		u := r.urls[ev.RequestID]
		r.mu.Unlock()
		r.add("browser", "request failed: "+u+" "+ev.ErrorText)
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 && !(ev.Response.URL == r.url && ev.Response.Status == r.status) {
			r.add("browser", fmt.Sprintf("request failed: %s answered %d", ev.Response.URL, ev.Response.Status))
		}
	}
}

func consoleText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		var s string
		if len(a.Value) > 0 && json.Unmarshal(a.Value, &s) == nil {
			parts = append(parts, s)
		} else if len(a.Value) > 0 {
			parts = append(parts, string(a.Value))
		} else {
			parts = append(parts, a.Description)
		}
	}
	return strings.Join(parts, " ")
}
