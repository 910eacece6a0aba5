package chart

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

const (
	scriptAttack = `</script><script>alert(1)</script>`
	funcAttack   = `__f__function(){globalThis.pwned=1}__f__`
	attrAttack   = `"><img src=x onerror=alert(1)>`
	cdataAttack  = `]]>`
)

var (
	tagPatternTest   = regexp.MustCompile(`<[^>]*>`)
	attrValuePattern = regexp.MustCompile(`"[^"]*"`)
)

// hostileSpec puts every attack string into every free-text field.
func hostileSpec(kind Kind) Spec {
	s := Spec{
		ID:         "fiendtlig-" + string(kind),
		Title:      "Tittel " + scriptAttack + funcAttack,
		Desc:       "Beskrivelse " + attrAttack + cdataAttack,
		Kind:       kind,
		Categories: []string{scriptAttack, funcAttack, attrAttack, cdataAttack},
		Series: []Series{
			{Name: funcAttack, Values: []float64{1, 2, 3, 4}},
			{Name: scriptAttack, Values: []float64{4, 3, 2, 1}},
		},
		Target:      ptr(2.5),
		TargetLabel: attrAttack,
	}
	return s
}

func TestHostileStringsStayText(t *testing.T) {
	r := renderer(t)
	for _, kind := range []Kind{Bar, HBar} {
		t.Run(string(kind), func(t *testing.T) {
			s := hostileSpec(kind)
			svg := renderOK(t, r, s)[0]
			wellFormed(t, svg)
			lower := strings.ToLower(svg)
			for _, bad := range []string{"<script", "<img", "]]>", "<![cdata["} {
				if strings.Contains(lower, bad) {
					t.Errorf("SVG contains raw %q", bad)
				}
			}
			// Attribute values may hold escaped text (aria-label); the
			// markup around them must not.
			for _, tag := range tagPatternTest.FindAllString(lower, -1) {
				markup := attrValuePattern.ReplaceAllString(tag, `""`)
				if strings.Contains(markup, "onerror") || strings.Contains(markup, "alert") {
					t.Errorf("attack string inside markup: %s", tag)
				}
			}
			for _, want := range []string{
				"&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
				"&#34;&gt;&lt;img src=x onerror=alert(1)&gt;",
				"]]&gt;",
				funcAttack,
			} {
				if !strings.Contains(strings.ReplaceAll(svg, "&quot;", "&#34;"), want) {
					t.Errorf("SVG lacks the escaped text %q", want)
				}
			}
		})
	}
	assertNotPwned(t, r)
}

// assertNotPwned checks every runtime of r for the global that funcAttack
// would set if its text had been evaluated as code.
func assertNotPwned(t *testing.T, r *Renderer) {
	t.Helper()
	workers := make([]engine, r.workers())
	for i := range workers {
		workers[i] = <-r.slots
	}
	checked := 0
	for _, e := range workers {
		if w, ok := e.(*worker); ok {
			checked++
			if v := w.rt.GlobalObject().Get("pwned"); v != nil {
				t.Errorf("globalThis.pwned = %v: a label was executed as code", v)
			}
		}
		r.slots <- e
	}
	if checked == 0 {
		t.Error("no runtime was checked")
	}
}

func TestOptionKeepsStringsAsData(t *testing.T) {
	s := hostileSpec(Bar)
	raw, err := Option(s)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), "<") || strings.Contains(string(raw), ">") {
		t.Error("option JSON contains raw < or >; it must be safe inside <script>")
	}
	var opt struct {
		Animation bool `json:"animation"`
		Aria      struct {
			Decal struct{ Show bool } `json:"decal"`
		} `json:"aria"`
		XAxis  []struct{ Data []string } `json:"xAxis"`
		Series []struct {
			Name string `json:"name"`
			Type string `json:"type"`
		} `json:"series"`
	}
	if err := json.Unmarshal(raw, &opt); err != nil {
		t.Fatal(err)
	}
	if opt.Animation || !opt.Aria.Decal.Show {
		t.Errorf("animation=%v decal=%v, want false/true", opt.Animation, opt.Aria.Decal.Show)
	}
	if got := opt.XAxis[0].Data; len(got) != 4 || got[1] != funcAttack || got[0] != scriptAttack {
		t.Errorf("categories changed on the way: %q", got)
	}
	if opt.Series[0].Name != funcAttack || opt.Series[0].Type != "bar" {
		t.Errorf("series 0 = %+v", opt.Series[0])
	}
}

