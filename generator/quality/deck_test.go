package quality

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fileURL is the file:// address of a file of the built site.
func fileURL(t *testing.T, dir, page string) string {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join(dir, page))
	if err != nil {
		t.Fatal(err)
	}
	return "file://" + filepath.ToSlash(abs)
}

// checkDeck walks a deck and reports what a presenter would see go wrong:
// a slide that does not show alone and full screen, or a chart on it that
// is missing or empty. It returns the number of chart drawings shown.
func checkDeck(t *testing.T, b *Browser, name, url string, slides int, shots string) ([]Problem, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	seen, ps, err := b.Deck(ctx, name, url, slides)
	if err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	charts := 0
	var smallest, largest float64 // the chart text of the whole deck
	for i, s := range seen {
		fail := func(format string, args ...any) {
			ps = append(ps, Problem{name, "slides", fmt.Sprintf("slide %d: ", i+1) + fmt.Sprintf(format, args...)})
		}
		if s.Current != i+1 || s.Shown != 1 {
			fail("slide %d is current and %d slides are on screen; want this one alone", s.Current, s.Shown)
		}
		if s.Width < 1900 || s.Height < 1060 {
			fail("the slide is %.0f×%.0f px in a 1920×1080 window", s.Width, s.Height)
		}
		if s.Overflow {
			fail("its content does not fit on the slide")
		}
		if s.Empty > 0 {
			fail("%d of its %d charts are empty or too small", s.Empty, s.Charts)
		}
		if s.Charts > 0 && s.MinText < MinSlideChartText {
			fail("its chart text is %.1f px; want at least %d px on a 1920×1080 projector", s.MinText, MinSlideChartText)
		}
		if s.Charts > 0 {
			smallest, largest = minNonZero(smallest, s.MinText), max(largest, s.MaxText)
		}
		charts += s.Charts
		if shots != "" {
			if err := os.WriteFile(filepath.Join(shots, fmt.Sprintf("lysbilde-%02d.png", i+1)), s.PNG, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	// One chart text size across the deck: the charts' own sizes (14 px
	// axes, 13 px labels) scaled alike, not a drawing scaled to its slide.
	if largest > smallest*1.2 {
		ps = append(ps, Problem{name, "slides", fmt.Sprintf("chart text ranges from %.1f to %.1f px across the slides; want one scale for every chart", smallest, largest)})
	}
	return ps, charts
}

// MinSlideChartText is the smallest chart text, in CSS px, a slide may
// show on a 1920×1080 projector.
const MinSlideChartText = 20

func minNonZero(a, b float64) float64 {
	if a == 0 {
		return b
	}
	return min(a, b)
}

// TestConferenceMaterial opens the slides over http and from file://, walks
// every slide with the keyboard at 1920×1080 (a screenshot of each is
// kept), loads the front page and the slides from file:// with no failed
// request, and prints the fact sheet to at most two A4 pages.
func TestConferenceMaterial(t *testing.T) {
	dir := shippedSite(t)
	tl := tools(t)
	need(t, tl.MissingBrowser())
	start := time.Now()
	const deckPage = "konferanse/lysbilder/index.html"
	html, err := os.ReadFile(filepath.Join(dir, deckPage))
	if err != nil {
		t.Fatal(err)
	}
	slides := strings.Count(string(html), `<section class="slide"`)
	if slides < 2 {
		t.Fatalf("the deck has %d slides", slides)
	}

	srv, err := Serve(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	web, err := NewBrowser(tl.Chromium, tl.Axe, srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer web.Close()
	disk, err := NewBrowser(tl.Chromium, tl.Axe, "file:///") // only file:// addresses load
	if err != nil {
		t.Fatal(err)
	}
	defer disk.Close()

	shots := filepath.Join(artefacts(t), "lysbilder")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	ps, charts := checkDeck(t, web, deckPage+" (http)", srv.URL+"/konferanse/lysbilder/", slides, shots)
	filePs, _ := checkDeck(t, disk, deckPage+" (file://)", fileURL(t, dir, deckPage), slides, "")
	ps = append(ps, filePs...)
	if charts < 4 {
		t.Errorf("only %d charts shown on the slides; the deck has four chart slides", charts)
	}
	for _, page := range []string{"index.html", deckPage, "konferanse/faktaark/index.html"} {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		loadPs, err := disk.Load(ctx, page+" (file://)", fileURL(t, dir, page))
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, loadPs...)
	}

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	pdf, err := disk.PrintPDF(ctx, fileURL(t, dir, "konferanse/faktaark/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	pages, err := PDFPages(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if pages > 2 {
		ps = append(ps, Problem{"konferanse/faktaark/index.html", "print", fmt.Sprintf("the fact sheet prints on %d pages; at most 2", pages)})
	}
	if err := os.WriteFile(filepath.Join(artefacts(t), "faktaark.pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	listProblems(t, ps)
	summary("conference", fmt.Sprintf("%d slides walked by keyboard over http and from file:// (%d charts shown, screenshots in %s); "+
		"3 pages from file://; fact sheet printed on %d A4 pages", slides, charts, shots, pages), len(ps), time.Since(start))
}

// TestConferenceChecksCatchFaults plants a fault for each of the checks
// above: a deck whose script is missing, a page whose stylesheet is
// missing (opened from file://), and a fact sheet too long for two pages.
func TestConferenceChecksCatchFaults(t *testing.T) {
	tl := tools(t)
	need(t, tl.MissingBrowser())
	dir := t.TempDir()
	slide := `<section class="slide" id="%d"><h2>Lysbilde %d</h2></section>`
	deck := `<!DOCTYPE html><html lang="nb"><title>Uten skript</title><body><main>`
	for i := 1; i <= 3; i++ {
		deck += fmt.Sprintf(slide, i, i)
	}
	long := `<!DOCTYPE html><html lang="nb"><title>Lang</title><body><main>` +
		strings.Repeat("<p>Et avsnitt som fyller arket.</p>", 400)
	files := map[string]string{
		"deck.html":  deck,
		"style.html": `<!DOCTYPE html><html lang="nb"><title>Stil</title><link rel="stylesheet" href="finnes-ikke.css"><body><main><p>Hei</p>`,
		"long.html":  long,
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := NewBrowser(tl.Chromium, tl.Axe, "file:///")
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	if ps, _ := checkDeck(t, b, "deck.html", fileURL(t, dir, "deck.html"), 3, ""); !hasProblem(ps, "slides", "after →") {
		t.Errorf("a deck without its script passed the deck check:%s", listed(ps))
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	ps, err := b.Load(ctx, "style.html", fileURL(t, dir, "style.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !hasProblem(ps, "browser", "finnes-ikke.css") {
		t.Errorf("a missing stylesheet from file:// was not reported:%s", listed(ps))
	}
	pdf, err := b.PrintPDF(ctx, fileURL(t, dir, "long.html"))
	if err != nil {
		t.Fatal(err)
	}
	if n, err := PDFPages(pdf); err != nil || n <= 2 {
		t.Errorf("a page of 400 paragraphs printed on %d pages (%v); the page count is misread", n, err)
	}
}
