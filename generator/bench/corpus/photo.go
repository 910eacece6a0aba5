package corpus

import (
	"encoding/binary"
	"fmt"
	"sync"

	"alisnord/generator/photo/phototest"
)

// PhotoEvery is how often an article is a page bundle with a photo: the
// 200th, 400th, … article. A phone's 4000×3000 photos cost a build far more
// than text; the photo bench (generator/bench, -photos) measures those.
const PhotoEvery = 200

// photoName is the bundle's photo beside index.md.
const photoName = "bilde.jpg"

func hasPhoto(i int) bool { return (i+1)%PhotoEvery == 0 }

// photo is the synthetic phone photo the bundles share, made once.
var photo = sync.OnceValue(func() []byte { return phototest.PhoneJPEG(800, 600, 6) })

// Photo is the synthetic photo of article i: the shared one, numbered so
// that each article's photo has its own bytes and is processed on its own.
func Photo(i int) []byte { return Numbered(photo(), i) }

// Numbered puts a JPEG comment segment with i right after the start
// marker, so n copies of one photo are n different files.
func Numbered(jpeg []byte, i int) []byte {
	com := []byte(fmt.Sprintf("syntetisk bilde %d", i))
	out := append([]byte{}, jpeg[:2]...)
	out = append(out, 0xFF, 0xFE)
	out = binary.BigEndian.AppendUint16(out, uint16(len(com)+2))
	out = append(out, com...)
	return append(out, jpeg[2:]...)
}
