package render

import (
	"sync"
	"sync/atomic"
)

// workers runs a job for each index handed to do, on a fixed number of
// goroutines that live as long as the pool. A goroutine started for each
// page (as errgroup does) begins with a small stack and grows it by
// copying, page after page, to the depth goldmark's parser reaches: at
// 10,000 articles that copying was 1.6 % of a build's CPU time. A
// worker's stack stays grown from one page to the next.
//
// The first held workers wait for ready to close before they take any
// job, so that while it is open the jobs run on fewer goroutines (see
// drawingHeld). After the first job that fails, the jobs not yet started
// are skipped; wait returns that first error.
type workers struct {
	jobs   chan int
	wg     sync.WaitGroup
	failed atomic.Bool
	once   sync.Once
	err    error
}

func startWorkers(n, held int, ready <-chan struct{}, job func(int) error) *workers {
	w := &workers{jobs: make(chan int, n)}
	for k := range max(n, 1) {
		w.wg.Go(func() {
			if k < held {
				<-ready
			}
			for i := range w.jobs {
				if w.failed.Load() {
					continue
				}
				if err := job(i); err != nil {
					w.once.Do(func() { w.err = err })
					w.failed.Store(true)
				}
			}
		})
	}
	return w
}

// do hands job i to the next free worker; it blocks while all are busy
// and the queue is full.
func (w *workers) do(i int) { w.jobs <- i }

// wait lets the workers finish the jobs handed to them and returns the
// first error.
func (w *workers) wait() error {
	close(w.jobs)
	w.wg.Wait()
	return w.err
}
