// Package photo turns the photos staff put beside their articles into the
// files a page shows: upright (EXIF orientation applied), stripped of every
// metadata byte (GPS, camera, owner), scaled to a few widths and encoded as
// WebP with a JPEG (or PNG) fallback. It reads bytes and returns bytes; the
// only thing it keeps between builds goes through a Store.
package photo

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"image"
	_ "image/gif" // refused with a clear message, but recognised
	"image/jpeg"
	"image/png"
	"runtime"

	"github.com/gen2brain/webp"
	"golang.org/x/sync/errgroup"
)

// Limits on a source file: larger files are refused before decoding, so a
// 100-megapixel panorama cannot take the build's memory.
const (
	MaxBytes  = 20 << 20   // 20 MB
	MaxPixels = 40_000_000 // 40 megapixels
)

// Widths are the widths a photo is scaled to, never above its own width.
// 240 serves the news list's 8rem thumbnails at 1×, 480 small phones at
// 1× and thumbnails at 2×, 800 phones at 2× and the 42rem column at 1×,
// 1200 phones at 3×, 1600 the column at 2×.
var Widths = []int{240, 480, 800, 1200, 1600}

// Quality settings of the encoders, part of the cache key.
const (
	jpegQuality = 72
	webpQuality = 70
	webpMethod  = 4
	// encoderVersion changes whenever the output of the same settings
	// would change (a new scaler, a new libwebp), so old cache entries are
	// not reused.
	encoderVersion = "photo-3 webp-0.5.5 x/image-0.48 halve+catmullrom-cascade"
)

// Store keeps processed photos between builds (output.Cache does).
type Store interface {
	Get(key string) ([]byte, bool)
	Put(key string, data []byte)
}

// Variant is one encoded file of a photo.
type Variant struct {
	Width, Height int
	Format        string // "webp", "jpeg" or "png"
	Data          []byte
}

// Photo is a processed photo: its upright size and every variant, the
// WebP ones first, each format from narrow to wide.
type Photo struct {
	Width, Height int
	Key           string // hex hash of the source and the settings
	Variants      []Variant
}

// Info is what Check learns from a file's header.
type Info struct {
	Format        string // "jpeg", "png" or "webp"
	Width, Height int    // upright
	Orientation   int
}

// Error is a problem with a source file, in Norwegian, for the editor.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

func errorf(format string, a ...any) error { return &Error{Msg: fmt.Sprintf(format, a...)} }

// Check reads only the header of src and refuses what the build cannot or
// should not process: unknown or corrupt files, files over MaxBytes, and
// pictures over MaxPixels.
func Check(src []byte) (Info, error) {
	if len(src) > MaxBytes {
		return Info{}, errorf("bildet er %.1f MB; største tillatte er %d MB (lagre det mindre, for eksempel 2000 piksler bredt)", float64(len(src))/(1<<20), MaxBytes>>20)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(src))
	if err != nil {
		return Info{}, errorf("filen er ikke et bilde som kan leses (JPEG, PNG eller WebP), eller den er skadet")
	}
	switch format {
	case "jpeg", "png", "webp":
	default:
		return Info{}, errorf("bildeformatet %s støttes ikke; bruk JPEG, PNG eller WebP", format)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Info{}, errorf("bildet har ingen størrelse")
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > MaxPixels {
		return Info{}, errorf("bildet er %d×%d piksler (%.0f megapiksler); største tillatte er %d megapiksler", cfg.Width, cfg.Height, float64(px)/1e6, MaxPixels/1_000_000)
	}
	info := Info{Format: format, Width: cfg.Width, Height: cfg.Height, Orientation: 1}
	if format == "jpeg" {
		info.Orientation = Orientation(src)
	}
	if info.Orientation >= 5 { // a quarter turn swaps the sides
		info.Width, info.Height = info.Height, info.Width
	}
	return info, nil
}

// Key is the cache key of src under the current settings.
func Key(src []byte) string {
	h := sha256.New()
	h.Write(src)
	fmt.Fprintf(h, "\x00%s %v q%d w%d m%d dynamic=%v", encoderVersion, Widths, jpegQuality, webpQuality, webpMethod, webp.Dynamic() == nil)
	return hex.EncodeToString(h.Sum(nil))
}

// Process checks, decodes, turns upright, scales and encodes src. With a
// store, an unchanged photo is read back instead of processed again.
func Process(src []byte, store Store) (*Photo, error) {
	info, err := Check(src)
	if err != nil {
		return nil, err
	}
	key := Key(src)
	if store != nil {
		if b, ok := store.Get(key); ok {
			var p Photo
			if gob.NewDecoder(bytes.NewReader(b)).Decode(&p) == nil && p.Key == key {
				return &p, nil
			}
		}
	}
	p, err := process(src, info, key)
	if err != nil {
		return nil, err
	}
	if store != nil {
		var buf bytes.Buffer
		if gob.NewEncoder(&buf).Encode(p) == nil {
			store.Put(key, buf.Bytes())
		}
	}
	return p, nil
}

func process(src []byte, info Info, key string) (*Photo, error) {
	img, _, err := image.Decode(bytes.NewReader(src))
	if err != nil {
		return nil, errorf("bildet er skadet og kan ikke leses: %v", err)
	}
	widths := targetWidths(info.Width)
	scaled := scaleAll(img, info, widths)
	fallback := "jpeg"
	if !opaque(img) {
		fallback = "png"
	}
	p := &Photo{Width: info.Width, Height: info.Height, Key: key}
	p.Variants = make([]Variant, 2*len(scaled))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, m := range scaled {
		b := m.Bounds()
		p.Variants[i] = Variant{Width: b.Dx(), Height: b.Dy(), Format: "webp"}
		p.Variants[len(scaled)+i] = Variant{Width: b.Dx(), Height: b.Dy(), Format: fallback}
		g.Go(func() error { return encode(&p.Variants[i], m) })
		g.Go(func() error { return encode(&p.Variants[len(scaled)+i], m) })
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return p, nil
}

// targetWidths lists the widths for an upright width w: every standard
// width below w, and w itself when it is narrower than the widest.
func targetWidths(w int) []int {
	var out []int
	for _, x := range Widths {
		if x < w {
			out = append(out, x)
		}
	}
	if w < Widths[len(Widths)-1] {
		out = append(out, w)
	}
	return out
}

// encode fills v.Data from m in v.Format. The encoders write no metadata.
func encode(v *Variant, m image.Image) error {
	var buf bytes.Buffer
	var err error
	switch v.Format {
	case "webp":
		err = webp.Encode(&buf, m, webp.Options{Quality: webpQuality, Method: webpMethod})
	case "jpeg":
		err = jpeg.Encode(&buf, m, &jpeg.Options{Quality: jpegQuality})
	case "png":
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, m)
	}
	if err != nil {
		return fmt.Errorf("kan ikke lagre bildet som %s: %w", v.Format, err)
	}
	v.Data = buf.Bytes()
	return nil
}

// opaque tells whether img has no transparent pixel worth keeping.
func opaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return true
}
