package chart

import (
	"crypto/sha256"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The regular expressions finishBody ran before its scanners (eachTag,
// markTags and the checks that spare a search that cannot match), kept as
// the reference the scanners must agree with byte for byte. (distinctMarks'
// own check is exact by its form: an attribute "chart" needs the text.)
var (
	refTagPattern  = regexp.MustCompile(`<[^>]+>`)
	refMarkPattern = regexp.MustCompile(`<(?:path|rect)\b[^>]*>`)
)

func refFinishBody(raw string, s Spec) (finished, error) {
	root := rootPattern.FindStringIndex(raw)
	if root == nil {
		return finished{}, specError(s, "ECharts ga ikke et <svg>-dokument")
	}
	body := raw[root[1]:]
	body = stylePattern.ReplaceAllString(body, "")
	body = refTagPattern.ReplaceAllStringFunc(body, func(tag string) string {
		return addThemeClasses(dropAttrPattern.ReplaceAllString(tag, ""))
	})
	body = refRenameIDs(body, idPrefix(s)+"-")
	return finished{marks: refCountMarks(raw), body: strings.TrimSpace(body)}, nil
}

func refRenameIDs(body, prefix string) string {
	ids := idRenamer{prefix: prefix, names: map[string]string{}}
	return refTagPattern.ReplaceAllStringFunc(body, ids.renameAll)
}

func refCountMarks(raw string) int {
	return distinctMarks(refMarkPattern.FindAllString(raw, -1))
}

// agreeWithRegexps fails t when finishBody and the reference differ on raw.
func agreeWithRegexps(t *testing.T, raw string, s Spec) {
	t.Helper()
	got, gotErr := finishBody(raw, s)
	want, wantErr := refFinishBody(raw, s)
	if (gotErr == nil) != (wantErr == nil) {
		t.Fatalf("error %v, the regular expressions gave %v", gotErr, wantErr)
	}
	if got.marks != want.marks {
		t.Errorf("%d marks, the regular expressions counted %d", got.marks, want.marks)
	}
	if got.body != want.body {
		t.Errorf("body differs from the regular expressions' at %s", around(got.body, want.body, firstDiff(got.body, want.body)))
	}
}

// around quotes a and b around byte i.
func around(a, b string, i int) string {
	lo := max(0, i-40)
	return "byte " + strconv.Itoa(i) + ": " + strconv.Quote(a[lo:min(len(a), i+40)]) + " against " + strconv.Quote(b[lo:min(len(b), i+40)])
}

// trickyRaws are hand-made SVG-like inputs for the edges of the scanners:
// "<>", a "<" inside a tag, a tag without its ">", words that only begin
// with path or rect, attribute names that only resemble the dropped ones,
// ids and references in text content.
var trickyRaws = []string{
	`<svg width="1"><rect ecmeta_ssr_type="chart" fill="#1d5fa8" ecmeta_series_index="0" ecmeta_data_index="1"/><path d="M0" fill="#fff" stroke="#54555a"/></svg>`,
	`<svg><> <<g id="a"> text id="b" url(#a) <path id="c" clip-path="url(#c)" fill="#FFF"/><use href="#c"/></svg>`,
	`<?xml version="1.0"?><!DOCTYPE svg><svg x="1"><style>.a{fill:red}</style><g class="x" pointer-events="none" ecmeta_foo="1" classy="y"><pathway d="1"/><rect/><rect_x ecmeta_ssr_type="chart" fill="#000"/></g>`,
	`<svg><rect ecmeta_ssr_type="chart" fill="none"/><rect ecmeta_ssr_type="chart" fill="url(#p)"/><path ecmeta_ssr_type="chart" fill="#abc" ecmeta_data_index="2"><path ecmeta_ssr_type="chart" fill="#abc" ecmeta_data_index="2"`,
	`<svg><text fill="#fff" stroke="#fff">a > b</text><path fill="#1F2328" stroke="#1f2328"/></svg>`,
	`<svg><g aria-label="x ecmeta_ssr_type=&quot;chart&quot;"><path aria-label=" ecmeta_ssr_type="chart"" fill="#123"/></g></svg>`,
	`no svg at all <path>`,
}

// TestFinishBodyMatchesRegexps holds the scanners to the regular
// expressions on drawings of every kind and on the tricky inputs.
func TestFinishBodyMatchesRegexps(t *testing.T) {
	s := sampleSpecs()[Bar]
	for i, raw := range trickyRaws {
		t.Run("tricky"+strconv.Itoa(i), func(t *testing.T) { agreeWithRegexps(t, raw, s) })
	}
	r := renderer(t)
	specs := drawnSpecs(t)
	renamed := 0
	for _, s := range specs {
		raw := rawDrawing(t, r, s)
		t.Run(string(s.Kind)+"-"+s.ID, func(t *testing.T) {
			agreeWithRegexps(t, raw, s)
			f, _ := finishBody(raw, s)
			if f.marks == 0 {
				t.Error("no marks: the drawing does not test countMarks")
			}
			if strings.Contains(f.body, idPrefix(s)+"-0") {
				renamed++
			}
		})
	}
	if renamed == 0 {
		t.Error("no drawing has an id to rename: they do not test the renaming")
	}
}

// drawnSpecs are a drawing of each kind for the scanners: bars, stacked
// bars, horizontal bars and a map.
func drawnSpecs(t testing.TB) []Spec {
	specs := []Spec{stackedSpec(), mapSpec(t)}
	for _, k := range []Kind{Bar, HBar, Map} {
		if sp, ok := sampleSpecs()[k]; ok {
			specs = append(specs, sp)
		}
	}
	return specs
}

// rawDrawing is ECharts' SVG for s, before finishBody.
func rawDrawing(t testing.TB, r *Renderer, s Spec) string {
	t.Helper()
	option, err := Option(s)
	if err != nil {
		t.Fatal(err)
	}
	w, h := s.size()
	key := sha256.Sum256(append([]byte(strconv.Itoa(w)+"x"+strconv.Itoa(h)+"\x00"), option...))
	raw, err := r.raw(key, option, w, h, 0)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// BenchmarkFinishBody finishes the drawings of drawnSpecs with the
// scanners and with the regular expressions they replaced.
func BenchmarkFinishBody(b *testing.B) {
	r := renderer(b)
	specs := drawnSpecs(b)
	raws := make([]string, len(specs))
	for i, s := range specs {
		raws[i] = rawDrawing(b, r, s)
	}
	for _, impl := range []struct {
		name   string
		finish func(string, Spec) (finished, error)
	}{{"scanners", finishBody}, {"regexps", refFinishBody}} {
		b.Run(impl.name, func(b *testing.B) {
			for b.Loop() {
				for i, s := range specs {
					if _, err := impl.finish(raws[i], s); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(specs)), "µs/drawing")
		})
	}
}

// FuzzFinishBody holds the scanners to the regular expressions on any
// input.
func FuzzFinishBody(f *testing.F) {
	for _, raw := range trickyRaws {
		f.Add(raw)
	}
	s := sampleSpecs()[Bar]
	f.Fuzz(func(t *testing.T, raw string) { agreeWithRegexps(t, raw, s) })
}
