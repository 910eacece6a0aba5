package program

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strings"
	"testing"
	"time"
)

type item struct {
	Name  string
	Count int
	Tags  []string
	Next  *item
	When  time.Time
}

func (i item) Upper() string            { return strings.ToUpper(i.Name) }
func (i *item) Label(p string) string   { return p + ": " + i.Name }
func (i *item) Fail() (string, error)   { return "", errors.New("feil") }
func (i *item) Many(xs ...string) int   { return len(xs) }
func (i *item) Pair() (string, string)  { return "a", "b" }
func (i *item) Panics() string          { panic("au") }
func (i *item) Trusted() template.HTML  { return "<b>" + template.HTML(i.Name) + "</b>" }
func (i *item) Any() any                { return i.Count }
func (i *item) Stringer() fmt.Stringer  { return stringer(i.Name) }
func (i *item) Link() template.URL      { return "javascript:void(0)" }
func (i *item) Items() []item           { return []item{{Name: "x"}, {Name: "y"}} }
func (i *item) Table() map[string]int   { return map[string]int{"b": 2, "a": 1, "c": 3} }
func (i *item) Numbers() map[int]string { return map[int]string{10: "ti", 2: "to", -1: "minus"} }
func (i *item) Repeat(s string, n int) string {
	return strings.Repeat(s, n)
}
func (i *item) Join(a, b string) (template.HTML, error) {
	if a == "" {
		return "", errors.New("tom")
	}
	return template.HTML(a + "<br>" + b), nil
}
func (i *item) Since(t time.Time) int { return t.Year() - 2000 }

// testMethods are item's methods as Directs: the cases run with them and
// without, and must give the same either way.
var testMethods = []Direct{
	Method0("Upper", item.Upper),
	Method0("Upper", (*item).Upper),
	Method1("Label", (*item).Label),
	Method0("Trusted", (*item).Trusted),
	Method0("Items", (*item).Items),
	Method0("Table", (*item).Table),
	Method2("Repeat", (*item).Repeat),
	Method2E("Join", (*item).Join),
	Method1("Since", (*item).Since),
}

type stringer string

func (s stringer) String() string { return "«" + string(s) + "»" }

var testFuncs = template.FuncMap{
	"twice": func(s string) string { return s + s },
	"sum": func(xs ...int) int {
		n := 0
		for _, x := range xs {
			n += x
		}
		return n
	},
	"fail": func() (string, error) { return "", errors.New("feil") },
	"num":  func(n int) string { return fmt.Sprintf("%05d", n) },
	"bold": func(s string) template.HTML { return template.HTML("<b>" + template.HTMLEscapeString(s) + "</b>") },
	"show": func(v any) string { return fmt.Sprintf("<%v>", v) },
	"none": func() string { return "ingen" },
	"join": func(xs []string) string { return strings.Join(xs, "+") },
	"wide": func(n int64) string { return fmt.Sprintf("%T %d", n, n) },
	"mark": func(h template.HTML) string { return fmt.Sprintf("%T %s", h, h) },
	"year": func(t time.Time) string { return t.Format("2006") },
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return many
	},
}

func testData() *item {
	return &item{Name: "Bodø <sør> & 'nord'", Count: 3, Tags: []string{"a", "b&c", "d"}, When: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC),
		Next: &item{Name: "neste", Count: 0}}
}

