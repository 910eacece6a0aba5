package render

import (
	"bytes"
	"sync"

	"alisnord/generator/photo"
)

// photoMemo keeps, for a remembering engine, each photo the last build
// processed with the source bytes it was made from, by source path. An
// edit that leaves a photo's file as it was still reads the file and
// compares it byte for byte, but neither hashes it nor reads and decodes
// its processed variants from the photo cache again; the variants keep
// their addresses, so the dev server's snapshot compares them at once.
type photoMemo struct {
	mu   sync.Mutex
	last map[string]memoPhoto // the last build's, by source path
	now  map[string]memoPhoto // this build's so far
}

// memoPhoto is one processed photo and the source it was made from.
type memoPhoto struct {
	src []byte
	p   *photo.Photo
}

// processedPhotos returns the engine's photo memo for one build, or nil when the
// engine forgets: a build processes each photo once anyway.
func (e *Engine) processedPhotos() *photoMemo {
	if e == nil || e.memory != Remember {
		return nil
	}
	if e.photoMemo == nil {
		e.photoMemo = &photoMemo{}
	}
	e.photoMemo.now = map[string]memoPhoto{}
	return e.photoMemo
}

// process is photo.Process for the source bytes src of the file at p,
// taken from the last build when the bytes are the same. Photos that fail
// are not kept: their problem is found again.
func (m *photoMemo) process(p string, src []byte, store photo.Store) (*photo.Photo, error) {
	if m == nil {
		return photo.Process(src, store)
	}
	m.mu.Lock()
	old, ok := m.last[p]
	m.mu.Unlock()
	if !ok || !bytes.Equal(old.src, src) {
		done, err := photo.Process(src, store)
		if err != nil {
			return nil, err
		}
		old = memoPhoto{src: src, p: done}
	}
	m.mu.Lock()
	m.now[p] = old
	m.mu.Unlock()
	return old.p, nil
}

// done ends a build: what it did not process is forgotten.
func (m *photoMemo) done() {
	if m != nil {
		m.last, m.now = m.now, nil
	}
}
