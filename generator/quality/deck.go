package quality

import (
	"context"
	"fmt"
	"regexp"
	"strconv"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// record makes rec the page the browser's events are reported on until the
// returned function is called.
func (b *Browser) record(rec *recorder) (done func()) {
	b.mu.Lock()
	b.rec = rec
	b.mu.Unlock()
	return func() {
		b.mu.Lock()
		b.rec = nil
		b.mu.Unlock()
	}
}

// Load opens url (an http:// or a file:// address) and reports what went
// wrong while it loaded and ran its scripts: console errors, uncaught
// exceptions, failed requests and requests to other hosts.
func (b *Browser) Load(ctx context.Context, name, url string) ([]Problem, error) {
	rec := &recorder{page: name, url: url, urls: map[network.RequestID]string{}}
	defer b.record(rec)()
	tab, cancel := context.WithCancel(b.tab)
	defer cancel()
	defer context.AfterFunc(ctx, cancel)()
	err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(url), chromedp.WaitReady("body"))
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]Problem(nil), rec.problems...), err
}

// Slide is what a slide deck showed after one key press.
type Slide struct {
	Current int     // number of the slide marked current (0: none)
	Shown   int     // slides on screen (display is not none)
	Hash    string  // location.hash
	Width   float64 // the current slide's box, in CSS px
	Height  float64
	Charts  int // chart drawings shown on the slide
	Empty   int // of those, drawings smaller than 300×150 px or with fewer than 3 marks
	// MinText and MaxText are the smallest and largest chart text shown,
	// in CSS px as drawn (0 without charts).
	MinText, MaxText float64
	Overflow         bool
	PNG              []byte // the screen at 1920×1080
}

// deckJS reads the state of a deck page (see templates/assets/lysbilder.js).
const deckJS = `(() => {
  const shown = [...document.querySelectorAll(".slide")].filter((s) => getComputedStyle(s).display !== "none");
  const cur = document.querySelector(".slide.current");
  const out = {Current: cur ? Number(cur.id) : 0, Shown: shown.length, Hash: location.hash, Width: 0, Height: 0, Charts: 0, Empty: 0, MinText: 0, MaxText: 0, Overflow: false};
  if (!cur) return out;
  const r = cur.getBoundingClientRect();
  out.Width = r.width; out.Height = r.height;
  out.Overflow = cur.scrollHeight > cur.clientHeight + 1 || cur.scrollWidth > cur.clientWidth + 1;
  for (const svg of cur.querySelectorAll(".chart-svg > svg")) {
    if (getComputedStyle(svg.parentElement).display === "none") continue;
    out.Charts++;
    const b = svg.getBoundingClientRect();
    let marks = 0;
    for (const m of svg.querySelectorAll("path, rect, text")) {
      if (m.closest("defs, pattern")) continue;
      const bb = m.getBBox();
      if (bb.width > 0 || bb.height > 0) marks++;
    }
    if (b.width < 300 || b.height < 150 || marks < 3) out.Empty++;
    const vb = svg.viewBox.baseVal;
    const scale = Math.min(b.width / vb.width, b.height / vb.height);
    for (const t of svg.querySelectorAll("text")) {
      if ((t.textContent || "").trim() === "") continue;
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      out.MinText = out.MinText === 0 ? px : Math.min(out.MinText, px);
      out.MaxText = Math.max(out.MaxText, px);
    }
  }
  return out;
})()`

// Deck opens a slide deck at 1920×1080 and walks it with the keyboard:
// ArrowRight from the first slide to the last, taking a screenshot of
// each, then End, Home, PageDown, PageUp and ArrowLeft. It returns the
// state after each ArrowRight (the first entry is the page as it opened)
// and the moves that did not land where they should.
func (b *Browser) Deck(ctx context.Context, name, url string, slides int) ([]Slide, []Problem, error) {
	rec := &recorder{page: name, url: url, urls: map[network.RequestID]string{}}
	defer b.record(rec)()
	tab, cancel := context.WithCancel(b.tab)
	defer cancel()
	defer context.AfterFunc(ctx, cancel)()
	if err := chromedp.Do(tab, chromedp.EmulateViewport(1920, 1080), chromedp.Navigate(url), chromedp.WaitReady("body")); err != nil {
		return nil, nil, err
	}
	state := func() (Slide, error) {
		s, err := chromedp.Run(tab, chromedp.Evaluate[Slide](deckJS))
		if err != nil {
			return s, err
		}
		s.PNG, err = chromedp.Run(tab, chromedp.CaptureScreenshot())
		return s, err
	}
	var problems []Problem
	fail := func(format string, args ...any) {
		problems = append(problems, Problem{name, "slides", fmt.Sprintf(format, args...)})
	}
	press := func(key string, want int) error {
		if err := chromedp.Do(tab, chromedp.KeyEvent(key)); err != nil {
			return err
		}
		s, err := chromedp.Run(tab, chromedp.Evaluate[Slide](deckJS))
		if err == nil && (s.Current != want || s.Hash != "#"+strconv.Itoa(want)) {
			fail("after %s: slide %d (address %q), want slide %d", keyName(key), s.Current, s.Hash, want)
		}
		return err
	}
	var seen []Slide
	for i := 1; i <= slides; i++ {
		if i > 1 {
			if err := press(kb.ArrowRight, i); err != nil {
				return seen, problems, err
			}
		}
		s, err := state()
		if err != nil {
			return seen, problems, err
		}
		seen = append(seen, s)
	}
	for _, step := range []struct {
		key  string
		want int
	}{{kb.ArrowRight, slides}, {kb.Home, 1}, {kb.PageDown, 2}, {" ", 3}, {kb.PageUp, 2}, {kb.End, slides}, {kb.ArrowLeft, slides - 1}} {
		if err := press(step.key, step.want); err != nil {
			return seen, problems, err
		}
	}
	rec.mu.Lock()
	problems = append(problems, rec.problems...)
	rec.mu.Unlock()
	return seen, problems, nil
}

func keyName(key string) string {
	names := map[string]string{kb.ArrowRight: "→", kb.ArrowLeft: "←", kb.Home: "Home", kb.End: "End",
		kb.PageDown: "Page Down", kb.PageUp: "Page Up", " ": "mellomrom"}
	if n, ok := names[key]; ok {
		return n
	}
	return strconv.Quote(key)
}

// PrintPDF prints the page at url as Chromium's print preview would, with
// the page's own @page size, and returns the PDF.
func (b *Browser) PrintPDF(ctx context.Context, url string) ([]byte, error) {
	tab, cancel := context.WithCancel(b.tab)
	defer cancel()
	defer context.AfterFunc(ctx, cancel)()
	if err := chromedp.Do(tab, chromedp.Navigate(url), chromedp.WaitReady("body")); err != nil {
		return nil, err
	}
	yes := true
	res, err := chromedp.Call(tab, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes, PrintBackground: &yes})
	return res.Data, err
}

var pdfPageCount = regexp.MustCompile(`/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b`)

// PDFPages reads the page count of a PDF from its page tree.
func PDFPages(pdf []byte) (int, error) {
	m := pdfPageCount.FindSubmatch(pdf)
	if m == nil {
		return 0, fmt.Errorf("no page tree found in the PDF")
	}
	n := m[1]
	if len(n) == 0 {
		n = m[2]
	}
	return strconv.Atoi(string(n))
}
