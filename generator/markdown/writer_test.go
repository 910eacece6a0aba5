package markdown

import (
	"bufio"
	"bytes"
	"testing"

	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// FuzzPlainWriter holds plainWriter to goldmark's default writer: the
// same bytes out of Write and of RawWrite, for any text.
func FuzzPlainWriter(f *testing.F) {
	for _, s := range []string{"", "Tromsø og Bodø", "a < b & c > d", `sitat "her"`, `\*ikke\*`, "&amp; &#x22; &#34; &aring;", "nul\x00l", "a\\ b"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, raw := range []bool{false, true} {
			var want, got bytes.Buffer
			ww, gw := bufio.NewWriter(&want), bufio.NewWriter(&got)
			if raw {
				gmhtml.DefaultWriter.RawWrite(ww, src)
				plainWriter{gmhtml.DefaultWriter}.RawWrite(gw, src)
			} else {
				gmhtml.DefaultWriter.Write(ww, src)
				plainWriter{gmhtml.DefaultWriter}.Write(gw, src)
			}
			ww.Flush()
			gw.Flush()
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("raw %v: %q gave %q, the default writer %q", raw, src, got.Bytes(), want.Bytes())
			}
		}
	})
}
