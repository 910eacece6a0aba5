package quality

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"iter"
	"net/url"
	"os"
	"sync"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

//go:embed page.js
var pageJS string

// Browser is one headless Chromium with one tab that checks page after
// page. Reusing the tab keeps V8's compiled axe-core between pages.
type Browser struct {
	tab     context.Context
	cancel  func()
	dataDir string
	axe     string // axe.min.js
	mu      sync.Mutex
	rec     *recorder // the page being checked
}

// NewBrowser starts Chromium at path with a fresh profile, the flags that
// keep it off the network, and host resolver rules that resolve no name:
// only 127.0.0.1 can be reached. Requests to any host but origin's are
// blocked and reported as well. axeFile is axe-core's axe.min.js.
func NewBrowser(path, axeFile, origin string) (*Browser, error) {
	axe, err := os.ReadFile(axeFile)
	if err != nil {
		return nil, err
	}
	o, err := url.Parse(origin)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "alisnord-chromium-")
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(dir),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.WindowSize(1280, 800),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	tab, cancelTab := chromedp.NewContext(allocCtx)
	b := &Browser{tab: tab, dataDir: dir, axe: string(axe), cancel: func() { cancelTab(); cancelAlloc() }}
	if err := b.start(o.Host); err != nil {
		b.Close()
		return nil, fmt.Errorf("starting %s: %w", path, err)
	}
	return b, nil
}

// start opens the tab, listens to it, and blocks requests to other hosts.
func (b *Browser) start(host string) error {
	if err := chromedp.Do(b.tab); err != nil {
		return err
	}
	if err := chromedp.Listen(b.tab, func(ev any) {
		if r := b.current(); r != nil {
			r.event(ev)
		}
	}); err != nil {
		return err
	}
	paused := chromedp.Events(b.tab, fetch.RequestPaused) // subscribe before enabling
	go b.block(paused, host)
	_, err := chromedp.Call(b.tab, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}})
	return err
}

func (b *Browser) current() *recorder {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.rec
}

// Close stops the browser and removes its profile.
func (b *Browser) Close() {
	b.cancel()
	os.RemoveAll(b.dataDir)
}

// Visit is what to open: the page's path in the site (for reports), its
// URL, and the HTTP status it should answer with (404 for a missing page).
type Visit struct {
	Page, URL  string
	Status     int64
	Screenshot bool // keep a full-page PNG of it
}

// Result is what one page showed.
type Result struct {
	Problems   []Problem
	Charts     int      // chart SVGs on the page
	Links      []string // every URL it links to or loads, resolved
	Axe        int      // axe violations (also in Problems)
	Screenshot []byte
	Shots      map[string][]byte // mode name -> full-page PNG, for the other readerModes
}

// Check opens v at 1280×800 and runs every browser check: the response
// status; no console error, uncaught exception, failed request or error in
// the browser log; no request to a host other than the server's (each one
// blocked and reported); structure, charts, keyboard focus, axe-core's
// WCAG 2.0/2.1 A and AA rules; text at 200 % and the page zoomed to 200 %
// (640 px) and 400 % (320 px) without sideways scrolling or clipped text.
// Checks run one at a time.
func (b *Browser) Check(ctx context.Context, v Visit) (Result, error) {
	rec := &recorder{page: v.Page, url: v.URL, status: v.Status, urls: map[network.RequestID]string{}}
	b.mu.Lock()
	b.rec = rec
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		b.rec = nil
		b.mu.Unlock()
	}()
	tab, cancel := context.WithCancel(b.tab)
	defer cancel()
	stop := context.AfterFunc(ctx, cancel)
	defer stop()
	res, err := b.run(tab, v, rec)
	rec.mu.Lock()
	res.Problems = append(rec.problems, res.Problems...)
	rec.mu.Unlock()
	return res, err
}

// run is Check's sequence of steps in the open tab.
func (b *Browser) run(tab context.Context, v Visit, rec *recorder) (Result, error) {
	var res Result
	add := func(ps []jsProblem) {
		for _, p := range ps {
			res.Problems = append(res.Problems, Problem{v.Page, p.Check, p.Message})
		}
	}
	if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 800)); err != nil {
		return res, err
	}
	resp, err := chromedp.Run(tab, chromedp.NavigateResponse(v.URL))
	if err != nil {
		return res, fmt.Errorf("%s: %w", v.URL, err)
	}
	if resp.Status != v.Status {
		rec.add("browser", fmt.Sprintf("%s answered %d, want %d", v.URL, resp.Status, v.Status))
	}
	if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](pageJS)); err != nil {
		return res, err
	}
	page, err := chromedp.Run(tab, chromedp.Evaluate[inspection](`__quality.inspect()`))
	if err != nil {
		return res, err
	}
	add(page.Problems)
	res.Charts, res.Links = page.Charts, page.Links
	if err := chromedp.Do(tab, chromedp.KeyEvent("\t")); err != nil {
		return res, err
	}
	focus, err := chromedp.Run(tab, chromedp.Evaluate[[]jsProblem](`__quality.focus()`))
	if err != nil {
		return res, err
	}
	add(focus)
	violations, err := b.runAxe(tab)
	if err != nil {
		return res, err
	}
	res.Axe = len(violations)
	for _, vi := range violations {
		res.Problems = append(res.Problems, vi.problem(v.Page))
	}
	if v.Screenshot {
		if res.Screenshot, err = chromedp.Run(tab, chromedp.FullScreenshot(100)); err != nil {
			return res, err
		}
	}
	zoom, err := zoomChecks(tab)
	add(zoom)
	if err != nil {
		return res, err
	}
	modes, shots, err := b.modeChecks(tab, v.Page, v.Screenshot)
	res.Problems, res.Shots = append(res.Problems, modes...), shots
	return res, err
}

// zoomChecks doubles the text size, then lays the page out as a 1280 px
// screen zoomed to 200 % (640 CSS px) and 400 % (320 CSS px).
func zoomChecks(tab context.Context) ([]jsProblem, error) {
	out, err := chromedp.Run(tab, chromedp.Evaluate[[]jsProblem](`__quality.textZoom()`))
	if err != nil {
		return nil, err
	}
	for _, w := range []int64{640, 320} {
		if err := chromedp.Do(tab, chromedp.EmulateViewport(w, 800*w/1280, chromedp.EmulateScale(1280/float64(w)))); err != nil {
			return out, err
		}
		what := fmt.Sprintf("zoomed to %d %% (%d px wide)", 1280*100/w, w)
		layout, err := chromedp.Run(tab, chromedp.Evaluate[[]jsProblem](`__quality.layout(`+jsString(what)+`)`))
		if err != nil {
			return out, err
		}
		out = append(out, layout...)
	}
	return out, nil
}

type jsProblem struct {
	Check, Message string
}

type inspection struct {
	Problems []jsProblem
	Charts   int
	Links    []string
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// block lets the tab's requests to host through and fails every other one,
// reporting it on the page being checked.
func (b *Browser) block(paused iter.Seq2[fetch.EventRequestPaused, error], host string) {
	for ev, err := range paused {
		if err != nil {
			return
		}
		u, perr := url.Parse(ev.Request.URL)
		if perr == nil && (u.Host == host || u.Scheme == "data" || u.Scheme == "blob") {
			chromedp.Call(b.tab, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
			continue
		}
		if r := b.current(); r != nil {
			r.add("third-party", "blocked a request to another host: "+ev.Request.URL)
		}
		chromedp.Call(b.tab, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
	}
}
