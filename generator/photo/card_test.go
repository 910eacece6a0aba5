package photo

import (
	"bytes"
	"image"
	"image/png"
	"testing"
)

func TestCard(t *testing.T) {
	b := Card("ALIS-Nord", "Utdanningsstillinger for fastleger i Nord-Norge", "Syntetisk: 1 deltaker, 2 stillinger")
	m, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if m.Bounds() != image.Rect(0, 0, 1200, 630) {
		t.Errorf("card is %v, want 1200×630", m.Bounds())
	}
	// The title is drawn: white pixels in its band, none below the text.
	white := 0
	for y := 90; y < 90+13*12; y++ {
		for x := 80; x < 80+9*7*12; x++ {
			if r, _, _, _ := m.At(x, y).RGBA(); r > 0xf000 {
				white++
			}
		}
	}
	if white < 5000 {
		t.Errorf("only %d white pixels where the title should be", white)
	}
	if !bytes.Equal(b, Card("ALIS-Nord", "Utdanningsstillinger for fastleger i Nord-Norge", "Syntetisk: 1 deltaker, 2 stillinger")) {
		t.Error("two cards of the same text differ")
	}
}
