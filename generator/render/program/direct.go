package program

import (
	"fmt"
	"html/template"
	"reflect"
	"time"
)

// A caller calls a function or method without reflect.Value.Call, with
// the arguments callFunc has evaluated and converted to the parameters'
// types; recv is the receiver of a method (invalid for a function). It
// returns what reflect.Value.Call would, the error result taken out and
// a reflect.Value result unwrapped. reflect.Value.Call costs about 220 ns
// a call (the call frame, its layout, the results' slice), and a 10k
// build calls template functions and methods some 600,000 times.
type caller func(recv reflect.Value, argv []reflect.Value) (reflect.Value, error)

// A Direct is one method that the templates call without reflection: see
// Method0, Method1, Method2 and New.
type Direct struct {
	recv reflect.Type
	name string
	call caller
}

type methodKey struct {
	recv reflect.Type
	name string
}

// Method0 makes R's method name, which takes no arguments, a Direct. f
// must be that very method, as a method expression such as
// (*Page).Updated; Method0 panics if it is not, or if the method returns
// an interface (reflect.Value.Call would give it the interface's type).
func Method0[R, O any](name string, f func(R) O) Direct {
	return direct[R, O](name, f, func(recv reflect.Value, _ []reflect.Value) (reflect.Value, error) {
		return reflect.ValueOf(f(as[R](recv))), nil
	})
}

// Method1 is Method0 for a method with one argument.
func Method1[R, A, O any](name string, f func(R, A) O) Direct {
	return direct[R, O](name, f, func(recv reflect.Value, argv []reflect.Value) (reflect.Value, error) {
		return reflect.ValueOf(f(as[R](recv), as[A](argv[0]))), nil
	})
}

// Method2 is Method0 for a method with two arguments.
func Method2[R, A, B, O any](name string, f func(R, A, B) O) Direct {
	return direct[R, O](name, f, func(recv reflect.Value, argv []reflect.Value) (reflect.Value, error) {
		return reflect.ValueOf(f(as[R](recv), as[A](argv[0]), as[B](argv[1]))), nil
	})
}

// Method2E is Method2 for a method that also returns an error.
func Method2E[R, A, B, O any](name string, f func(R, A, B) (O, error)) Direct {
	return direct[R, O](name, f, func(recv reflect.Value, argv []reflect.Value) (reflect.Value, error) {
		o, err := f(as[R](recv), as[A](argv[0]), as[B](argv[1]))
		return reflect.ValueOf(o), err
	})
}

// direct checks that f is the method name of R, with a result that is not
// an interface, and makes the Direct.
func direct[R, O any](name string, f any, call caller) Direct {
	rt := reflect.TypeFor[R]()
	m, ok := rt.MethodByName(name)
	if !ok || m.Func.Pointer() != reflect.ValueOf(f).Pointer() {
		panic(fmt.Sprintf("program: the function given for %v.%s is not that method", rt, name))
	}
	if reflect.TypeFor[O]().Kind() == reflect.Interface {
		panic(fmt.Sprintf("program: %v.%s returns an interface", rt, name))
	}
	return Direct{recv: rt, name: name, call: call}
}

// as is v, an argument of type A as callFunc converts it, as an A. The
// common kinds are read without Interface, which may copy the value.
func as[A any](v reflect.Value) A {
	var a A
	switch p := any(&a).(type) {
	case *string:
		if v.Kind() == reflect.String {
			*p = v.String()
			return a
		}
	case *int:
		if v.Kind() == reflect.Int {
			*p = int(v.Int())
			return a
		}
	case *bool:
		if v.Kind() == reflect.Bool {
			*p = v.Bool()
			return a
		}
	}
	if v.IsValid() {
		a, _ = v.Interface().(A) // a nil interface stays A's zero value
	}
	return a
}

// funcCaller returns the caller of one of the set's functions (a
// template.FuncMap entry) of a signature this site's functions have, or
// nil: that function is then called through reflection.
func funcCaller(f reflect.Value) caller {
	switch fn := f.Interface().(type) {
	case func(string) string:
		return func(_ reflect.Value, argv []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(fn(as[string](argv[0]))), nil
		}
	case func(int) string:
		return func(_ reflect.Value, argv []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(fn(as[int](argv[0]))), nil
		}
	case func(time.Time) string:
		return func(_ reflect.Value, argv []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(fn(as[time.Time](argv[0]))), nil
		}
	case func(string) template.HTML:
		return func(_ reflect.Value, argv []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(fn(as[string](argv[0]))), nil
		}
	case func(any) string:
		return func(_ reflect.Value, argv []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(fn(as[any](argv[0]))), nil
		}
	case func() string:
		return func(reflect.Value, []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(fn()), nil
		}
	case func([]string) string:
		return func(_ reflect.Value, argv []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(fn(as[[]string](argv[0]))), nil
		}
	case func(int, string, string) string:
		return func(_ reflect.Value, argv []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(fn(as[int](argv[0]), as[string](argv[1]), as[string](argv[2]))), nil
		}
	}
	return nil
}

// builtinCallers call the built-in functions the templates call most. A
// reflect.Value parameter gets its argument wrapped in a reflect.Value
// (validateType), as reflect.Value.Call would take it.
var builtinCallers = map[string]caller{
	"not": func(_ reflect.Value, argv []reflect.Value) (reflect.Value, error) {
		return reflect.ValueOf(not(as[reflect.Value](argv[0]))), nil
	},
	"eq": func(_ reflect.Value, argv []reflect.Value) (reflect.Value, error) {
		rest := make([]reflect.Value, len(argv)-1)
		for i, v := range argv[1:] {
			rest[i] = as[reflect.Value](v)
		}
		b, err := eq(as[reflect.Value](argv[0]), rest...)
		return reflect.ValueOf(b), err
	},
	"index": func(_ reflect.Value, argv []reflect.Value) (reflect.Value, error) {
		rest := make([]reflect.Value, len(argv)-1)
		for i, v := range argv[1:] {
			rest[i] = as[reflect.Value](v)
		}
		return index(as[reflect.Value](argv[0]), rest...)
	},
}
