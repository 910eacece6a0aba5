package photo

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"testing"

	"golang.org/x/image/draw"
)

// BenchmarkScale compares ways of making the widths of a 4000×3000
// photo: each width from the source, or a cascade (each from the one
// above), with Catmull-Rom or approximate bilinear.
func BenchmarkScale(b *testing.B) {
	img, err := jpeg.Decode(bytes.NewReader(phone()))
	if err != nil {
		b.Fatal(err)
	}
	info := Info{Width: 3000, Height: 4000, Orientation: 6}
	for _, tc := range []struct {
		name    string
		scaler  draw.Scaler
		cascade bool
	}{
		{"catmullrom-each", draw.CatmullRom, false},
		{"catmullrom-cascade", draw.CatmullRom, true},
		{"bilinear-each", draw.ApproxBiLinear, false},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if tc.cascade {
					scaleAll(img, info, Widths)
					continue
				}
				for _, w := range Widths {
					dst := image.NewNRGBA(image.Rect(0, 0, w*4/3, w))
					tc.scaler.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Src, nil)
				}
			}
		})
	}
}

// BenchmarkProcess is one 4000×3000 phone photo, cold (processed) and warm
// (read back from the store).
func BenchmarkProcess(b *testing.B) {
	src := phone()
	for _, warm := range []bool{false, true} {
		b.Run(fmt.Sprintf("warm=%v", warm), func(b *testing.B) {
			s := &memStore{m: map[string][]byte{}}
			if warm {
				if _, err := Process(src, s); err != nil {
					b.Fatal(err)
				}
			}
			for b.Loop() {
				var store Store
				if warm {
					store = s
				}
				if _, err := Process(src, store); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
