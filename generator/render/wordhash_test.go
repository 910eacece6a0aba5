package render

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// TestWordHashStable holds the hash to values computed once: a build's
// page keys are compared with those the last build wrote, possibly by
// another process on another machine, so the hash must never depend on
// the process (as maphash's seed does) or the byte order. The values
// were computed by an independent implementation of the same algorithm.
func TestWordHashStable(t *testing.T) {
	for _, c := range []struct {
		in   string
		want uint64
	}{
		{"", 0xa706dd2f4d197e6f},
		{"a", 0xccaf2e44b080552e},
		{"nyheter/artikkel-00042/index.html", 0xa312766554e577ef},
	} {
		if got := hashBytes([]byte(c.in)); got != c.want {
			t.Errorf("hashBytes(%q) = %#x, want %#x", c.in, got, c.want)
		}
	}
}

// TestWordHashStreams checks that the sum does not depend on how the
// input is cut into writes, nor on writing bytes, strings or words
// (writeUint64), and that it
// sees a change of any one byte and of the length.
func TestWordHashStreams(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		b := make([]byte, rng.IntN(70))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		want := hashBytes(b)
		var w wordHash
		for rest := b; len(rest) > 0; {
			n := min(len(rest), rng.IntN(11))
			switch rng.IntN(4) {
			case 3:
				if n == 8 {
					w.writeUint64(binary.LittleEndian.Uint64(rest))
					break
				}
				fallthrough
			case 0:
				w.write(rest[:n])
			case 1:
				w.writeString(string(rest[:n]))
			default:
				if n > 0 {
					w.writeByte(rest[0])
					n = 1
				}
			}
			rest = rest[n:]
		}
		if got := w.sum64(); got != want {
			t.Fatalf("%x: cut into writes %#x, whole %#x", b, got, want)
		}
		if len(b) > 0 {
			c := append([]byte(nil), b...)
			c[rng.IntN(len(c))] ^= byte(1 + rng.IntN(255))
			if hashBytes(c) == want {
				t.Fatalf("%x: a changed byte gives the same sum", b)
			}
		}
		if hashBytes(append(b, 0)) == want {
			t.Fatalf("%x: a zero byte more gives the same sum", b)
		}
	}
}
