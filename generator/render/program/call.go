package program

import (
	"reflect"
	"sync/atomic"
)

// fieldStep is one name of a chain such as .Site.Settings.Title. It keeps
// what the name meant for the last type it met, so that reflection looks
// each name up once per type rather than once per page.
type fieldStep struct {
	name  string
	cache atomic.Pointer[lookup]
}

type lookupKind int

const (
	lookNone lookupKind = iota
	lookMethod
	lookField
	lookMap
)

// lookup is what a name means on one receiver type: ptr is the type the
// method set is taken from (the address of an addressable struct, as
// text/template takes it); nilPtr is a nil pointer receiver.
type lookup struct {
	ptr    reflect.Type
	nilPtr bool
	kind   lookupKind
	method int
	mtype  reflect.Type
	direct caller // the method's, if the program has one (Direct)
	index  []int
}

func (f *fieldStep) lookup(p *Program, ptr, recv reflect.Value) *lookup {
	nilPtr := recv.Kind() == reflect.Pointer
	pt := ptr.Type()
	if l := f.cache.Load(); l != nil && l.ptr == pt && l.nilPtr == nilPtr {
		return l
	}
	l := &lookup{ptr: pt, nilPtr: nilPtr}
	if m, ok := pt.MethodByName(f.name); ok && pt.Kind() != reflect.Interface {
		l.kind, l.method, l.mtype = lookMethod, m.Index, ptr.Method(m.Index).Type()
		l.direct = p.methods[methodKey{pt, f.name}]
	} else {
		switch recv.Kind() {
		case reflect.Struct:
			if sf, ok := recv.Type().FieldByName(f.name); ok && sf.IsExported() {
				l.kind, l.index = lookField, sf.Index
			}
		case reflect.Map:
			if reflect.TypeFor[string]().AssignableTo(recv.Type().Key()) {
				l.kind = lookMap
			}
		}
	}
	f.cache.Store(l)
	return l
}

// fieldChain evaluates .A.B.C on recv; only the last name gets the
// command's arguments.
func (s *state) fieldChain(dot, recv reflect.Value, steps []*fieldStep, args []*arg, final reflect.Value, hasFinal bool) reflect.Value {
	last := len(steps) - 1
	for _, f := range steps[:last] {
		recv = s.field(dot, f, recv, nil, reflect.Value{}, false)
	}
	return s.field(dot, steps[last], recv, args, final, hasFinal)
}

// field is text/template's evalField: a method of the receiver (or of
// its address), else a struct field, else a map key.
func (s *state) field(dot reflect.Value, f *fieldStep, recv reflect.Value, args []*arg, final reflect.Value, hasFinal bool) reflect.Value {
	if !recv.IsValid() {
		bail("field of no value")
	}
	recv, isNil := indirect(recv)
	if recv.Kind() == reflect.Interface && isNil {
		bail("field of a nil interface")
	}
	ptr := recv
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	l := f.lookup(s.p, ptr, recv)
	switch l.kind {
	case lookMethod:
		if l.direct != nil {
			return s.callFunc(dot, reflect.Value{}, l.mtype, args, final, hasFinal, ptr, l.direct)
		}
		return s.callFunc(dot, ptr.Method(l.method), l.mtype, args, final, hasFinal, reflect.Value{}, nil)
	case lookField:
		if len(args) > 0 || hasFinal || isNil {
			bail("field with arguments, or of nil")
		}
		v, err := recv.FieldByIndexErr(l.index)
		if err != nil {
			bail("field through a nil pointer")
		}
		return v
	case lookMap:
		if len(args) > 0 || hasFinal {
			bail("map key with arguments")
		}
		v := recv.MapIndex(reflect.ValueOf(f.name))
		if !v.IsValid() {
			bail("missing map key")
		}
		return v
	}
	bail("no field or method " + f.name)
	return reflect.Value{}
}

// callIdent calls a function named in the template.
func (s *state) callIdent(dot reflect.Value, a *arg, args []*arg, final reflect.Value, hasFinal bool) reflect.Value {
	if a.esc != nil {
		if len(args) > 0 || !hasFinal {
			bail("escaper with arguments")
		}
		out, ok := a.esc(final)
		if !ok {
			bail("escaper given an unusual value")
		}
		return reflect.ValueOf(out)
	}
	if a.builtin == "and" || a.builtin == "or" {
		return s.andOr(dot, a.builtin == "or", args, final, hasFinal)
	}
	return s.callFunc(dot, a.fn, a.fn.Type(), args, final, hasFinal, reflect.Value{}, a.direct)
}

// andOr is text/template's and/or: the first argument that decides the
// answer, evaluated no further than that.
func (s *state) andOr(dot reflect.Value, or bool, args []*arg, final reflect.Value, hasFinal bool) reflect.Value {
	if len(args) == 0 && !hasFinal {
		bail("and/or without arguments")
	}
	var v reflect.Value
	for _, a := range args {
		v = s.evalArg(dot, reflectValueType, a).Interface().(reflect.Value)
		if truth(v) == or {
			return v
		}
	}
	if hasFinal {
		v = unwrap(s.validateType(final, reflectValueType))
	}
	return v
}