func TestInvalidSpecs(t *testing.T) {
	good := sampleSpecs()[Bar]
	tests := []struct {
		name   string
		mutate func(*Spec)
		want   string
	}{
		{"unknown kind", func(s *Spec) { s.Kind = "line" }, "ukjent Kind"},
		{"bad id", func(s *Spec) { s.ID = "Søknader per år" }, "ID-en må være"},
		{"empty id", func(s *Spec) { s.ID = "" }, "ID-en må være"},
		{"ingen kategorier", func(s *Spec) { s.Categories = nil }, "ingen kategorier"},
		{"ingen dataserier", func(s *Spec) { s.Series = nil }, "ingen dataserier"},
		{"length mismatch", func(s *Spec) { s.Series[0].Values = []float64{1, 2} }, "har 2 verdier for 4 kategorier"},
		{"empty category", func(s *Spec) { s.Categories[2] = " " }, "kategori 2 har tomt navn"},
		{"no title", func(s *Spec) { s.Title = "" }, "tittelen (Title) er tom"},
		{"all zero", func(s *Spec) {
			for i := range s.Series {
				s.Series[i].Values = make([]float64, 4)
			}
		}, "alle verdiene er null"},
		{"pie", func(s *Spec) { s.Kind = "pie" }, "ukjent Kind"},
		{"brace in unit", func(s *Spec) { s.Unit = "{c}" }, "enheten (Unit)"},
		{"too small", func(s *Spec) { s.Width = 50 }, "utenfor det tillatte"},
	}
	r := renderer(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := good
			s.Categories = append([]string(nil), good.Categories...)
			s.Series = []Series{
				{Name: "a", Values: append([]float64(nil), good.Series[0].Values...)},
				{Name: "b", Values: append([]float64(nil), good.Series[1].Values...)},
			}
			tc.mutate(&s)
			_, optErr := Option(s)
			_, renderErr := r.Render([]Spec{good, s})
			for _, err := range []error{optErr, renderErr} {
				if err == nil {
					t.Fatal("no error")
				}
				if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), `"`+s.ID+`"`) {
					t.Errorf("error %q should mention %q and the spec ID %q", err, tc.want, s.ID)
				}
			}
		})
	}
}

// TestEmptyChartGuard plants faults that make ECharts draw no marks and
// checks that Render refuses the result.
func TestEmptyChartGuard(t *testing.T) {
	r := renderer(t)
	faults := map[string]func(*charts.Bar){
		"values blanked": func(bar *charts.Bar) {
			for i := range bar.MultiSeries {
				for j := range bar.MultiSeries[i].Data.([]opts.BarData) {
					bar.MultiSeries[i].Data.([]opts.BarData)[j].Value = "-" // ECharts' "no value"
				}
			}
		},
		"bogus series type": func(bar *charts.Bar) {
			for i := range bar.MultiSeries {
				bar.MultiSeries[i].Type = "bogus"
			}
		},
	}
	defer func() { optionHook = nil }()
	for name, fault := range faults {
		t.Run(name, func(t *testing.T) {
			optionHook = fault
			_, err := r.Render([]Spec{sampleSpecs()[Bar]})
			optionHook = nil
			if err == nil {
				t.Fatal("an empty chart was accepted")
			}
			if !strings.Contains(err.Error(), `"soknader-per-omrade"`) {
				t.Errorf("error %q does not name the spec", err)
			}
			t.Log(err)
		})
	}
	if _, err := r.Render([]Spec{sampleSpecs()[Bar]}); err != nil {
		t.Errorf("a failed render poisoned the renderer: %v", err)
	}
}

func TestLoadBundleMissing(t *testing.T) {
	_, err := LoadBundle(t.TempDir() + "/echarts.min.js")
	if err == nil || !strings.Contains(err.Error(), "make echarts") {
		t.Errorf("error %v should tell to run `make echarts`", err)
	}
	if _, err := NewRenderer(nil, 1); err == nil {
		t.Error("NewRenderer accepted an empty bundle")
	}
}
