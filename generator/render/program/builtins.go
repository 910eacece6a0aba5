package program

import (
	"errors"
	"fmt"
	"reflect"
)

// builtins are text/template's predefined functions that this site's
// templates use, with text/template's signatures, so arguments are
// converted as text/template converts them. and and or are run by andOr,
// which does not evaluate what it does not need; their entries give the
// signature. A function not here makes a template fall back.
var builtins = map[string]reflect.Value{
	"and":     reflect.ValueOf(func(reflect.Value, ...reflect.Value) reflect.Value { panic("unreachable") }),
	"or":      reflect.ValueOf(func(reflect.Value, ...reflect.Value) reflect.Value { panic("unreachable") }),
	"not":     reflect.ValueOf(not),
	"len":     reflect.ValueOf(length),
	"index":   reflect.ValueOf(index),
	"eq":      reflect.ValueOf(eq),
	"ne":      reflect.ValueOf(ne),
	"lt":      reflect.ValueOf(lt),
	"le":      reflect.ValueOf(le),
	"gt":      reflect.ValueOf(gt),
	"ge":      reflect.ValueOf(ge),
	"print":   reflect.ValueOf(fmt.Sprint),
	"printf":  reflect.ValueOf(fmt.Sprintf),
	"println": reflect.ValueOf(fmt.Sprintln),
}

// errBuiltin makes a built-in fail; html/template then reports the
// failure in its own words.
var errBuiltin = errors.New("program: built-in function failed")

func not(arg reflect.Value) bool { return !truth(arg) }

func length(item reflect.Value) (int, error) {
	item, isNil := indirect(item)
	if isNil {
		return 0, errBuiltin
	}
	switch item.Kind() {
	case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
		return item.Len(), nil
	}
	return 0, errBuiltin
}

// index is text/template's index for slices, arrays, strings and maps,
// with int indexes and keys of the map's own type.
func index(item reflect.Value, indexes ...reflect.Value) (reflect.Value, error) {
	item = indirectInterface(item)
	if !item.IsValid() {
		return reflect.Value{}, errBuiltin
	}
	for _, ix := range indexes {
		ix = indirectInterface(ix)
		var isNil bool
		if item, isNil = indirect(item); isNil {
			return reflect.Value{}, errBuiltin
		}
		switch item.Kind() {
		case reflect.Array, reflect.Slice, reflect.String:
			if ix.Kind() != reflect.Int {
				return reflect.Value{}, errBuiltin
			}
			i := ix.Int()
			if i < 0 || i >= int64(item.Len()) {
				return reflect.Value{}, errBuiltin
			}
			item = item.Index(int(i))
		case reflect.Map:
			if !ix.IsValid() || !ix.Type().AssignableTo(item.Type().Key()) {
				return reflect.Value{}, errBuiltin
			}
			if x := item.MapIndex(ix); x.IsValid() {
				item = x
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		default:
			return reflect.Value{}, errBuiltin
		}
	}
	return item, nil
}

type basic int

const (
	noBasic basic = iota
	boolBasic
	intBasic
	uintBasic
	floatBasic
	stringBasic
)

func basicOf(v reflect.Value) basic {
	switch v.Kind() {
	case reflect.Bool:
		return boolBasic
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intBasic
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return uintBasic
	case reflect.Float32, reflect.Float64:
		return floatBasic
	case reflect.String:
		return stringBasic
	}
	return noBasic
}

// eq is text/template's eq for basic kinds: true if arg1 equals any of
// the others. Other kinds (pointers, structs, complex numbers, nil) fail,
// and html/template decides.
func eq(arg1 reflect.Value, arg2 ...reflect.Value) (bool, error) {
	arg1 = indirectInterface(arg1)
	k1 := basicOf(arg1)
	if len(arg2) == 0 || k1 == noBasic {
		return false, errBuiltin
	}
	for _, arg := range arg2 {
		arg = indirectInterface(arg)
		k2 := basicOf(arg)
		var truth bool
		switch {
		case k1 == intBasic && k2 == uintBasic:
			truth = arg1.Int() >= 0 && uint64(arg1.Int()) == arg.Uint()
		case k1 == uintBasic && k2 == intBasic:
			truth = arg.Int() >= 0 && arg1.Uint() == uint64(arg.Int())
		case k1 != k2:
			return false, errBuiltin
		case k1 == boolBasic:
			truth = arg1.Bool() == arg.Bool()
		case k1 == intBasic:
			truth = arg1.Int() == arg.Int()
		case k1 == uintBasic:
			truth = arg1.Uint() == arg.Uint()
		case k1 == floatBasic:
			truth = arg1.Float() == arg.Float()
		case k1 == stringBasic:
			truth = arg1.String() == arg.String()
		}
		if truth {
			return true, nil
		}
	}
	return false, nil
}

func ne(arg1, arg2 reflect.Value) (bool, error) {
	equal, err := eq(arg1, arg2)
	return !equal, err
}

// lt is text/template's lt for numbers and strings.
func lt(arg1, arg2 reflect.Value) (bool, error) {
	arg1, arg2 = indirectInterface(arg1), indirectInterface(arg2)
	k1, k2 := basicOf(arg1), basicOf(arg2)
	switch {
	case k1 == intBasic && k2 == uintBasic:
		return arg1.Int() < 0 || uint64(arg1.Int()) < arg2.Uint(), nil
	case k1 == uintBasic && k2 == intBasic:
		return arg2.Int() >= 0 && arg1.Uint() < uint64(arg2.Int()), nil
	case k1 != k2 || k1 == noBasic || k1 == boolBasic:
		return false, errBuiltin
	case k1 == intBasic:
		return arg1.Int() < arg2.Int(), nil
	case k1 == uintBasic:
		return arg1.Uint() < arg2.Uint(), nil
	case k1 == floatBasic:
		return arg1.Float() < arg2.Float(), nil
	}
	return arg1.String() < arg2.String(), nil
}

func le(arg1, arg2 reflect.Value) (bool, error) {
	less, err := lt(arg1, arg2)
	if less || err != nil {
		return less, err
	}
	return eq(arg1, arg2)
}

func gt(arg1, arg2 reflect.Value) (bool, error) {
	lessOrEqual, err := le(arg1, arg2)
	return !lessOrEqual, err
}

func ge(arg1, arg2 reflect.Value) (bool, error) {
	less, err := lt(arg1, arg2)
	return !less, err
}
