package chart

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// unsafeOracle is the regular expression unsafeMarkup replaces.
var unsafeOracle = regexp.MustCompile(`(?i)<(?:script|foreignObject|iframe|img|object|embed)\b|<[^>]*\son[a-z]+\s*=`)

// TestUnsafeMarkup holds unsafeMarkup to the regular expression's answers
// on chosen cases and on random strings of the characters that matter.
func TestUnsafeMarkup(t *testing.T) {
	cases := []string{
		"", "<", "<svg>", "<script>", "<SCRIPT src=x>", "<scripts>", "<script", "<img/>", "<imgx>",
		"<foreignObject>", "<foreignobjectx>", "<embed", "<path onclick=\"x\">", "<path\tONLOAD = 1>",
		"<path on=1>", "<path data-on=1>", "<path xonclick=1>", "<a <b onx=1>", "<a onx>=1", "text onclick=1",
		"<path d=\"M0 0\"/><text>on click=</text>", "<g><rect onmouseover\n=\"\"/></g>", "<p o nclick=1>",
		"< img>", "<_img>", "<img_>", "<iframe\n>",
	}
	for _, c := range cases {
		if got, want := unsafeMarkup(c), unsafeOracle.MatchString(c); got != want {
			t.Errorf("%q: got %v, the regular expression says %v", c, got, want)
		}
	}
	alphabet := []string{"<", ">", " ", "\n", "=", "on", "ON", "o", "n", "x", "script", "img", "Embed", "_", "1", "\"", "a"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		c := b.String()
		if got, want := unsafeMarkup(c), unsafeOracle.MatchString(c); got != want {
			t.Fatalf("%q: got %v, the regular expression says %v", c, got, want)
		}
	}
}

// BenchmarkUnsafeMarkup compares the scan with the regular expression on
// a drawn map's body.
func BenchmarkUnsafeMarkup(b *testing.B) {
	body := strings.Repeat(`<path d="M1 2L3 4Z" fill="#1f4e79" stroke="#fff" stroke-width="0.5"></path><text x="1" y="2">Bodø</text>`, 2000)
	b.Run("scan", func(b *testing.B) {
		for b.Loop() {
			unsafeMarkup(body)
		}
	})
	b.Run("regexp", func(b *testing.B) {
		for b.Loop() {
			unsafeOracle.MatchString(body)
		}
	})
}