// cases are templates run with html/template and with a Program: the
// output must be the same, or the Program must fall back (fallback true)
// and html/template then decides.
var cases = []struct {
	name, src string
	fallback  bool
}{
	{"text and fields", `<h1 title="{{.Name}}">{{.Name}} {{.Count}}</h1>`, false},
	{"chains", `{{.Next.Name}} {{.Next.Tags}}`, false},
	{"methods", `{{.Upper}} {{.Label "x"}} {{.Next.Label .Name}} {{.Many}} {{.Many "a" "b"}}`, false},
	{"trusted html", `{{.Trusted}}<p title="{{.Name}}">`, false},
	{"functions and pipes", `{{twice .Name}} {{.Name | twice}} {{sum 1 2 .Count}} {{.Count | sum 4}}`, false},
	{"parenthesised", `{{twice (twice "x")}} {{(.Next).Name}} {{len (.Tags)}}`, false},
	{"if else", `{{if .Tags}}ja{{else if .Name}}nei{{else}}?{{end}} {{if .Next.Count}}x{{else}}null{{end}}`, false},
	{"with", `{{with .Next}}{{.Name}}{{end}}{{with .Next.Next}}x{{else}}ingen{{end}}{{with .Next.Next}}a{{else with .Next}}{{.Name}}{{end}}`, false},
	{"range", `{{range .Tags}}<li>{{.}}</li>{{end}}{{range $i, $t := .Tags}}{{$i}}={{$t}};{{end}}{{range $t := .Tags}}{{$t}}{{end}}`, false},
	{"range else", `{{range .Next.Tags}}x{{else}}tom{{end}}`, false},
	{"range break continue", `{{range $i, $t := .Tags}}{{if eq $i 1}}{{continue}}{{end}}{{$t}}{{if eq $t "d"}}{{break}}{{end}}{{end}}`, false},
	{"range structs", `{{range .Items}}{{.Name}}{{.Label "l"}}{{.Upper}}{{end}}`, false},
	{"range maps", `{{range $k, $v := .Table}}{{$k}}={{$v}} {{end}}{{range .Numbers}}{{.}} {{end}}`, false},
	{"variables", `{{$x := .Name}}{{$y := 2}}{{$x}}{{$y}}{{$x = "ny"}}{{$x}}{{with .Next}}{{$.Name}}{{$x}}{{end}}`, false},
	{"variable fields", `{{$n := .Next}}{{$n.Name}}{{$n.Label "v"}}`, false},
	{"and or not", `{{and .Name .Count}} {{or .Next.Count .Name}} {{not .Tags}} {{and 0 .Fail}} {{or 1 .Fail}} {{if and .Tags (not .Next.Count)}}ok{{end}}`, false},
	{"comparisons", `{{eq .Count 3}} {{ne .Name "x"}} {{lt 1 2}} {{le 2 2}} {{gt .Count 1}} {{ge "a" "b"}} {{eq .Name "a" "b"}}`, false},
	{"index and len", `{{index .Tags 1}} {{index .Table "b"}} {{index .Table "zz"}} {{len .Tags}} {{len .Name}}`, false},
	{"printf", `{{printf "%s-%d" .Name .Count}} {{print 1 "a"}}`, false},
	{"urls", `<a href="{{.Name}}">x</a><a href="/s?q={{.Name}}">y</a><a href="javascript:{{.Name}}">`, false},
	{"safe urls", `<a href="/{{.Name}}">x</a><a href="/s?q={{.Name}}">y</a><img srcset="{{.Name}} 2x">`, false},
	{"templates", `{{define "x"}}<i>{{.}}</i>{{end}}{{template "x" .Name}}{{template "x" .Count}}{{range .Tags}}{{template "x" .}}{{end}}{{block "b" .}}{{.Name}}{{end}}`, false},
	{"any result", `{{.Any}} {{.Stringer}}`, false},
	{"comments", `a{{/* kommentar */}}b<!-- html -->c`, false},
	{"methods of two arguments", `{{.Repeat .Name 2}} {{.Join "a" .Name}} {{.Next.Repeat "x" .Count}}`, false},
	{"functions of known signatures", `{{num .Count}} {{.Count | num}} {{plural .Count "sak" "saker"}} {{plural 1 .Name "x"}} {{year .When}} {{.Since .When}} {{bold .Name}} {{show .Count}} {{show .Next.Next}} {{show nil}} {{none}} {{join .Tags}} {{.Tags | join}}`, false},
	{"constants of named types", `{{wide 3}} {{mark "<i>"}} {{plural 2 "a" "b"}} {{.Repeat "ab" 2}}`, false},
	{"direct method error", `{{.Join "" "b"}}`, true},
	{"index out of range", `{{index .Tags 7}}`, true},
	// What is left to html/template:
	{"function error", `{{fail}}`, true},
	{"method error", `{{.Fail}}`, true},
	{"method panics", `{{.Panics}}`, true},
	{"two results", `{{.Pair}}`, true},
	{"nil pointer field", `{{.Next.Next.Name}}`, true},
	{"nil pointer printed", `{{.Next.Next}}`, true},
	{"missing field", `{{.Nothing}}`, true},
	{"missing map key", `{{.Table.zz}}`, true},
	{"typed url", `<a href="{{.Link}}">`, true},
	{"html in attribute", `<p title="{{.Trusted}}">`, true},
	{"float constant", `{{sum 1 2.5}}`, true},
	{"wrong argument type", `{{twice .Count}}`, true},
	{"eq of structs", `{{eq .Next .Next}}`, true},
	{"range over int", `{{range 3}}{{.}}{{end}}`, true},
}

