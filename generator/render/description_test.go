package render

import (
	"bytes"
	"strings"
	"testing"

	"alisnord/generator/site"
)

func TestDescription(t *testing.T) {
	long := strings.Repeat("Ordene går videre ", 20)
	cases := []struct{ name, summary, body, want string }{
		{"summary wins", "Kort.", "Tekst.", "Kort."},
		{"first paragraph", "", "## Tittel\n\n![Bilde](a.jpg)\n\nDen *første* [lenken](/om/) her\nfortsetter.\n\nAndre.", "Den første lenken her fortsetter."},
		{"cut at a word", "", long, strings.TrimSpace(strings.Repeat("Ordene går videre ", 8)) + " Ordene går …"}, // 159 characters
		{"nothing", "", "## Bare tittel\n", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := description(&site.Article{Meta: site.Meta{Summary: tc.summary}, Body: []byte(tc.body)})
			if got != tc.want {
				t.Errorf("description = %q, want %q", got, tc.want)
			}
		})
	}
}

// FuzzFirstParagraph holds firstParagraph, which reads the body a block at
// a time, to what it did when it split the whole body first.
func FuzzFirstParagraph(f *testing.F) {
	for _, s := range []string{"", "a", "\n\n", "## T\n\nTekst her.\n", "- a\n\n\n\n  b  c\n\nd", "1. x\n\n \t\n\n*y*", "a\n\n", "Første linje\nandre linje.\n\nNeste.", "# T\nTekst"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		want := ""
		for _, block := range bytes.Split(body, []byte("\n\n")) {
			b := strings.TrimSpace(string(block))
			if b != "" && !strings.ContainsAny(b[:1], "#-*>|!`{<0123456789") {
				want = strings.Join(strings.Fields(b), " ")
				break
			}
		}
		if got := firstParagraph(body); got != want {
			t.Errorf("firstParagraph(%q) = %q, want %q", body, got, want)
		}
	})
}
