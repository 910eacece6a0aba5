package render

import (
	"strings"
	"sync"
	"testing"

	"alisnord/generator/internal/sitetest"
	"alisnord/generator/output"
	"alisnord/generator/site"
)

// flushSink is a Collector that notes, when Render tells it to flush,
// which files it has been given by then.
type flushSink struct {
	Collector
	mu      sync.Mutex
	written []string
	flushed [][]string // the files written at each Flush
}

func (f *flushSink) Write(file output.File) error {
	f.mu.Lock()
	f.written = append(f.written, file.Path)
	f.mu.Unlock()
	return f.Collector.Write(file)
}

func (f *flushSink) Flush() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.flushed = append(f.flushed, append([]string(nil), f.written...))
}

// TestFlushAfterPages: a sink that can flush is told to once, when every
// page is written and before the feed; a render whose pages fail never
// tells it.
func TestFlushAfterPages(t *testing.T) {
	m := smallFS(t)
	s, err := site.Load(m, site.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	var sink flushSink
	if err := NewEngine(Forget).Render(s, Options{Root: m, Charts: sitetest.NewCharts(t)}, &sink); err != nil {
		t.Fatal(err)
	}
	if len(sink.flushed) != 1 {
		t.Fatalf("told to flush %d times, want once", len(sink.flushed))
	}
	at := map[string]bool{}
	for _, p := range sink.flushed[0] {
		at[p] = true
	}
	pages := 0
	for _, p := range sink.written {
		switch {
		case strings.HasSuffix(p, ".html"):
			pages++
			if !at[p] {
				t.Errorf("%s was written after the flush", p)
			}
		case p == "feed.xml" && at[p]:
			t.Error("feed.xml was written before the flush: the flush came late")
		}
	}
	if pages == 0 {
		t.Fatal("no pages")
	}

	broken := smallWith(t, "content/om.md", "+++\ntitle = \"Om\"\n+++\nSe [x](/finnes-ikke/).\n")
	bm := archiveFS(broken)
	repoTemplates(t, bm)
	bs, err := site.Load(bm, site.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	var failed flushSink
	if err := NewEngine(Forget).Render(bs, Options{Root: bm, Charts: sitetest.NewCharts(t)}, &failed); err == nil {
		t.Fatal("a broken link rendered")
	}
	if len(failed.flushed) != 0 {
		t.Error("told to flush a render whose pages failed")
	}
}
