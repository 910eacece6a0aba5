package corpus

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// words is a Norwegian-looking vocabulary for the synthetic articles. The
// text it makes reads like bokmål but says nothing; it only has to cost
// what real news text costs to parse and render.
var words = strings.Fields(`
kommune kommunene fastlege fastlegene lege legene helse helsesjef prosjekt prosjektet
stilling stillingen stillinger utdanning spesialisering allmennmedisin sykehus sykehuset
pasient pasientene liste lista avtale avtalen modell modellen fastlønn næring rekruttering
nord landsdelen fylke området områdene styringsgruppe møte møtet konferanse søknad søknader
tilbud deltaker deltakerne samarbeid erfaring erfaringer kunnskap veileder veiledning gruppe
og i på til for med av som er var har hadde skal kan vil må blir ble være bli det den de
en et ett to tre fire fem mange flere noen alle hver hele store små nye gamle gode beste
år måned uke dag høsten våren vinteren sommeren nå da siden etter før under over mellom
også bare likevel derfor fordi samtidig særlig spesielt allerede fortsatt igjen sammen
arbeid arbeidet plan planen mål målet resultat resultatene rapport rapporten tall tallene
kontor legekontor vakt legevakt turnus tjeneste tjenesten tilbudet utvikling utviklingen
økonomi tilskudd midler budsjett kostnad kostnadene ordning ordningen forslag vedtak
beholde skaffe lyse utlyse ansette ansatt ansatte søke søkte svare svarte jobbe jobbet
ønsker ønsket viser viste mener mente sier sa forteller fortalte gjelder gjaldt trenger
lokalt regionalt nasjonalt tydelig viktig nødvendig mulig vanskelig enkel enkelt krevende
Bodø Tromsø Alta Harstad Narvik Rana Vadsø Hammerfest Brønnøy Vefsn Lofoten Helgeland Finnmark
`)

// tagNames are the 20 general synthetic tags; allTags adds a tag per
// theme and town, as a real archive gathers many narrow ones.
var tagNames = []string{
	"rekruttering", "fastlønn", "næring", "utdanning", "veiledning", "legevakt", "sykehusår",
	"styringsgruppen", "konferanse", "søknader", "deltakere", "Finnmark", "Helgeland",
	"Nordland", "Troms", "økonomi", "evaluering", "kommunene", "samarbeid", "erfaringer",
}

var (
	tagThemes = []string{"legevakt", "rekruttering", "veiledning", "fastlønn", "samarbeid"}
	tagTowns  = []string{"Bodø", "Tromsø", "Alta", "Harstad", "Narvik", "Rana", "Vadsø", "Hammerfest",
		"Brønnøy", "Vefsn", "Lofoten", "Vesterålen"}
)

// allTags is tagNames and one tag per theme and town: 80 in all.
func allTags() []string {
	out := slices.Clone(tagNames)
	for _, theme := range tagThemes {
		for _, town := range tagTowns {
			out = append(out, theme+" "+town)
		}
	}
	return out
}

// writer builds one article's Markdown body.
type writer struct {
	rng   *rand.Rand
	b     strings.Builder
	words int
}

func (w *writer) word() string { return words[w.rng.IntN(len(words))] }

// sentence writes n words, capitalised, with some emphasis, and a full stop.
func (w *writer) sentence(n int) {
	w.phrase(n)
	w.b.WriteString(". ")
}

// phrase writes n words, capitalised, with some emphasis.
func (w *writer) phrase(n int) {
	for i := range n {
		wd := w.word()
		if i == 0 {
			r, size := utf8.DecodeRuneInString(wd)
			wd = string(unicode.ToUpper(r)) + wd[size:]
		} else {
			w.b.WriteByte(' ')
		}
		switch r := w.rng.IntN(40); {
		case r == 0 && i > 0:
			wd = "*" + wd + "*"
		case r == 1 && i > 0:
			wd = "**" + wd + "**"
		case r == 2 && i > 0 && i < n-1:
			wd += ","
		}
		w.b.WriteString(wd)
	}
	w.words += n
}

