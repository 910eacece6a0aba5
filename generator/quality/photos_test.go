package quality

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"alisnord/generator/internal/sitetest"
	"alisnord/generator/photo/phototest"
)

// photoPage is the article with a photo in the photo site.
const photoPage = "nyheter/bilde-i-mappe/index.html"

// photoSite builds the repository's site with one synthetic page bundle:
// an article with a 4000×3000 phone photo (Orientation 6, GPS) beside it,
// made by the test. It returns the built folder.
func photoSite(t *testing.T) string {
	t.Helper()
	bundle, err := filepath.Abs(filepath.Join(repoRoot, ".cache", "echarts", "echarts.min.js"))
	if err != nil || !exists(bundle) {
		need(t, "ECharts bundle missing (make echarts)")
	}
	root := sitetest.TempCopy(t)
	dir := filepath.Join(root, "content", "nyheter", "bilde-i-mappe")
	md := "+++\ntitle = \"Syntetisk sak med bilde\"\ndate = 2019-09-01\nsummary = \"Syntetisk testsak.\"\n" +
		"image = \"bilde.jpg\"\nimage_alt = \"Syntetisk hovedbilde\"\n+++\n" +
		"Syntetisk tekst før bildet.\n\n![Syntetisk testbilde](bilde.jpg \"Syntetisk bildetekst. Foto: Testen\")\n\nSyntetisk tekst etter.\n"
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.md"), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bilde.jpg"), phototest.PhoneJPEG(4000, 3000, 6), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "public")
	cmd := exec.Command("go", "run", "./generator", "build", "-root", root, "-out", out, "-echarts", bundle)
	cmd.Dir = repoRoot
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the photo site: %v\n%s", err, b)
	}
	return out
}

// shownPhoto is what the browser made of one photo on a page.
type shownPhoto struct {
	Src     string  `json:"src"`     // currentSrc: the candidate it fetched
	Natural int     `json:"natural"` // its width in CSS px (file width / density)
	Shown   float64 `json:"shown"`   // CSS pixels it is drawn at
	Widths  []int   `json:"widths"`  // the candidates of its WebP <source>
}

// photoJS scrolls each photo that matches the selector %q into view,
// waits until it has loaded and reports which candidate the browser chose.
const photoJS = `(async () => {
  const out = [];
  for (const img of document.querySelectorAll(%q)) {
    img.scrollIntoView();
    if (!img.complete) await new Promise((r) => { img.addEventListener("load", r, { once: true }); img.addEventListener("error", r, { once: true }); });
    const src = img.parentElement.querySelector("source");
    const widths = (src ? src.srcset : img.srcset).split(",").map((c) => parseInt(c.trim().split(" ")[1], 10));
    out.push({ src: img.currentSrc, natural: img.naturalWidth, shown: img.getBoundingClientRect().width, widths });
  }
  return out;
})()`

