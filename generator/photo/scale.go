package photo

import (
	"image"

	"golang.org/x/image/draw"
)

// scaleAll returns img scaled to each of widths (upright widths, narrow to
// wide) and turned upright. It first halves the source with a box filter
// while it stays at least twice the widest width, then scales the widest
// with Catmull-Rom and each narrower one from the one above it:
// Catmull-Rom's cost grows with the shrink factor, and steps under 2×
// cost a fraction of scaling every width from the source, with no visible
// difference (BenchmarkScale).
func scaleAll(img image.Image, info Info, widths []int) []image.Image {
	out := make([]image.Image, len(widths))
	turned := info.Orientation >= 5
	rgba := toRGBA(img)
	for uprightWidth(rgba, turned) >= 2*widths[len(widths)-1] {
		rgba = halve(rgba)
	}
	var prev image.Image = rgba
	for i := len(widths) - 1; i >= 0; i-- {
		w := widths[i]
		h := max(1, int(int64(w)*int64(info.Height)/int64(info.Width)))
		sw, sh := w, h // size in the stored (sideways) orientation
		if turned {
			sw, sh = h, w
		}
		dst := image.NewRGBA(image.Rect(0, 0, sw, sh))
		if b := prev.Bounds(); b.Dx() == sw && b.Dy() == sh {
			draw.Draw(dst, dst.Bounds(), prev, b.Min, draw.Src)
		} else {
			draw.CatmullRom.Scale(dst, dst.Bounds(), prev, prev.Bounds(), draw.Src, nil)
		}
		prev = dst
		out[i] = upright(dst, info.Orientation)
	}
	return out
}

// upright applies an EXIF orientation (1–8) to m.
func upright(m *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return m
	}
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dx, dy := orient(o, x, y, w, h)
			si := m.PixOffset(x+b.Min.X, y+b.Min.Y)
			di := dst.PixOffset(dx, dy)
			copy(dst.Pix[di:di+4], m.Pix[si:si+4])
		}
	}
	return dst
}

// orient maps a stored pixel (x, y) of a w×h picture to where it belongs
// upright, per the EXIF orientation o.
func orient(o, x, y, w, h int) (int, int) {
	switch o {
	case 2: // mirrored
		return w - 1 - x, y
	case 3: // turned half
		return w - 1 - x, h - 1 - y
	case 4: // mirrored upside down
		return x, h - 1 - y
	case 5: // mirrored along the main diagonal
		return y, x
	case 6: // stored a quarter turn anticlockwise: turn clockwise
		return h - 1 - y, x
	case 7:
		return h - 1 - y, w - 1 - x
	case 8: // turn anticlockwise
		return y, w - 1 - x
	}
	return x, y
}

// uprightWidth is the width m will have once turned upright.
func uprightWidth(m image.Image, turned bool) int {
	if turned {
		return m.Bounds().Dy()
	}
	return m.Bounds().Dx()
}
