package site

import (
	"testing"

	"alisnord/generator/diag"
)

// TestTOMLMessages decodes broken TOML and expects the library's message
// in Norwegian, at the library's place.
func TestTOMLMessages(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"no value", "a = \n", "f.toml:1:5: her mangler en verdi (fant '\\n'): tekst skal stå i anførselstegn, tall og datoer uten"},
		{"bare word", "a = ja\n", `f.toml:1:5: her mangler en verdi (fant "ja"): tekst skal stå i anførselstegn, tall og datoer uten`},
		{"impossible date", "a = 2019-02-29\n", "f.toml:1:5: 2019-02-29 er ikke en dato som finnes: skriv ÅÅÅÅ-MM-DD med en gyldig måned og dag"},
		{"twice", "a = 1\na = 2\n", "f.toml:2:7: a står to ganger: slett den ene"},
		{"unclosed string", "a = \"x\nb = 1\n", `f.toml:1:7: teksten mangler et avsluttende anførselstegn på denne linjen: sett inn " (eller bruk """ for tekst over flere linjer)`},
		{"unclosed at end", "a = \"x", `f.toml:1:6: filen slutter før teksten er lukket: sett inn " på slutten av teksten`},
		{"two values", "a = 1 2\n", `f.toml:1:6: uventet '2' etter verdien: skriv én verdi per linje, og tekst i anførselstegn`},
		{"blank key", "= 1\n", "f.toml:1:1: feltnavnet mangler foran =: skriv navn = verdi"},
		{"space in key", "to ord = 1\n", "f.toml:1:4: ventet = etter feltnavnet, men fant 'o': skriv navn = verdi (mellomrom i navn er ikke lov)"},
		{"list without comma", "a = [1 2]\n", "f.toml:1:8: listen mangler komma eller ] (fant '2'): skill verdiene med komma og lukk listen med ]"},
		{"table header", "[[a]\nb = 1\n", "f.toml:1:4: tabellnavnet er ikke skrevet riktig: skriv [navn] eller [[navn]] på en linje for seg"},
		{"leading zero", "a = 019\n", "f.toml:1:5: et tall kan ikke begynne med 0: fjern nullen foran"},
		{"comma decimal", "a = 19,5\n", "f.toml:1:7: uventet ',' etter verdien: skriv én verdi per linje, og tekst i anførselstegn"},
		{"bad escape", `a = "C:\mappe"` + "\n", `f.toml:1:6: ugyldig \-tegn i teksten: skriv \\ for en omvendt skråstrek`},
		{"table and key", "a = 1\n[a]\n", "f.toml:2:2: a står to ganger: slett den ene"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ds diag.Diagnostics
			var v map[string]any
			decodeTOML("f.toml", []byte(tc.src), 0, &v, &ds)
			if len(ds) != 1 || ds[0].String() != tc.want {
				t.Errorf("want\n%s\ngot\n%v", tc.want, ds)
			}
		})
	}
}

// TestUnknownKey names the key that was meant when one is close, and
// otherwise the keys the table knows.
func TestUnknownKey(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"typo", "titel = \"x\"\n", `f.toml:1:1: ukjent felt "titel" (mente du "title"?)`},
		{"nothing close", "bildetekst = \"rød\"\n", `f.toml:1:1: ukjent felt "bildetekst": rett navnet, eller fjern linjen (kjente felt her: author, date, draft, expiryDate, image, image_alt, lastmod, layout, publishDate, summary, tags, tall_per, title)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ds diag.Diagnostics
			var fm frontMatter
			decodeTOML("f.toml", []byte(tc.src), 0, &fm, &ds)
			if len(ds) != 1 || ds[0].String() != tc.want {
				t.Errorf("want\n%s\ngot\n%v", tc.want, ds)
			}
		})
	}
}
