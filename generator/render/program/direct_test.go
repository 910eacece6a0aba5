package program

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"testing"
	"text/template/parse"
)

// TestDirectsAreCalled checks that the program calls a method given as a
// Direct, a function of a known signature and the common built-ins
// without reflection.
func TestDirectsAreCalled(t *testing.T) {
	calls := map[string]int{}
	var methods []Direct
	for _, m := range testMethods {
		call := m.call
		m.call = func(recv reflect.Value, argv []reflect.Value) (reflect.Value, error) {
			calls[m.name]++
			return call(recv, argv)
		}
		methods = append(methods, m)
	}
	src := `{{.Label "a"}}{{.Repeat "b" 2}}{{.Join "c" "d"}}{{range .Items}}{{.Upper}}{{end}}{{.Since .When}}`
	set := template.Must(template.New("page").Funcs(testFuncs).Parse(src))
	_ = set.Execute(&bytes.Buffer{}, testData())
	var got bytes.Buffer
	if err := New(set, testFuncs, methods...).Execute(&got, "page", testData()); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"Items": 1, "Label": 1, "Repeat": 1, "Join": 1, "Upper": 2, "Since": 1}
	if fmt.Sprint(calls) != fmt.Sprint(want) {
		t.Errorf("direct calls %v, want %v", calls, want)
	}

	cp := compiler{p: New(set, testFuncs)}
	for _, name := range []string{"twice", "num", "year", "plural", "bold", "show", "none", "join", "not", "eq", "index"} {
		a, ok := cp.arg(&parse.IdentifierNode{Ident: name})
		if !ok || a.direct == nil {
			t.Errorf("%s is called through reflection", name)
		}
	}
	for _, name := range []string{"sum", "fail", "len", "printf"} {
		if a, ok := cp.arg(&parse.IdentifierNode{Ident: name}); !ok || a.direct != nil {
			t.Errorf("%s: a direct caller for a signature it does not handle", name)
		}
	}
}

// TestCallersMatchReflection calls the built-ins and functions of known
// signatures both ways, with the arguments as callFunc passes them.
func TestCallersMatchReflection(t *testing.T) {
	wrap := func(vs ...any) []reflect.Value { // reflect.Value parameters: wrapped
		out := make([]reflect.Value, len(vs))
		for i, v := range vs {
			out[i] = reflect.ValueOf(reflect.ValueOf(v))
		}
		return out
	}
	type call struct {
		name string
		argv []reflect.Value
	}
	calls := []call{
		{"not", wrap(0)}, {"not", wrap("x")}, {"not", wrap([]int{})},
		{"eq", wrap(1, 1)}, {"eq", wrap("a", "b", "a")}, {"eq", wrap(1, "a")}, {"eq", wrap([]int{1}, []int{1})},
		{"index", wrap([]string{"a", "b"}, 1)}, {"index", wrap([]string{"a"}, 3)}, {"index", wrap(map[string]int{"k": 2}, "k")},
		{"index", wrap(map[string]int{"k": 2}, "z")}, {"index", wrap([][]int{{1, 2}}, 0, 1)},
	}
	for _, c := range calls {
		got, gotErr := builtinCallers[c.name](reflect.Value{}, c.argv)
		out := builtins[c.name].Call(c.argv)
		want := unwrap(out[0])
		var wantErr error
		if len(out) == 2 && !out[1].IsNil() {
			wantErr = out[1].Interface().(error)
		}
		if gotErr != wantErr || (gotErr == nil && fmt.Sprint(got) != fmt.Sprint(want)) || (gotErr == nil && got.Type() != want.Type()) {
			t.Errorf("%s%v: got %v (%v), want %v (%v)", c.name, c.argv, got, gotErr, want, wantErr)
		}
	}
	for _, name := range []string{"twice", "num", "year", "plural", "bold", "show", "none", "join"} {
		f := reflect.ValueOf(testFuncs[name])
		argv := make([]reflect.Value, f.Type().NumIn())
		for i := range argv {
			switch f.Type().In(i).Kind() {
			case reflect.String:
				argv[i] = reflect.ValueOf("<å>")
			case reflect.Int:
				argv[i] = reflect.ValueOf(7)
			case reflect.Interface:
				argv[i] = reflect.ValueOf(testData().Tags)
			case reflect.Slice:
				argv[i] = reflect.ValueOf([]string{"a", "b"})
			default:
				argv[i] = reflect.ValueOf(testData().When)
			}
		}
		got, err := funcCaller(f)(reflect.Value{}, argv)
		want := f.Call(argv)[0]
		if err != nil || fmt.Sprint(got) != fmt.Sprint(want) || got.Type() != want.Type() {
			t.Errorf("%s: got %v (%v), want %v", name, got, err, want)
		}
	}
}

// TestMethodRefusesOtherFunctions: a Direct must be the method it names,
// and must not return an interface.
func TestMethodRefusesOtherFunctions(t *testing.T) {
	for name, register := range map[string]func(){
		"another method":  func() { Method1("Label", func(i *item, s string) string { return s }) },
		"named wrongly":   func() { Method0("Upper", (*item).Trusted) },
		"no such method":  func() { Method0("Mangler", (*item).Upper) },
		"interface":       func() { Method0("Any", (*item).Any) },
		"stringer result": func() { Method0("Stringer", (*item).Stringer) },
	} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.HasPrefix(fmt.Sprint(r), "program: ") {
					t.Errorf("%s: got %v, want a panic", name, r)
				}
			}()
			register()
		}()
	}
}
