package render

import "testing"

// TestBodyMemoTurns checks that a build sees what the last build noted,
// and nothing a build before it noted, though the maps are reused.
func TestBodyMemoTurns(t *testing.T) {
	bodies := make([]byte, 3)
	a, b, c := &bodies[0], &bodies[1], &bodies[2]
	var m bodyMemo[string]
	m.note(a, "a1")
	m.note(b, "b1")
	if _, ok := m.lookup(a); ok {
		t.Fatal("a note is seen before the build ends")
	}
	m.turn()
	for n, step := range []struct {
		notes map[*byte]string
		want  map[*byte]string // what lookup gives after the turn
	}{
		{notes: map[*byte]string{a: "a2"}, want: map[*byte]string{a: "a2"}},
		{notes: map[*byte]string{c: "c3"}, want: map[*byte]string{c: "c3"}},
		{notes: nil, want: nil},
		{notes: map[*byte]string{b: "b5"}, want: map[*byte]string{b: "b5"}},
	} {
		for id, v := range step.notes {
			m.note(id, v)
		}
		m.turn()
		for i, id := range []*byte{a, b, c} {
			got, ok := m.lookup(id)
			if want, wantOK := step.want[id]; got != want || ok != wantOK {
				t.Errorf("step %d: lookup(%c) = %q, %v, want %q, %v", n, "abc"[i], got, ok, want, wantOK)
			}
		}
	}
}
