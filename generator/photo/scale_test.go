package photo

import (
	"image"
	"testing"
)

// TestUpright turns a 3×2 picture whose pixels are numbered 0–5 in reading
// order and compares the upright reading order with what EXIF means.
func TestUpright(t *testing.T) {
	cases := []struct {
		o    int
		want []uint8 // pixel numbers, upright, in reading order
	}{
		{1, []uint8{0, 1, 2, 3, 4, 5}},
		{2, []uint8{2, 1, 0, 5, 4, 3}},
		{3, []uint8{5, 4, 3, 2, 1, 0}},
		{4, []uint8{3, 4, 5, 0, 1, 2}},
		{5, []uint8{0, 3, 1, 4, 2, 5}},
		{6, []uint8{3, 0, 4, 1, 5, 2}},
		{7, []uint8{5, 2, 4, 1, 3, 0}},
		{8, []uint8{2, 5, 1, 4, 0, 3}},
	}
	for _, tc := range cases {
		m := image.NewRGBA(image.Rect(0, 0, 3, 2))
		for i := 0; i < 6; i++ {
			m.Pix[4*i] = uint8(i)
		}
		u := upright(m, tc.o)
		var got []uint8
		for i := 0; i < 6; i++ {
			got = append(got, u.Pix[4*i])
		}
		if string(got) != string(tc.want) {
			t.Errorf("orientation %d: got %v, want %v (size %v)", tc.o, got, tc.want, u.Bounds().Size())
		}
	}
}
