package quality

import (
	"context"
	"fmt"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// mode is one way a reader sees a page besides the 1280 px light screen
// that Check starts with: a phone, and dark mode at both widths.
type mode struct {
	Name string // in problem messages and screenshot names
	W, H int64
	Dark bool
	New  bool // not Check's own 1280 px light view: axe runs again, and a screenshot is kept
}

// readerModes are the modes modeChecks runs, in order.
var readerModes = []mode{
	{"1280 px", 1280, 800, false, false},
	{"390 px", 390, 844, false, true},
	{"dark 1280 px", 1280, 800, true, true},
	{"dark 390 px", 390, 844, true, true},
}

// MinChartText is the smallest chart text, in CSS px, a page may show.
const MinChartText = 12

// modeChecks shows the page as each readerMode and runs in each: axe (but
// in Check's own view, where it ran already); the chart text size (at least MinChartText CSS px in every shown chart); and
// at a phone's width, that no data table is wider than its box (a column
// out of sight). With shots it keeps a full-page screenshot of each mode.
// It leaves the page light, at 1280 px.
func (b *Browser) modeChecks(tab context.Context, page string, shots bool) ([]Problem, map[string][]byte, error) {
	var out []Problem
	pngs := map[string][]byte{}
	defer func() {
		_ = colourScheme(tab, "light")
		_ = chromedp.Do(tab, chromedp.EmulateViewport(1280, 800))
	}()
	for _, m := range readerModes {
		scheme := "light"
		if m.Dark {
			scheme = "dark"
		}
		if err := colourScheme(tab, scheme); err != nil {
			return out, pngs, err
		}
		if err := chromedp.Do(tab, chromedp.EmulateViewport(m.W, m.H)); err != nil {
			return out, pngs, err
		}
		js, err := chromedp.Run(tab, chromedp.Evaluate[[]jsProblem](fmt.Sprintf(`__quality.reader(%s, %t, %d)`, jsString(m.Name), m.W < 600, MinChartText)))
		if err != nil {
			return out, pngs, err
		}
		for _, p := range js {
			out = append(out, Problem{page, p.Check, p.Message})
		}
		if !m.New {
			continue
		}
		violations, err := b.runAxe(tab)
		if err != nil {
			return out, pngs, err
		}
		for _, vi := range violations {
			p := vi.problem(page)
			p.Message = m.Name + ": " + p.Message
			out = append(out, p)
		}
		if shots {
			if pngs[m.Name], err = chromedp.Run(tab, chromedp.FullScreenshot(100)); err != nil {
				return out, pngs, err
			}
		}
	}
	return out, pngs, nil
}

// colourScheme emulates prefers-color-scheme: scheme ("light" or "dark").
func colourScheme(tab context.Context, scheme string) error {
	_, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	return err
}
