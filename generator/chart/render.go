package chart

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strconv"
	"sync"

	"github.com/dop251/goja"
)

// Renderer renders specs to SVG with ECharts running in goja. It is safe
// for concurrent use; create one per build and reuse it.
type Renderer struct {
	source []byte // the ECharts bundle, compiled on first use (see compiled)

	compile    sync.Once
	bundle     *goja.Program
	harness    *goja.Program
	compileErr error

	// slots holds one entry per worker; nil until the worker is first used.
	// It has room for GOMAXPROCS workers (or more, if asked); issued of
	// them exist (Grow adds more).
	slots  chan engine
	issued int    // guarded by mu
	node   string // the Node.js program the workers run in; goja when empty
	// fallback: goja draws when Node.js does not start (UseNode).
	fallback bool

	mu       sync.Mutex
	cache    map[[32]byte]*cacheEntry
	round    uint64          // the current round of overlapping Render calls
	inFlight int             // Render calls running in this round
	used     map[string]bool // store keys this round looked up

	nodeErr  error    // why Node.js was given up, if it was
	store    Store    // raw renders kept between builds; nil for none
	readOnly bool     // look renders up in store, never Put
	salt     [32]byte // what else decides a render: the bundle and the harness
}

// cacheEntry is one raw ECharts render, shared by identical options.
type cacheEntry struct {
	done  chan struct{} // closed when svg/err are set
	svg   string
	err   error
	round uint64 // the last round that used it
}

// NewRenderer prepares a pool of workers goja runtimes, each created
// lazily on first use from the ECharts bundle, which is compiled once,
// when the first chart must be drawn: a build whose charts all come from
// the store never compiles it. workers <= 0 means runtime.GOMAXPROCS(0).
func NewRenderer(bundle []byte, workers int) (*Renderer, error) {
	if len(bundle) == 0 {
		return nil, errors.New("chart: empty echarts bundle (run `make echarts`)")
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	r := &Renderer{
		source: bundle,
		salt:   sha256.Sum256([]byte(storeVersion + "\x00" + harnessSource + "\x00" + string(bundle))),
		slots:  make(chan engine, max(workers, runtime.GOMAXPROCS(0))),
		cache:  map[[32]byte]*cacheEntry{},
		used:   map[string]bool{},
	}
	r.Grow(workers)
	return r, nil
}

// Grow lets the renderer run up to n workers, or as many as it has room
// for (GOMAXPROCS, or the number NewRenderer was given if larger); it
// never takes one away. A new worker starts when a drawing finds the
// others busy, or at Prestart.
func (r *Renderer) Grow(n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for ; r.issued < min(n, cap(r.slots)); r.issued++ {
		r.slots <- nil
	}
}

// Workers is how many workers the renderer may run.
func (r *Renderer) Workers() int { return r.workers() }

func (r *Renderer) workers() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.issued
}

// LoadBundle reads the ECharts bundle (echarts.min.js). A missing file
// gives an error that says to run `make echarts`.
func LoadBundle(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("chart: echarts bundle %s is missing; run `make echarts` to fetch it", path)
	}
	if err != nil {
		return nil, fmt.Errorf("chart: read echarts bundle: %w", err)
	}
	if len(b) == 0 {
		return nil, fmt.Errorf("chart: echarts bundle %s is empty; run `make echarts` to fetch it again", path)
	}
	return b, nil
}

// Render returns the SVG for each spec, in order. Specs are rendered in
// parallel over the worker runtimes. Identical charts (same option JSON and
// size) are rendered once and cached in the Renderer; the per-spec parts
// (ids, title, description) are applied to each result. When specs fail,
// the error is Errors, one *Error per failed spec in spec order, and the
// other specs' SVGs are still returned.
//
// Calls that overlap form one round; when the last of them returns, the
// renderer forgets every render the round did not use, so the cache holds
// what the current site shows, however often the data changes.
func (r *Renderer) Render(specs []Spec) ([]string, error) {
	round := r.startRound()
	defer r.endRound()
	out := make([]string, len(specs))
	errs := make([]error, len(specs))
	var wg sync.WaitGroup
	for i := range specs {
		wg.Go(func() {
			out[i], errs[i] = r.renderOne(specs[i], round)
		})
	}
	wg.Wait()
	var failed Errors
	for i, err := range errs {
		if err != nil {
			failed = append(failed, asError(err, specs[i], i))
		}
	}
	if len(failed) > 0 {
		return out, failed
	}
	return out, nil
}

