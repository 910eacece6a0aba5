// Package phototest makes synthetic phone photos for tests: a JPEG with an
// EXIF segment that says how the phone was held and where it stood (GPS).
// Nothing it makes is a real photo or a real place.
package phototest

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"math"
)

// GPSMarker is text stored in the synthetic GPS block; no output may
// contain it.
const GPSMarker = "SYNTETISK-GPS-67.28N-14.40E"

// GPSLatitude is the raw latitude of the GPS block (three rationals, big
// endian): 67° 16' 49.44"; no output may contain these bytes either.
var GPSLatitude = rationals(67, 1, 16, 1, 4944, 100)

// PhoneJPEG returns a w×h JPEG as a phone stores it (the sensor's sides,
// not turned), with an EXIF APP1 segment holding orientation and a GPS
// block. The picture is smooth colour with shapes and fine grain, so it
// compresses like a photo rather than like a flat test card.
func PhoneJPEG(w, h, orientation int) []byte {
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	seed := uint32(12345)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			seed = seed*1664525 + 1013904223
			fx, fy := float64(x)/float64(w), float64(y)/float64(h)
			// Texture at several scales, as leaves, gravel and fabric give.
			tex := 35*math.Sin(float64(x)*0.05)*math.Sin(float64(y)*0.07) +
				18*math.Sin(float64(x)*0.31+float64(y)*0.23) + 6*math.Sin(float64(x*y%977)*0.1)
			r := 90 + 120*fy + 20*math.Sin(fx*9) + tex
			g := 140 + 60*math.Sin(fx*3+fy*2) + tex
			b := 200 - 120*fy + tex/2
			if dx, dy := fx-0.3, fy-0.6; dx*dx+dy*dy < 0.02 { // a "head"
				r, g, b = 220, 170, 140
			}
			if fx > 0.6 && fx < 0.85 && fy > 0.3 { // a "door"
				r, g, b = 60+40*fy, 70, 90
			}
			n := float64(int(seed>>24)%17 - 8)
			yy, cb, cr := color.RGBToYCbCr(clamp(r+n), clamp(g+n), clamp(b+n))
			img.Y[img.YOffset(x, y)] = yy
			if x%2 == 0 && y%2 == 0 {
				ci := img.COffset(x, y)
				img.Cb[ci], img.Cr[ci] = cb, cr
			}
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 88}); err != nil {
		panic(err)
	}
	return WithEXIF(buf.Bytes(), orientation)
}

func clamp(v float64) uint8 { return uint8(max(0, min(255, v))) }

// WithEXIF puts an APP1 EXIF segment (orientation and GPS) right after
// the start marker of a JPEG.
func WithEXIF(j []byte, orientation int) []byte {
	seg := exifSegment(orientation)
	out := append([]byte{}, j[:2]...)
	out = append(out, 0xFF, 0xE1)
	out = binary.BigEndian.AppendUint16(out, uint16(len(seg)+2))
	out = append(out, seg...)
	return append(out, j[2:]...)
}

// exifSegment builds "Exif\0\0" and a big-endian TIFF with IFD0 holding
// Orientation and a GPS IFD pointer, and a GPS IFD with latitude and a
// text area information.
func exifSegment(orientation int) []byte {
	be := binary.BigEndian
	t := []byte("MM\x00\x2a\x00\x00\x00\x08")
	// IFD0 at 8: 2 entries, next-IFD 0 → 2+24+4 = 30 bytes; GPS IFD at 38.
	const gpsIFD = 38
	t = be.AppendUint16(t, 2)
	t = entry(t, 0x0112, 3, 1, uint32(orientation)<<16)
	t = entry(t, 0x8825, 4, 1, gpsIFD)
	t = be.AppendUint32(t, 0)
	// GPS IFD: 3 entries → 2+36+4 = 42 bytes; data at 80.
	lat := uint32(gpsIFD + 42)
	area := lat + uint32(len(GPSLatitude))
	t = be.AppendUint16(t, 3)
	t = entry(t, 0x0001, 2, 2, uint32('N')<<24)
	t = entry(t, 0x0002, 5, 3, lat)
	t = entry(t, 0x001C, 7, uint32(len(GPSMarker)), area)
	t = be.AppendUint32(t, 0)
	t = append(t, GPSLatitude...)
	t = append(t, GPSMarker...)
	return append([]byte("Exif\x00\x00"), t...)
}

func entry(t []byte, tag, typ uint16, count, value uint32) []byte {
	t = binary.BigEndian.AppendUint16(t, tag)
	t = binary.BigEndian.AppendUint16(t, typ)
	t = binary.BigEndian.AppendUint32(t, count)
	return binary.BigEndian.AppendUint32(t, value)
}

func rationals(v ...uint32) []byte {
	var out []byte
	for _, x := range v {
		out = binary.BigEndian.AppendUint32(out, x)
	}
	return out
}