// callFunc is text/template's evalCall for a function or method value:
// fn, of type typ, or direct with the receiver recv when it is not nil.
func (s *state) callFunc(dot, fn reflect.Value, typ reflect.Type, args []*arg, final reflect.Value, hasFinal bool, recv reflect.Value, direct caller) reflect.Value {
	numIn := len(args)
	if hasFinal {
		numIn++
	}
	numFixed := len(args)
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			bail("too few arguments")
		}
	} else if numIn != typ.NumIn() {
		bail("wrong number of arguments")
	}
	if goodFunc(typ) != nil {
		bail("function with unusable results")
	}
	argv := make([]reflect.Value, numIn)
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		argv[i] = s.evalArg(dot, typ.In(i), args[i])
	}
	if typ.IsVariadic() {
		at := typ.In(typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			argv[i] = s.evalArg(dot, at, args[i])
		}
	}
	if hasFinal {
		t := typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				t = typ.In(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		argv[i] = s.validateType(final, t)
	}
	if direct != nil {
		out, err := direct(recv, argv)
		if err != nil {
			bail("function returned an error") // html/template reports it
		}
		return out
	}
	out := fn.Call(argv)
	if len(out) == 2 && !out[1].IsNil() {
		bail("function returned an error") // html/template reports it
	}
	return unwrap(out[0])
}

var reflectValueType = reflect.TypeFor[reflect.Value]()

func unwrap(v reflect.Value) reflect.Value {
	if v.Type() == reflectValueType {
		v = v.Interface().(reflect.Value)
	}
	return v
}

// evalArg is text/template's evalArg: an argument of type typ.
func (s *state) evalArg(dot reflect.Value, typ reflect.Type, a *arg) reflect.Value {
	switch a.kind {
	case argDot:
		return s.validateType(dot, typ)
	case argNil:
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		bail("nil for a type that cannot be nil")
	case argField:
		return s.validateType(s.fieldChain(dot, dot, a.fields, nil, reflect.Value{}, false), typ)
	case argVar:
		return s.validateType(s.variable(dot, a), typ)
	case argPipe:
		return s.validateType(s.pipeline(dot, a.pipe), typ)
	case argFunc:
		return s.validateType(s.callIdent(dot, a, nil, reflect.Value{}, false), typ)
	case argChain:
		return s.validateType(s.fieldChain(dot, s.evalArg(dot, nil, a.inner), a.fields, nil, reflect.Value{}, false), typ)
	}
	if typ == nil {
		bail("constant with no type")
	}
	if a.constant.IsValid() && typ == a.constant.Type() {
		// A constant of the parameter's own type: text/template makes an
		// addressable copy of it for each call, which only ever is read.
		return a.constant
	}
	switch typ.Kind() {
	case reflect.Bool:
		if a.kind == argBool {
			v := reflect.New(typ).Elem()
			v.SetBool(a.constant.Bool())
			return v
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if a.kind == argInt {
			v := reflect.New(typ).Elem()
			v.SetInt(a.num)
			return v
		}
	case reflect.String:
		if a.kind == argString {
			v := reflect.New(typ).Elem()
			v.SetString(a.text)
			return v
		}
	case reflect.Interface:
		if typ.NumMethod() == 0 {
			return a.constant
		}
	case reflect.Struct:
		if typ == reflectValueType {
			return reflect.ValueOf(a.constant)
		}
	}
	bail("constant of another type")
	return reflect.Value{}
}

// variable evaluates $x or $x.A.B as an argument.
func (s *state) variable(dot reflect.Value, a *arg) reflect.Value {
	v := s.varValue(a.text)
	if len(a.fields) == 0 {
		return v
	}
	return s.fieldChain(dot, v, a.fields, nil, reflect.Value{}, false)
}

// validateType is text/template's: value as an argument of type typ.
func (s *state) validateType(value reflect.Value, typ reflect.Type) reflect.Value {
	if !value.IsValid() {
		if typ == nil {
			return value
		}
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		bail("no value for an argument")
	}
	if typ == reflectValueType && value.Type() != typ {
		return reflect.ValueOf(value)
	}
	if typ != nil && !value.Type().AssignableTo(typ) {
		if value.Kind() == reflect.Interface && !value.IsNil() {
			value = value.Elem()
			if value.Type().AssignableTo(typ) {
				return value
			}
		}
		switch {
		case value.Kind() == reflect.Pointer && value.Type().Elem().AssignableTo(typ):
			value = value.Elem()
			if !value.IsValid() {
				bail("nil pointer for an argument")
			}
		case reflect.PointerTo(value.Type()).AssignableTo(typ) && value.CanAddr():
			value = value.Addr()
		default:
			bail("argument of the wrong type")
		}
	}
	return value
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == reflectValueType
	}
	return false
}

// isTrue is text/template's truth: false for zero values and empty
// collections; ok false for a kind that has no truth.
func isTrue(val reflect.Value) (truth, ok bool) {
	if !val.IsValid() {
		return false, true
	}
	switch val.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		truth = val.Len() > 0
	case reflect.Bool:
		truth = val.Bool()
	case reflect.Complex64, reflect.Complex128:
		truth = val.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		truth = !val.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		truth = val.Int() != 0
	case reflect.Float32, reflect.Float64:
		truth = val.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		truth = val.Uint() != 0
	case reflect.Struct:
		truth = true
	default:
		return false, false
	}
	return truth, true
}

func truth(v reflect.Value) bool {
	t, _ := isTrue(indirectInterface(v))
	return t
}

// indirect steps through pointers and interfaces down to a value, or to
// the nil one that stops it.
func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}
