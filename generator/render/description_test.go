package render

import (
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
