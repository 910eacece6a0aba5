package photo

import (
	"testing"

	"alisnord/generator/photo/phototest"
)

func TestOrientation(t *testing.T) {
	small := phototest.PhoneJPEG(8, 6, 6)
	cases := []struct {
		name string
		in   []byte
		want int
	}{
		{"phone held upright", small, 6},
		{"each value", phototest.WithEXIF(small[:2+0], 3), 3}, // SOI only, then EXIF: still read
		{"no exif", []byte{0xFF, 0xD8, 0xFF, 0xD9}, 1},
		{"not a jpeg", []byte("PNG..."), 1},
		{"empty", nil, 1},
		{"truncated segment", small[:12], 1},
		{"out of range", phototest.WithEXIF([]byte{0xFF, 0xD8}, 9), 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Orientation(tc.in); got != tc.want {
				t.Errorf("Orientation = %d, want %d", got, tc.want)
			}
		})
	}
}

// FuzzOrientation: any bytes give 1–8 and never panic or read out of range.
func FuzzOrientation(f *testing.F) {
	f.Add(phototest.PhoneJPEG(8, 6, 6))
	f.Add(phototest.WithEXIF([]byte{0xFF, 0xD8}, 8))
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x08, 'E', 'x', 'i', 'f', 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		if o := Orientation(b); o < 1 || o > 8 {
			t.Fatalf("Orientation = %d", o)
		}
	})
}
