package quality

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// SearchResults is what the search page (sok/) showed for a query.
type SearchResults struct {
	State  string   // the status element's data-state: "done", or "failed"
	Status string   // the text it announced
	Live   bool     // the status element is a live region, so screen readers announce it
	More   bool     // «Vis flere treff» still shown
	URLs   []string // each result's link, resolved
	// Shots are full-page screenshots of the results, by viewport width
	// (390 and 1440 px).
	Shots map[int][]byte
}

// searchStateJS reads the search page's state (templates/assets/sok.js).
const searchStateJS = `(() => {
  const s = document.getElementById("sok-status");
  const more = document.getElementById("sok-flere");
  if (!s) return {State: "missing", Status: "", Live: false, More: false, URLs: []};
  const live = s.getAttribute("role") === "status" || ["polite", "assertive"].includes(s.getAttribute("aria-live"));
  return {State: s.dataset.state || "", Status: s.textContent, Live: live, More: !!more && !more.hidden,
    URLs: [...document.querySelectorAll("#sok-treff a")].map((a) => a.href)};
})()`

// Search opens url, the search page with a query (sok/?q=…), waits for
// its results, shows every page of them («Vis flere treff») and returns
// them, with what went wrong meanwhile (console errors, failed requests,
// requests to other hosts) and axe-core's findings on the page with its
// results shown.
func (b *Browser) Search(ctx context.Context, name, url string) (SearchResults, []Problem, error) {
	rec := &recorder{page: name, url: url, urls: map[network.RequestID]string{}}
	defer b.record(rec)()
	tab, cancel := context.WithCancel(b.tab)
	defer cancel()
	defer context.AfterFunc(ctx, cancel)()
	if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(url), chromedp.WaitReady("body")); err != nil {
		return SearchResults{}, nil, err
	}
	res, err := waitResults(tab)
	for err == nil && res.More {
		if err = chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](`document.getElementById("sok-flere").click()`)); err == nil {
			n := len(res.URLs)
			res, err = waitResults(tab, func(r SearchResults) bool { return len(r.URLs) > n })
		}
	}
	if err != nil {
		return res, nil, err
	}
	var wide []int
	if res.Shots, wide, err = shots(tab, 390, 1440); err != nil {
		return res, nil, err
	}
	for _, w := range wide {
		rec.add("zoom", fmt.Sprintf("the results scroll sideways at %d px", w))
	}
	violations, err := b.runAxe(tab)
	rec.mu.Lock()
	problems := append([]Problem(nil), rec.problems...)
	rec.mu.Unlock()
	for _, v := range violations {
		problems = append(problems, v.problem(name))
	}
	return res, problems, err
}

// waitResults polls the search page until it has answered (and each of
// also holds), for at most ten seconds.
func waitResults(tab context.Context, also ...func(SearchResults) bool) (SearchResults, error) {
	deadline := time.Now().Add(10 * time.Second)
	for {
		res, err := chromedp.Run(tab, chromedp.Evaluate[SearchResults](searchStateJS))
		if err != nil {
			return res, err
		}
		ready := res.State == "done" || res.State == "failed"
		for _, f := range also {
			ready = ready && f(res)
		}
		if ready {
			return res, nil
		}
		if time.Now().After(deadline) {
			return res, fmt.Errorf("the search page did not answer in 10 s (state %q, status %q)", res.State, res.Status)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// shots takes a full-page screenshot of the tab at each width, and lists
// the widths at which the page scrolls sideways.
func shots(tab context.Context, widths ...int64) (map[int][]byte, []int, error) {
	out := map[int][]byte{}
	var wide []int
	for _, w := range widths {
		if err := chromedp.Do(tab, chromedp.EmulateViewport(w, 900)); err != nil {
			return out, wide, err
		}
		sideways, err := chromedp.Run(tab, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth`))
		if err != nil {
			return out, wide, err
		}
		if sideways {
			wide = append(wide, int(w))
		}
		png, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
		if err != nil {
			return out, wide, err
		}
		out[int(w)] = png
	}
	return out, wide, chromedp.Do(tab, chromedp.EmulateViewport(1280, 800))
}
