package photo

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"sync"
	"testing"

	"alisnord/generator/photo/phototest"
)

// phone is the synthetic 4000×3000 phone photo (Orientation 6, GPS),
// made once for the package's tests.
var phone = sync.OnceValue(func() []byte { return phototest.PhoneJPEG(4000, 3000, 6) })

func TestProcessPhonePhoto(t *testing.T) {
	p, err := Process(phone(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Width != 3000 || p.Height != 4000 {
		t.Errorf("upright size %d×%d, want 3000×4000 (Orientation 6 turns 4000×3000)", p.Width, p.Height)
	}
	var widths []int
	for _, v := range p.Variants {
		if v.Height <= v.Width {
			t.Errorf("%s %d×%d is not upright", v.Format, v.Width, v.Height)
		}
		if v.Format == "webp" {
			widths = append(widths, v.Width)
		}
		got, format, err := image.DecodeConfig(bytes.NewReader(v.Data))
		if err != nil || format != v.Format || got.Width != v.Width || got.Height != v.Height {
			t.Errorf("variant %s %d×%d decodes as %s %d×%d (%v)", v.Format, v.Width, v.Height, format, got.Width, got.Height, err)
		}
		for _, secret := range [][]byte{[]byte(phototest.GPSMarker), phototest.GPSLatitude, []byte("Exif\x00")} {
			if bytes.Contains(v.Data, secret) {
				t.Errorf("%s %d px contains metadata %q", v.Format, v.Width, secret)
			}
		}
		t.Logf("%s %4d×%-4d %6d bytes", v.Format, v.Width, v.Height, len(v.Data))
	}
	if len(widths) < 3 {
		t.Errorf("WebP widths %v, want at least 3", widths)
	}
	if v := find(p, "webp", 800); v == nil || len(v.Data) > 80_000 {
		t.Errorf("the 800 px WebP a phone at 2× picks should be under 80 KB: %v", sizeOf(v))
	}
}

func find(p *Photo, format string, w int) *Variant {
	for i, v := range p.Variants {
		if v.Format == format && v.Width == w {
			return &p.Variants[i]
		}
	}
	return nil
}

func sizeOf(v *Variant) any {
	if v == nil {
		return "missing"
	}
	return len(v.Data)
}

func TestProcessIsDeterministic(t *testing.T) {
	src := phototest.PhoneJPEG(1300, 900, 8)
	a, err := Process(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Process(src, nil)
	for i := range a.Variants {
		if !bytes.Equal(a.Variants[i].Data, b.Variants[i].Data) {
			t.Errorf("variant %d (%s %d px) differs between two runs", i, a.Variants[i].Format, a.Variants[i].Width)
		}
	}
	if got := []int{a.Width, a.Height, len(a.Variants)}; got[0] != 900 || got[1] != 1300 || got[2] != 8 {
		t.Errorf("width, height, variants = %v, want 900, 1300, 8 (240, 480, 800 and 900 as WebP and JPEG)", got)
	}
}

// memStore is a Store in memory that counts its hits.
type memStore struct {
	m    map[string][]byte
	hits int
}

func (s *memStore) Get(k string) ([]byte, bool) { b, ok := s.m[k]; s.hits += btoi(ok); return b, ok }
func (s *memStore) Put(k string, b []byte)      { s.m[k] = b }

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestProcessUsesStore(t *testing.T) {
	src := phototest.PhoneJPEG(600, 400, 1)
	s := &memStore{m: map[string][]byte{}}
	a, err := Process(src, s)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Process(src, s)
	if err != nil || s.hits != 1 {
		t.Fatalf("second Process: hits %d, err %v", s.hits, err)
	}
	if len(a.Variants) != len(b.Variants) || !bytes.Equal(a.Variants[0].Data, b.Variants[0].Data) {
		t.Error("the stored photo differs from the processed one")
	}
	for k := range s.m {
		s.m[k] = []byte("broken")
	}
	if _, err := Process(src, s); err != nil {
		t.Errorf("a broken cache entry should be processed again, got %v", err)
	}
}

func TestCheckRefuses(t *testing.T) {
	var pngBuf bytes.Buffer
	_ = png.Encode(&pngBuf, image.NewGray(image.Rect(0, 0, 8000, 6000)))
	cases := []struct {
		name, src, want string
	}{
		{"text file", "hei", "ikke et bilde"},
		{"cut off", string(phone()[:20]), "ikke et bilde"},
		{"gif", "GIF89a\x01\x00\x01\x00\x00\x00\x00;", "støttes ikke"},
		{"over 40 megapixels", pngBuf.String(), "48 megapiksler"},
		{"over 20 MB", "\xff\xd8" + strings.Repeat("x", MaxBytes), "største tillatte er 20 MB"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Check([]byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Check = %v, want an error with %q", err, tc.want)
			}
		})
	}
}
