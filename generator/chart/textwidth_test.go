package chart

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os/exec"
	"strings"
	"testing"
)

// measureDriver runs textwidth.js as the Node.js host does and measures
// every case of its input.
const measureDriver = `
const vm = require('vm');
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', function (d) { input += d; });
process.stdin.on('end', function () {
  const x = JSON.parse(input);
  const measure = vm.compileFunction(x.src, ['glyphs'])(x.glyphs);
  process.stdout.write(JSON.stringify(x.cases.map(function (c) { return measure(c[0], c[1]); })));
});
`

// TestMeasureAgrees measures texts in fonts with textwidth.js in node and
// with measureText here, and wants the same float64s: the Node.js host
// measures in JavaScript what a goja worker asks Go for. The cases cover
// every branch of advance (table, extra runes, zero-width, wide, the
// rest), bold and regular, sizes with decimals, odd font strings, text
// outside the Basic Multilingual Plane, bytes that are not UTF-8 and a
// lone surrogate (which reaches Go as U+FFFD); 3,000 more are random.
func TestMeasureAgrees(t *testing.T) {
	node := nodeOrSkip(t)
	type measureCase struct {
		js   string // the case as JSON: [text, font]
		text string // the text as Go measures it
		font string
	}
	var cases []measureCase
	add := func(text, font string) {
		b, err := json.Marshal([2]string{text, font})
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, measureCase{string(b), text, font})
	}
	fonts := []string{"", "12px sans-serif", "bold 14px system-ui, sans-serif", "600 13.5px x", "bolder 9px y",
		"normal 400 11px z", "14px bold", "px", "0px a", "-3px b", "bold", "700", "italic 700 10.25px c",
		"\tbold\n16px", "bold\u00a016px", "italic\u00a0bold 12px", "\u2003700 12px", "1e2px", "12.px", ".5px", "9999999999999999999999px", "bold 12PX",
		"800 " + strings.Repeat("9", 400) + "px"}
	texts := []string{"", "Søknader", "ÆØÅ æøå", "Tilbud mot søknader 2024", "19,5\u00a0%", "−1 234",
		"e\u0301", "a\u200bb", "中文", "😀 emoji", "\x00\x1f", "€ ‰ → ≤", "ǅ ɏ ʀ", "\xff\xfe", "ĀāĂ"}
	for _, f := range fonts {
		for _, s := range texts {
			add(s, f)
		}
	}
	// A lone surrogate: JavaScript has it, Go's UTF-8 gets U+FFFD.
	cases = append(cases, measureCase{`["a\ud800b", "bold 12px x"]`, "a\ufffdb", "bold 12px x"})
	rng := rand.New(rand.NewPCG(17, 4))
	pools := [][2]rune{{0, 0x7f}, {0x80, 0x24f}, {0x300, 0x36f}, {0x2000, 0x2270}, {0x2e80, 0x2fff},
		{0x250, 0xffff}, {0x1f300, 0x1f6ff}}
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(12) {
			p := pools[rng.IntN(len(pools))]
			r := p[0] + rng.Int32N(p[1]-p[0]+1)
			if r >= 0xd800 && r <= 0xdfff {
				r = 'x'
			}
			b.WriteRune(r)
		}
		add(b.String(), fonts[rng.IntN(len(fonts))])
	}

	var in bytes.Buffer
	src, err := json.Marshal(textWidthSource)
	if err != nil {
		t.Fatal(err)
	}
	in.WriteString(`{"src":` + string(src) + `,"glyphs":` + string(glyphsJSON()) + `,"cases":[`)
	for i, c := range cases {
		if i > 0 {
			in.WriteByte(',')
		}
		in.WriteString(c.js)
	}
	in.WriteString("]}")
	cmd := exec.Command(node, "-e", measureDriver)
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var got []float64
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node's widths: %v (%.200s)", err, out)
	}
	if len(got) != len(cases) {
		t.Fatalf("%d widths for %d cases", len(got), len(cases))
	}
	bad := 0
	for i, c := range cases {
		if want := measureText(c.text, c.font); got[i] != want {
			if bad++; bad <= 10 {
				t.Errorf("%s: textwidth.js %v, measureText %v", c.js, got[i], want)
			}
		}
	}
	if bad > 10 {
		t.Errorf("and %d more", bad-10)
	}
}
