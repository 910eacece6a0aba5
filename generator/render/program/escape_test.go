package program

import (
	"html/template"
	"reflect"
	"strings"
	"testing"
)

// contexts are the HTML contexts that make html/template call each of the
// escapers implemented here, with the chain of escapers it calls there.
var contexts = []struct {
	src   string
	chain []string
}{
	{`{{.}}`, []string{"_html_template_htmlescaper"}},
	{`<p title="{{.}}">`, []string{"_html_template_attrescaper"}},
	{`<title>{{.}}</title>`, []string{"_html_template_rcdataescaper"}},
	{`<a href="{{.}}">`, []string{"_html_template_urlfilter", "_html_template_urlnormalizer", "_html_template_attrescaper"}},
	{`<a href="/sok/?q={{.}}">`, []string{"_html_template_urlescaper", "_html_template_attrescaper"}},
	{`<img srcset="{{.}}">`, []string{"_html_template_srcsetescaper", "_html_template_attrescaper"}},
	{`<p style="color: {{.}}">`, []string{"_html_template_cssvaluefilter", "_html_template_attrescaper"}},
}

var escapeSamples = []string{
	"", "plain", "Bodø og Vågan", "a&b", `"quoted" 'single'`, "<script>alert(1)</script>",
	"1+1=2", "nul\x00byte", "bad utf8 \xff\xfe", "\uFDD0\uFFFE", "https://example.org/a b?c=d&e=f#g",
	"javascript:alert(1)", "JavaScript:x", "mailto:post@bodo.kommune.no", "tel:+4775555000",
	"/nyheter/sak/", "../../assets/bilde.jpg", "//evil.example/x", "a%20b%zz%2", "100%",
	"bilde-480.webp 480w, bilde-960.webp 960w", " a.jpg 1x ,b.jpg 2x", "a.jpg 480w(1)",
	"javascript:x 1x, b.jpg 2x", "#1b6f8a", "rgb(0,0,0)", "expression(alert)", "red; x", "50 %",
	"MozBinding", "MoZBin ding", "ex pression", "e.x,p%r#ession", "url(x)", "a\\62 c", "–—…«»", "æøå ÆØÅ", "\t\n\f\r ", "[]{}@;:!$*,=?",
}

// stdEscaped runs the tiny template src on v with html/template, and
// returns what it wrote for the value, or ok false if it failed.
func stdEscaped(t *testing.T, src string, v any) (string, bool) {
	t.Helper()
	tmpl := template.Must(template.New("").Parse(src))
	var b strings.Builder
	if err := tmpl.Execute(&b, v); err != nil {
		return "", false
	}
	out := b.String()
	before, after, _ := strings.Cut(src, "{{.}}")
	return strings.TrimSuffix(strings.TrimPrefix(out, before), after), true
}

// ours runs the same chain with this package's escapers.
func ours(chain []string, v any) (string, bool) {
	val := reflect.ValueOf(v)
	for _, name := range chain {
		s, ok := escapers[name](val)
		if !ok {
			return "", false
		}
		val = reflect.ValueOf(s)
	}
	return val.String(), true
}

// TestContextsCallTheChains checks that each context above makes
// html/template call the chain the tests compare against.
func TestContextsCallTheChains(t *testing.T) {
	for _, c := range contexts {
		tmpl := template.Must(template.New("").Parse(c.src))
		if err := tmpl.Execute(&strings.Builder{}, "x"); err != nil {
			t.Fatal(err)
		}
		got := tmpl.Tree.Root.String()
		want := "{{. | " + strings.Join(c.chain, " | ") + "}}"
		if !strings.Contains(got, want) {
			t.Errorf("%s: escaped as %s, want %s", c.src, got, want)
		}
	}
}

func TestEscapersMatchHTMLTemplate(t *testing.T) {
	values := []any{42, -7, template.HTML("<b>fet</b> &amp; <i>"), true, 3.5}
	for _, s := range escapeSamples {
		values = append(values, s)
	}
	for _, c := range contexts {
		for _, v := range values {
			compareEscape(t, c.src, c.chain, v)
		}
	}
}

func compareEscape(t *testing.T, src string, chain []string, v any) {
	t.Helper()
	got, ok := ours(chain, v)
	if !ok {
		return // left to html/template
	}
	want, ok := stdEscaped(t, src, v)
	if !ok {
		t.Errorf("%s with %#v: html/template failed, ours gave %q", src, v, got)
		return
	}
	if got != want {
		t.Errorf("%s with %#v:\n got %q\nwant %q", src, v, got, want)
	}
}

// TestUnusualValuesFallBack checks that the escapers leave to
// html/template the values whose escaping differs by type.
func TestUnusualValuesFallBack(t *testing.T) {
	s := "x"
	for _, v := range []any{&s, template.URL("javascript:x"), template.HTMLAttr(`a="b"`), template.Srcset("x 1x"), template.CSS("red")} {
		if _, ok := ours([]string{"_html_template_htmlescaper"}, v); ok {
			t.Errorf("%#v: escaped here, want a fallback", v)
		}
	}
	if _, ok := ours([]string{"_html_template_attrescaper"}, template.HTML("<b>x</b>")); ok {
		t.Error("HTML in an attribute: escaped here, want a fallback (html/template strips the tags)")
	}
}

func FuzzEscapers(f *testing.F) {
	for _, s := range escapeSamples {
		f.Add(s, false)
	}
	f.Add("<b>x</b> & y", true)
	f.Fuzz(func(t *testing.T, s string, html bool) {
		var v any = s
		if html {
			v = template.HTML(s)
		}
		for _, c := range contexts {
			compareEscape(t, c.src, c.chain, v)
		}
	})
}
