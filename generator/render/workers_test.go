package render

import (
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestWorkersRunEveryJobOnce(t *testing.T) {
	var mu sync.Mutex
	seen := map[int]int{}
	w := startWorkers(4, 0, drawn, func(i int) error {
		mu.Lock()
		defer mu.Unlock()
		seen[i]++
		return nil
	})
	for i := range 1000 {
		w.do(i)
	}
	if err := w.wait(); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 1000 {
		t.Fatalf("%d jobs ran, want 1000", len(seen))
	}
	for i, n := range seen {
		if n != 1 {
			t.Errorf("job %d ran %d times", i, n)
		}
	}
}

// While ready is open, the held workers take no job: the jobs run one at
// a time on the one worker left; once it closes, they run side by side.
func TestWorkersHeldUntilReady(t *testing.T) {
	ready := make(chan struct{})
	var running, most atomic.Int32
	gate := make(chan struct{})
	job := func(i int) error {
		n := running.Add(1)
		defer running.Add(-1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		if i < 10 {
			time.Sleep(time.Millisecond) // room for a second worker to take one
		} else {
			<-gate // the later jobs meet: both workers hold one
		}
		return nil
	}
	w := startWorkers(2, 1, ready, job)
	for i := range 10 {
		w.do(i)
	}
	// The queue holds 2: once job 9 is queued, at least 7 have started,
	// on the one free worker, one at a time. Wait for all of them.
	for running.Load() != 0 || len(w.jobs) != 0 {
		runtime.Gosched()
	}
	if m := most.Load(); m != 1 {
		t.Fatalf("%d jobs ran at once while ready was open, want 1", m)
	}
	close(ready)
	w.do(10)
	w.do(11)
	for running.Load() != 2 {
		runtime.Gosched()
	}
	close(gate)
	if err := w.wait(); err != nil {
		t.Fatal(err)
	}
	if m := most.Load(); m != 2 {
		t.Fatalf("%d jobs ran at once after ready closed, want 2", m)
	}
}

func TestWorkersStopAfterFirstError(t *testing.T) {
	boom := errors.New("disken er full")
	var ran atomic.Int32
	w := startWorkers(1, 0, drawn, func(i int) error {
		ran.Add(1)
		if i == 3 {
			return boom
		}
		if i > 3 {
			return errors.New("a later job ran")
		}
		return nil
	})
	for i := range 10 {
		w.do(i)
	}
	if err := w.wait(); err != boom {
		t.Fatalf("wait = %v, want %v", err, boom)
	}
	if n := ran.Load(); n != 4 {
		t.Fatalf("%d jobs ran, want 4 (the failing one the last)", n)
	}
}