// renderOne builds the option, gets the raw SVG (cached) and finishes it
// for this spec. The store also keeps each finished body under the raw
// render's key and the id prefix, so that a build whose charts are all
// stored cleans no SVG again.
func (r *Renderer) renderOne(s Spec, round uint64) (string, error) {
	option, err := Option(s)
	if err != nil {
		return "", err
	}
	w, h := s.size()
	key := sha256.Sum256(append([]byte(strconv.Itoa(w)+"x"+strconv.Itoa(h)+"\x00"), option...))
	bodyName := r.storeName(key, idPrefix(s))
	if f, ok := r.storedBody(key, bodyName); ok {
		return f.svg(s)
	}
	raw, err := r.raw(key, option, w, h, round)
	if err != nil {
		return "", err
	}
	f, err := finishBody(raw, s)
	if err != nil {
		return "", err
	}
	if r.store != nil && !r.readOnly {
		r.store.Put(bodyName, f.encode())
	}
	return f.svg(s)
}

// storeName is the store's name for the raw render under key (no prefix)
// or for its finished body with the ids prefixed so.
func (r *Renderer) storeName(key [32]byte, prefix string) string {
	b := append(r.salt[:], key[:]...)
	if prefix != "" {
		b = append(append(b, "\x00finished\x00"...), prefix...)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// storedBody looks up a finished body in the store and marks it used, with
// its raw render, so that neither is pruned.
func (r *Renderer) storedBody(key [32]byte, name string) (finished, bool) {
	if r.store == nil {
		return finished{}, false
	}
	r.mu.Lock()
	r.used[name] = true
	r.used[r.storeName(key, "")] = true
	r.mu.Unlock()
	b, ok := r.store.Get(name)
	if !ok {
		return finished{}, false
	}
	return decodeFinished(b)
}

// raw returns the ECharts SVG for an option, rendering it only if no other
// call has (or is doing so), and marks it used in this round. Failed
// renders are not cached.
func (r *Renderer) raw(key [32]byte, option []byte, w, h int, round uint64) (string, error) {
	r.mu.Lock()
	if e, ok := r.cache[key]; ok {
		e.round = round
		r.mu.Unlock()
		<-e.done
		return e.svg, e.err
	}
	e := &cacheEntry{done: make(chan struct{}), round: round}
	r.cache[key] = e
	r.mu.Unlock()

	e.svg, e.err = r.stored(key, option, w, h)
	if e.err != nil {
		r.mu.Lock()
		delete(r.cache, key)
		r.mu.Unlock()
	}
	close(e.done)
	return e.svg, e.err
}

// stored returns the raw render from the store, or renders it and keeps it
// there (unless the store is read-only).
func (r *Renderer) stored(key [32]byte, option []byte, w, h int) (string, error) {
	if r.store == nil {
		return r.renderRaw(option, w, h)
	}
	name := r.storeName(key, "")
	r.mu.Lock()
	r.used[name] = true
	r.mu.Unlock()
	if b, ok := r.store.Get(name); ok {
		return string(b), nil
	}
	svg, err := r.renderRaw(option, w, h)
	if err == nil && !r.readOnly {
		r.store.Put(name, []byte(svg))
	}
	return svg, err
}

// renderRaw runs one render on a free worker, creating it on first use.
func (r *Renderer) renderRaw(option []byte, w, h int) (string, error) {
	wk := <-r.slots
	if wk == nil {
		var err error
		if wk, err = r.startWorker(); err != nil {
			r.slots <- nil
			return "", err
		}
	}
	svg, ok, err := wk.renderSVG(option, w, h)
	if !ok {
		wk = nil // interrupted: start afresh next time
	}
	r.slots <- wk
	return svg, err
}

// startWorker makes a new worker: a Node.js process when the renderer has
// one, else a goja runtime, compiling the bundle first if no goja worker
// did yet. A Node.js that does not start (or cannot run the bundle) is
// given up for the renderer's life: goja draws the same bytes.
func (r *Renderer) startWorker() (engine, error) {
	r.mu.Lock()
	node := r.node
	r.mu.Unlock()
	if node != "" {
		w, err := startNode(node, r.source)
		if err == nil {
			return w, nil
		}
		if !r.fallback {
			return nil, err
		}
		r.mu.Lock()
		r.node, r.nodeErr = "", err
		r.mu.Unlock()
	}
	if err := r.compiled(); err != nil {
		return nil, err
	}
	return newWorker(r.bundle, r.harness)
}

// engine is one worker: a goja runtime or a Node.js process.
type engine interface {
	// renderSVG draws one option; ok is false when the worker must not be
	// used again.
	renderSVG(option []byte, width, height int) (svg string, ok bool, err error)
	close()
}

// UseNode makes the renderer draw in Node.js processes (the program at
// path) instead of goja runtimes: the same ECharts bundle and harness, the
// same SVG bytes, about ten times less CPU per drawing. With fallback, a
// Node.js that does not start is given up for goja (Engine says why);
// without, the drawings fail with its error. Call it before the first
// Render.
func (r *Renderer) UseNode(path string, fallback bool) {
	r.mu.Lock()
	r.node, r.fallback = path, fallback
	r.mu.Unlock()
}

// Engine names what draws: "node" or "goja", and why Node.js was given
// up if it was.
func (r *Renderer) Engine() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case r.node != "":
		return "node"
	case r.nodeErr != nil:
		return "goja (" + r.nodeErr.Error() + ")"
	}
	return "goja"
}

