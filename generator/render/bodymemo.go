package render

// bodyMemo keeps, for a remembering engine, what a build found in each
// article's Markdown (its hashes, chart blocks, photos) under the address
// of the body's first byte: an article the site cache gives again is a
// copy of the one it parsed, with the same body slice, so what the last
// build found stands for it, and a changed file has a new body. What a
// build did not ask for is forgotten when it ends (turn).
//
// The two maps take turns: the one of the build before last is cleared
// and filled again, not made anew. At 10,000 articles the three memos
// each put 10,000 entries into a new map on every dev-server build, and
// growing them was a tenth of a title edit's CPU time.
type bodyMemo[V any] struct {
	last map[*byte]V // what the last build found
	now  map[*byte]V // what this build found so far
}

// lookup returns what the last build found in the body at id. It may be
// called from several goroutines at once, while none calls note or turn.
func (m *bodyMemo[V]) lookup(id *byte) (V, bool) {
	v, ok := m.last[id]
	return v, ok
}

// note keeps v as what this build found in the body at id.
func (m *bodyMemo[V]) note(id *byte, v V) {
	if m.now == nil {
		m.now = make(map[*byte]V, len(m.last))
	}
	m.now[id] = v
}

// turn ends a build: what it found becomes the last build's.
func (m *bodyMemo[V]) turn() {
	m.last, m.now = m.now, m.last
	clear(m.now)
}