func TestProgramMatchesHTMLTemplate(t *testing.T) {
	for _, c := range cases {
		for _, methods := range [][]Direct{nil, testMethods} {
			name := c.name
			if methods != nil {
				name += "/direct"
			}
			t.Run(name, func(t *testing.T) { matchHTMLTemplate(t, c.src, c.fallback, methods) })
		}
	}
}

// matchHTMLTemplate runs src with html/template and with a Program that
// has methods as Directs.
func matchHTMLTemplate(t *testing.T, src string, fallback bool, methods []Direct) {
	t.Helper()
	set := template.Must(template.New("page").Funcs(testFuncs).Parse(src))
	var want bytes.Buffer
	stdErr := set.Execute(&want, testData())
	p := New(set, testFuncs, methods...)
	var got bytes.Buffer
	err := p.Execute(&got, "page", testData())
	switch {
	case err == nil && fallback:
		t.Errorf("ran %q, want a fallback (html/template: %q, %v)", got.String(), want.String(), stdErr)
	case err == nil && stdErr != nil:
		t.Errorf("ran %q, html/template failed: %v", got.String(), stdErr)
	case err == nil && got.String() != want.String():
		t.Errorf("got  %q\nwant %q", got.String(), want.String())
	case err != nil && !fallback:
		t.Errorf("fell back (%v); html/template gave %q, %v", err, want.String(), stdErr)
	case err != nil && !errors.Is(err, ErrFallback):
		t.Errorf("error %v, want ErrFallback", err)
	}
}

// TestUnescapedTreeFallsBack: a set that html/template has not escaped
// (never executed) is not run.
func TestUnescapedTreeFallsBack(t *testing.T) {
	set := template.Must(template.New("page").Parse(`<p>{{.}}</p>`))
	p := New(set, nil)
	if err := p.Execute(&bytes.Buffer{}, "page", "<x>"); !errors.Is(err, ErrFallback) {
		t.Fatalf("got %v, want ErrFallback", err)
	}
	if n, why := p.Fallbacks(); n != 1 || why != "page: not escaped by html/template" {
		t.Fatalf("%d fallbacks counted, the last for %q; want 1, for not being escaped", n, why)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error)       { return 0, io.ErrShortWrite }
func (failingWriter) WriteString(string) (int, error) { return 0, io.ErrShortWrite }

func TestWriteErrorReturned(t *testing.T) {
	set := template.Must(template.New("page").Parse(`<p>{{.}}</p>`))
	_ = set.Execute(io.Discard, "")
	err := New(set, nil).Execute(failingWriter{}, "page", "x")
	if !errors.Is(err, io.ErrShortWrite) {
		t.Fatalf("got %v, want the writer's error", err)
	}
}

// BenchmarkExecute compares one page-like template run both ways.
func BenchmarkExecute(b *testing.B) {
	src := `<html><head><title>{{.Name}}</title></head><body>{{range .Items}}<a href="/{{.Name}}/">{{.Label "x"}}</a>{{end}}{{with .Next}}{{.Name}}{{end}}{{if and .Tags (not .Next.Count)}}ok{{end}}</body></html>`
	set := template.Must(template.New("page").Funcs(testFuncs).Parse(src))
	_ = set.Execute(io.Discard, testData())
	p := New(set, testFuncs)
	data := testData()
	var buf bytes.Buffer
	b.Run("program", func(b *testing.B) {
		for b.Loop() {
			buf.Reset()
			if err := p.Execute(&buf, "page", data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("html-template", func(b *testing.B) {
		for b.Loop() {
			buf.Reset()
			if err := set.Execute(&buf, data); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// FuzzProgram runs fuzzed templates both ways: where the Program runs a
// template to its end, html/template must succeed with the same output.
func FuzzProgram(f *testing.F) {
	for _, c := range cases {
		f.Add(c.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if strings.Contains(src, "template") || strings.Contains(src, "block") {
			t.Skip() // a template calling itself runs 100,000 deep in html/template
		}
		set, err := template.New("page").Funcs(testFuncs).Parse(src)
		if err != nil {
			return
		}
		data := testData() // one value for both: a pointer may be printed
		var want bytes.Buffer
		stdErr := set.Execute(&want, data)
		var got bytes.Buffer
		if err := New(set, testFuncs, testMethods...).Execute(&got, "page", data); err != nil {
			return
		}
		if stdErr != nil {
			t.Fatalf("%q: ran %q, html/template failed: %v", src, got.String(), stdErr)
		}
		if got.String() != want.String() {
			t.Fatalf("%q:\n got %q\nwant %q", src, got.String(), want.String())
		}
	})
}