// photoChoices opens url in a window of width×height CSS pixels at the
// device pixel ratio dpr and returns the photos it showed that match
// selector.
func photoChoices(chromium, url, selector string, width, height int64, dpr float64) ([]shownPhoto, error) {
	dir, err := os.MkdirTemp("", "alisnord-photos-chromium-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.UserDataDir(dir),
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	tab, cancel := chromedp.NewContext(alloc)
	defer cancel()
	tab, cancelTime := context.WithTimeout(tab, 60*time.Second)
	defer cancelTime()
	if err := chromedp.Do(tab); err != nil {
		return nil, err
	}
	metrics := emulation.SetDeviceMetricsOverrideParams{Width: width, Height: height, DeviceScaleFactor: dpr, Mobile: width < 600}
	if _, err := chromedp.Call(tab, emulation.SetDeviceMetricsOverride, metrics); err != nil {
		return nil, err
	}
	if err := chromedp.Do(tab, chromedp.Navigate(url)); err != nil {
		return nil, err
	}
	return chromedp.Run(tab, chromedp.Evaluate[[]shownPhoto](fmt.Sprintf(photoJS, selector), chromedp.EvalAwaitPromise))
}

var widthInName = regexp.MustCompile(`-(\d+)\.(webp|jpg|png)$`)

// fileWidth is the width of a processed photo from its name
// (bilder/<stem>-<hash>-<width>.<ext>); naturalWidth would give the width
// divided by the candidate's density.
func fileWidth(name string) int {
	m := widthInName.FindStringSubmatch(name)
	if m == nil {
		return 0
	}
	w, _ := strconv.Atoi(m[1])
	return w
}

// photoProblems checks what a screen of width CSS px at dpr fetched: the
// candidate must be sharp (at least the drawn width × dpr, or the widest)
// and no wider than the narrowest candidate that is, and, on a phone, at
// most 80 KB.
func photoProblems(dir string, shown []shownPhoto, width int64, dpr float64) []string {
	var ps []string
	if len(shown) == 0 {
		return []string{"no photo on the page"}
	}
	for _, s := range shown {
		need := int(s.Shown*dpr + 0.5)
		fit, widest := 0, 0
		for _, w := range s.Widths {
			if w >= need && (fit == 0 || w < fit) {
				fit = w
			}
			widest = max(widest, w)
		}
		if fit == 0 {
			fit = widest
		}
		name := s.Src[strings.LastIndex(s.Src, "/")+1:]
		got := fileWidth(name)
		if got > fit {
			ps = append(ps, fmt.Sprintf("%d px at %g×: %s is %d px wide, but %d px would do (drawn at %.0f CSS px)", width, dpr, name, got, fit, s.Shown))
		}
		if got < min(need, widest)*2/3 {
			ps = append(ps, fmt.Sprintf("%d px at %g×: %s is %d px wide for %d device px: blurred", width, dpr, name, got, need))
		}
		if i := strings.Index(s.Src, "/bilder/"); i >= 0 && width < 600 {
			if st, err := os.Stat(filepath.Join(dir, "bilder", s.Src[i+len("/bilder/"):])); err == nil && st.Size() > 80_000 {
				ps = append(ps, fmt.Sprintf("%d px at %g×: %s is %d bytes; want under 80 KB on a phone", width, dpr, name, st.Size()))
			}
		}
	}
	return ps
}

// TestPhotoCandidates opens an article with a phone photo as a 390 px
// phone at 2× and a 1440 px desktop at 1× and checks the file each
// fetched; then plants a wrong sizes attribute and sees the check fail.
func TestPhotoCandidates(t *testing.T) {
	tl := tools(t)
	need(t, tl.MissingBrowser())
	start := time.Now()
	dir := photoSite(t)
	srv, err := Serve(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	screens := []struct {
		w, h int64
		dpr  float64
	}{{390, 844, 2}, {1440, 900, 1}}
	var ps []string
	var seen []string
	for _, sc := range screens {
		for _, pg := range []struct{ page, selector string }{{photoPage, "figure.photo img"}, {"nyheter/index.html", "img.thumb"}} {
			shown, err := photoChoices(tl.Chromium, srv.URL+"/"+pg.page, pg.selector, sc.w, sc.h, sc.dpr)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range shown {
				if line := fmt.Sprintf("%d px at %g×: %s takes the %d px file, drawn at %.0f CSS px", sc.w, sc.dpr, pg.selector, fileWidth(s.Src), s.Shown); !slices.Contains(seen, line) {
					seen = append(seen, line)
				}
			}
			ps = append(ps, photoProblems(dir, shown, sc.w, sc.dpr)...)
		}
	}
	for _, p := range ps {
		t.Errorf("photos: %s", p)
	}
	fmt.Printf("QUALITY photos: a 4000×3000 phone photo at 390 px (2×) and 1440 px (1×): %s, %d problems, %.1f s\n",
		strings.Join(seen, "; "), len(ps), time.Since(start).Seconds())

	// The planted fault: sizes="100vw" makes the desktop fetch a photo
	// twice the width it is drawn at.
	page := filepath.Join(dir, filepath.FromSlash(photoPage))
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte(strings.ReplaceAll(string(html), `sizes="(min-width: 44.5rem) 42rem, calc(100vw - 2.5rem)"`, `sizes="100vw"`)), 0o644); err != nil {
		t.Fatal(err)
	}
	shown, err := photoChoices(tl.Chromium, srv.URL+"/"+photoPage, "figure.photo img", 1440, 900, 1)
	if err != nil {
		t.Fatal(err)
	}
	if planted := photoProblems(dir, shown, 1440, 1); len(planted) == 0 || !strings.Contains(planted[0], "would do") {
		t.Errorf("a wrong sizes attribute went unnoticed: %v", planted)
	}
}
