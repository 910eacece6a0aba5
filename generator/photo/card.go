package photo

import (
	"bytes"
	"image"
	"image/color"
	"image/png"

	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

// Share card size: what Facebook, LinkedIn and X show large (1.91:1).
const (
	CardWidth  = 1200
	CardHeight = 630
)

var (
	cardInk   = color.RGBA{0xff, 0xff, 0xff, 0xff}
	cardPaper = color.RGBA{0x0b, 0x4f, 0x6c, 0xff} // the site's --accent
	cardBand  = color.RGBA{0xb3, 0x41, 0x0e, 0xff} // the site's --focus
)

// Card draws the default share picture of a site: title large, then the
// tagline and one line of figures, white on the site's blue, as a PNG.
// The letters are the 7×13 bitmap font of x/image (basicfont, public
// domain, Latin-1 including æ, ø and å) scaled up in whole steps, so no
// font file is fetched or shipped, and the bytes are the same on every
// machine.
func Card(title, tagline, figures string) []byte {
	m := image.NewRGBA(image.Rect(0, 0, CardWidth, CardHeight))
	draw.Draw(m, m.Bounds(), image.NewUniform(cardPaper), image.Point{}, draw.Src)
	draw.Draw(m, image.Rect(0, CardHeight-36, CardWidth, CardHeight), image.NewUniform(cardBand), image.Point{}, draw.Src)
	y := 90
	for _, l := range []struct {
		text  string
		scale int
	}{{title, 12}, {tagline, 3}, {figures, 3}} {
		if l.text == "" {
			continue
		}
		scale := min(l.scale, (CardWidth-160)/max(1, 7*len([]rune(l.text))))
		drawText(m, l.text, 80, y, max(1, scale))
		y += 13*scale + 40
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, m); err != nil {
		panic("photo: png of an in-memory picture: " + err.Error()) // cannot fail on a bytes.Buffer
	}
	return buf.Bytes()
}

// drawText writes s at (x, y) (top left) in basicfont, scale times larger.
func drawText(dst *image.RGBA, s string, x, y, scale int) {
	face := basicfont.Face7x13
	w := font.MeasureString(face, s).Ceil()
	small := image.NewRGBA(image.Rect(0, 0, w, 13))
	d := font.Drawer{Dst: small, Src: image.NewUniform(cardInk), Face: face, Dot: fixed.P(0, 11)}
	d.DrawString(s)
	r := image.Rect(x, y, x+w*scale, y+13*scale)
	draw.NearestNeighbor.Scale(dst, r, small, small.Bounds(), draw.Over, nil)
}
