package chart

// Store keeps raw ECharts renders between builds, keyed by a hex hash of
// everything that decides them: the bundle, the harness, the option and
// the size. A store is only a shortcut: a miss or a failed Put just means
// ECharts runs.
type Store interface {
	Get(key string) ([]byte, bool)
	Put(key string, svg []byte)
}

// Pruner is a Store that can forget entries. When the store given to
// UseStore is one, the renderer calls Prune at the end of every round of
// Render calls with the keys that round looked up, so a store that the
// dev server fills edit after edit keeps only what the current site
// shows. A store given to UseReadOnlyStore is never pruned.
type Pruner interface {
	Prune(keep map[string]bool)
}

// storeVersion changes when the way a raw render is made changes outside
// the bundle and the harness (the stopped clock, say), to retire old entries.
const storeVersion = "1"

// UseStore makes r look up raw renders in st before running ECharts, and
// keep new ones there. Call it before the first Render.
func (r *Renderer) UseStore(st Store) { r.store, r.readOnly = st, false }

// UseReadOnlyStore makes r look up raw renders in st but never add to or
// prune it: for a check, which must write nothing. Call it before the
// first Render.
func (r *Renderer) UseReadOnlyStore(st Store) { r.store, r.readOnly = st, true }

// startRound joins the current round of Render calls, or starts one, and
// returns its number.
func (r *Renderer) startRound() uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.inFlight == 0 {
		r.round++
	}
	r.inFlight++
	return r.round
}

// endRound leaves the round; the last call to leave drops the in-memory
// renders the round did not use and prunes the store to the keys it did.
func (r *Renderer) endRound() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.inFlight--; r.inFlight > 0 {
		return
	}
	for key, e := range r.cache {
		if e.round != r.round {
			delete(r.cache, key)
		}
	}
	used := r.used
	r.used = map[string]bool{}
	if p, ok := r.store.(Pruner); ok && !r.readOnly {
		p.Prune(used)
	}
}
