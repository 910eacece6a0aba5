package photo

import (
	"image"

	"golang.org/x/image/draw"
)

// toRGBA converts a decoded picture to RGBA, the layout halve and the
// scaler's fast paths work on.
func toRGBA(img image.Image) *image.RGBA {
	if m, ok := img.(*image.RGBA); ok {
		return m
	}
	b := img.Bounds()
	m := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(m, m.Bounds(), img, b.Min, draw.Src)
	return m
}

// halve returns m at half its width and height, each pixel the mean of a
// 2×2 block: an exact box filter, far cheaper than Catmull-Rom over a
// wide shrink, and without its aliasing.
func halve(m *image.RGBA) *image.RGBA {
	w, h := m.Bounds().Dx()/2, m.Bounds().Dy()/2
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		r0 := m.Pix[(2*y)*m.Stride:]
		r1 := m.Pix[(2*y+1)*m.Stride:]
		d := dst.Pix[y*dst.Stride:]
		for x := 0; x < w; x++ {
			s := 8 * x
			for c := 0; c < 4; c++ {
				sum := uint16(r0[s+c]) + uint16(r0[s+4+c]) + uint16(r1[s+c]) + uint16(r1[s+4+c])
				d[4*x+c] = uint8((sum + 2) / 4)
			}
		}
	}
	return dst
}