// NodeGivenUp is why Node.js was given up for goja, nil if it was not.
func (r *Renderer) NodeGivenUp() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.nodeErr
}

// Prestart starts every worker now, in the background, for a build that
// will draw (a cold one): a Node.js process spends some 0.1–0.3 s reading
// the bundle before it draws, which then overlaps with loading the site.
// A goja worker that fails to start is tried again, and reported, when a
// chart is drawn; a Node.js one is given up as in startWorker.
func (r *Renderer) Prestart() {
	for range r.workers() {
		var w engine
		select {
		case w = <-r.slots:
		default:
			return // the others are drawing already
		}
		go func() {
			if w == nil {
				if started, err := r.startWorker(); err == nil {
					w = started
				}
			}
			r.slots <- w
		}()
	}
}

// Close ends the workers (Node.js processes end with it); the renderer
// stays usable and starts workers again when it next draws.
func (r *Renderer) Close() {
	// Every slot first, so that one out with a drawing or a start
	// (Prestart) is waited for, not passed over for an empty one put back.
	n := r.workers()
	held := make([]engine, 0, n)
	for range n {
		held = append(held, <-r.slots)
	}
	for _, w := range held {
		if w != nil {
			w.close()
		}
		r.slots <- nil
	}
}

// compiled compiles the ECharts bundle and the harness, once.
func (r *Renderer) compiled() error {
	r.compile.Do(func() {
		if r.bundle, r.compileErr = goja.Compile("echarts.min.js", string(r.source), false); r.compileErr != nil {
			r.compileErr = fmt.Errorf("chart: compile echarts bundle: %w", r.compileErr)
			return
		}
		if r.harness, r.compileErr = goja.Compile("harness.js", harnessSource, false); r.compileErr != nil {
			r.compileErr = fmt.Errorf("chart: compile harness: %w", r.compileErr)
		}
	})
	return r.compileErr
}