func (w *writer) paragraph(sentences int) {
	for range sentences {
		w.sentence(6 + w.rng.IntN(10))
	}
	w.b.WriteString("\n\n")
}

func (w *writer) heading() {
	w.b.WriteString("## ")
	w.phrase(2 + w.rng.IntN(4))
	w.b.WriteString("\n\n")
}

func (w *writer) list(ordered bool) {
	for i := range 3 + w.rng.IntN(3) {
		if ordered {
			fmt.Fprintf(&w.b, "%d. ", i+1)
		} else {
			w.b.WriteString("- ")
		}
		w.sentence(4 + w.rng.IntN(6))
		w.b.WriteString("\n")
	}
	w.b.WriteString("\n")
}

// links is what an article links to: older articles by slug (one
// root-absolute, one relative to the article's page), its first tag, and
// the number of its photo (0 for none).
type links struct {
	absolute, relative, tag string
	photo                   int
}

// links writes a paragraph with the links of l and one external link, and
// the photo after it.
func (w *writer) links(l links) {
	w.sentence(8)
	if l.absolute != "" {
		fmt.Fprintf(&w.b, "Les også [den eldre saken](/nyheter/%s/) og [en sak fra før](../%s/). ", l.absolute, l.relative)
	}
	fmt.Fprintf(&w.b, "Flere saker står under [emnet %s](/tagger/%s/), og bakgrunnen finnes hos [Helsedirektoratet](https://www.helsedirektoratet.no/). ", l.tag, slugify(l.tag))
	w.words += 22
	w.sentence(10)
	w.b.WriteString("\n\n")
	if l.photo > 0 {
		fmt.Fprintf(&w.b, "![Syntetisk testbilde %d](%s \"Syntetisk bilde. Foto: Ingen\")\n\n", l.photo, photoName)
	}
}

// quote writes a block quote of two sentences and a made-up source.
func (w *writer) quote() {
	w.b.WriteString("> ")
	w.sentence(8 + w.rng.IntN(8))
	w.sentence(6 + w.rng.IntN(8))
	w.b.WriteString("\n>\n> — Syntetisk kilde\n\n")
}

// table writes a table of made-up figures per town.
func (w *writer) table() {
	w.b.WriteString("| Kommune | Stillinger | Søknader |\n|---|--:|--:|\n")
	for _, i := range w.rng.Perm(len(tagTowns))[:3+w.rng.IntN(4)] {
		fmt.Fprintf(&w.b, "| %s | %d | %d |\n", tagTowns[i], 1+w.rng.IntN(6), 2+w.rng.IntN(30))
	}
	w.b.WriteString("\n")
	w.words += 20
}

// body writes about target words: a short notice is two or three
// paragraphs and the links; longer text adds headings, lists, block quotes
// and tables.
func body(rng *rand.Rand, l links, target int) string {
	w := &writer{rng: rng}
	w.paragraph(2 + rng.IntN(2))
	w.links(l)
	if target <= shortWords {
		return w.b.String()
	}
	w.heading()
	w.paragraph(4)
	w.list(false)
	if rng.IntN(3) == 0 {
		w.quote()
	}
	w.heading()
	w.paragraph(3)
	if rng.IntN(4) == 0 {
		w.table()
	}
	w.list(true)
	for w.words < target {
		switch r := w.rng.IntN(24); {
		case r < 8:
			w.heading()
		case r == 8:
			w.quote()
		case r == 9:
			w.table()
		}
		w.paragraph(3 + w.rng.IntN(3))
	}
	return w.b.String()
}

// title is a short sentence without the final full stop.
func title(rng *rand.Rand) string {
	w := &writer{rng: rng}
	w.phrase(4 + rng.IntN(5))
	return w.b.String()
}

// slugify is the generator's rule for the few characters the synthetic
// names use: lower case, æ/ø/å folded, spaces to hyphens.
func slugify(s string) string {
	return strings.NewReplacer(" ", "-", "æ", "ae", "ø", "o", "å", "a").Replace(strings.ToLower(s))
}
