package render

import "math/bits"

// wordHash is a 64-bit hash that is the same in every process and on
// every machine: a build's page keys are kept beside its output (see
// reuse.go) and compared by the next build, so they cannot come from
// hash/maphash, whose seed is new in every process. Each 8-byte word of
// the input is folded into the state as in xxHash64's round (multiply,
// add, rotate, multiply: for a given word a bijection of the state), so
// two inputs of one length that differ in one word never collide; the
// length and SplitMix64's step close the sum. It tells whether an input changed; it is not
// made to resist someone who crafts collisions. The zero value is ready.
type wordHash struct {
	h    uint64
	tail uint64 // the bytes waiting for a whole word, the first in the lowest byte
	n    uint   // how many are waiting, 0 to 7
	len  uint64 // bytes written
}

// mix is SplitMix64's step: a bijection on uint64 that spreads every
// input bit over the output.
func mix(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

func (w *wordHash) reset() { *w = wordHash{} }

func (w *wordHash) word(x uint64) { w.h = bits.RotateLeft64(w.h+x*prime2, 31) * prime1 }

// xxHash64's primes; both odd, so multiplying by them is a bijection.
const (
	prime1 = 0x9e3779b185ebca87
	prime2 = 0xc2b2ae3d27d4eb4f
)

func (w *wordHash) write(p []byte)       { writeTo(w, p) }
func (w *wordHash) writeString(s string) { writeTo(w, s) }

// writeUint64 writes the 8 bytes of x, least significant first: the same
// as write(binary.LittleEndian.AppendUint64(nil, x)), without the bytes.
func (w *wordHash) writeUint64(x uint64) {
	w.len += 8
	s := 8 * w.n
	w.word(w.tail | x<<s)
	w.tail = x >> (64 - s) // 0 when none were waiting
}

// writeTo writes p, bytes or a string, to w: a whole word at a time,
// joined to the bytes waiting by shifts.
func writeTo[T string | []byte](w *wordHash, p T) {
	w.len += uint64(len(p))
	s := 8 * w.n
	for len(p) >= 8 {
		x := uint64(p[0]) | uint64(p[1])<<8 | uint64(p[2])<<16 | uint64(p[3])<<24 |
			uint64(p[4])<<32 | uint64(p[5])<<40 | uint64(p[6])<<48 | uint64(p[7])<<56
		w.word(w.tail | x<<s)
		w.tail = x >> (64 - s)
		p = p[8:]
	}
	for i := 0; i < len(p); i++ {
		w.tail |= uint64(p[i]) << s
		if s += 8; s == 64 {
			w.word(w.tail)
			w.tail, s = 0, 0
		}
	}
	w.n = s / 8
}

func (w *wordHash) writeByte(b byte) {
	w.len++
	w.tail |= uint64(b) << (8 * w.n)
	if w.n++; w.n == 8 {
		w.word(w.tail)
		w.tail, w.n = 0, 0
	}
}

// sum64 is the hash of what was written; writing may go on after it.
func (w *wordHash) sum64() uint64 {
	h := w.h
	if w.n > 0 {
		h = bits.RotateLeft64(h+w.tail*prime2, 31) * prime1
	}
	return mix(h ^ mix(w.len))
}

// hashBytes is the wordHash of b.
func hashBytes(b []byte) uint64 {
	var w wordHash
	w.write(b)
	return w.sum64()
}

// hashString is the wordHash of s.
func hashString(s string) uint64 {
	var w wordHash
	w.writeString(s)
	return w.sum64()
}
