package render

import (
	"os"
	"runtime"
	"sync"
	"testing"
	"time"

	"alisnord/generator/bench/corpus"
	"alisnord/generator/chart"
	"alisnord/generator/internal/sitetest"
	"alisnord/generator/output"
	"alisnord/generator/site"
)

// heldCharts draws with next once release is closed.
type heldCharts struct {
	next    ChartRenderer
	release chan struct{}
}

func (h heldCharts) Render(specs []chart.Spec) ([]string, error) {
	<-h.release
	return h.next.Render(specs)
}

// overlapSink counts how many of its writes overlap, before and after the
// charts are released; the 30th write releases them.
type overlapSink struct {
	Collector
	release       chan struct{}
	mu            sync.Mutex
	writes, now   int
	before, after int // most writes at once
	released      bool
}

func (o *overlapSink) Write(f output.File) error {
	o.mu.Lock()
	o.now++
	if o.released {
		o.after = max(o.after, o.now)
	} else {
		o.before = max(o.before, o.now)
	}
	o.mu.Unlock()
	time.Sleep(3 * time.Millisecond) // room for other pages to overlap
	o.mu.Lock()
	o.now--
	if o.writes++; o.writes == 30 && !o.released {
		o.released = true
		close(o.release)
	}
	o.mu.Unlock()
	return o.Collector.Write(f)
}

// TestPagesLeaveDrawingACore: while the charts are drawn, pages render at
// most one per core but one; once they are drawn, more at once again.
func TestPagesLeaveDrawingACore(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	m, err := corpus.FS(corpus.ArticlesOnly(120), os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.Load(m, site.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	sink := &overlapSink{release: release}
	opt := Options{Root: m, Charts: heldCharts{sitetest.NewCharts(t), release}}
	if err := NewEngine(Forget).Render(s, opt, sink); err != nil {
		t.Fatal(err)
	}
	if !sink.released {
		t.Fatalf("only %d writes: the charts were never released", sink.writes)
	}
	if sink.before > 3 {
		t.Errorf("%d pages at once while the charts were drawn, want at most 3 of 4 cores", sink.before)
	}
	if sink.after <= 3 {
		t.Errorf("at most %d pages at once after the charts were drawn, want more than 3", sink.after)
	}
}
