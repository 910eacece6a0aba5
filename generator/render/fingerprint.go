package render

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"sync"
	"time"

	"alisnord/generator/site"
)

// fingerprint hashes what a page is made from, so the incremental renderer
// can tell whether it must execute the page again. Fields are written with
// a separator or a length so that no two inputs run together. The sums
// are the same in every process (wordHash), so a build can compare its
// keys with those the last build kept beside its output. The zero value
// is ready.
type fingerprint struct{ h wordHash }

func newFingerprint() *fingerprint { return &fingerprint{} }

func (f *fingerprint) str(ss ...string) {
	for _, s := range ss {
		f.h.writeString(s)
		f.h.writeByte(0)
	}
}

func (f *fingerprint) num(ns ...uint64) {
	for _, n := range ns {
		f.h.writeUint64(n)
	}
}

func (f *fingerprint) flag(b bool) {
	if b {
		f.h.writeByte(1)
	} else {
		f.h.writeByte(0)
	}
}

func (f *fingerprint) time(t time.Time) {
	_, off := t.Zone()
	f.num(uint64(t.Unix()), uint64(t.Nanosecond()), uint64(off))
}

func (f *fingerprint) sum() uint64 { return f.h.sum64() }

// articleMeta hashes everything of an article a page may show but its
// Markdown body, its neighbours and its publishing flags (Future,
// Expired), which keys adds: its Meta, whole, by reflection, so a field
// added to site.Meta needs no change here.
func (f *fingerprint) articleMeta(a *site.Article) {
	f.value(reflect.ValueOf(a.Meta))
}

// pageIdentity hashes what pages() sets on a page besides its articles,
// which keys hashes by their meta: every exported field by reflection
// (pointers are not followed, so the lists' articles are only counted),
// the pager and archive year they point to, and how the page links.
func (f *fingerprint) pageIdentity(p *Page) {
	f.value(reflect.ValueOf(p).Elem())
	if p.Pager != nil {
		f.value(reflect.ValueOf(p.Pager).Elem())
	}
	if p.Year != nil {
		f.value(reflect.ValueOf(p.Year).Elem())
	}
	f.str(p.root)
	f.num(uint64(p.form))
}

var timeType = reflect.TypeFor[time.Time]()

// hashPlan is how value hashes values of one type, worked out once per
// type (planFor): which fields of a struct hash something, and whether
// the elements of a slice do. Asking reflect for a struct's fields, and a
// map of types for the plan, on every value of every page was much of the
// cost of a page's key.
type hashPlan struct {
	kind   reflect.Kind
	time   bool        // time.Time, hashed by its instant and zone
	fields []fieldPlan // a struct's exported fields that hash something
	elem   *hashPlan   // a slice's or array's elements; nil when they hash nothing
	done   bool        // worked out; a type is planned before its own fields are
}

type fieldPlan struct {
	index int
	plan  *hashPlan
}

var plans sync.Map // reflect.Type → *hashPlan

func planFor(t reflect.Type) *hashPlan {
	if p, ok := plans.Load(t); ok {
		return p.(*hashPlan)
	}
	p := newPlan(t, map[reflect.Type]*hashPlan{})
	plans.Store(t, p)
	return p
}

// newPlan works out the plan of t; planning holds the plans begun, so
// that a type reached again through its own fields (a tree) is planned
// once.
func newPlan(t reflect.Type, planning map[reflect.Type]*hashPlan) *hashPlan {
	if p, ok := planning[t]; ok {
		return p
	}
	p := &hashPlan{kind: t.Kind(), time: t == timeType}
	planning[t] = p
	switch {
	case p.time:
	case p.kind == reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() {
				if fp := newPlan(f.Type, planning); fp.hashes() {
					p.fields = append(p.fields, fieldPlan{i, fp})
				}
			}
		}
	case p.kind == reflect.Slice || p.kind == reflect.Array:
		if e := newPlan(t.Elem(), planning); e.hashes() {
			p.elem = e
		}
	}
	p.done = true
	return p
}

// hashes tells whether value writes anything for a value of the plan's
// type. Pointers, interfaces, functions and channels write nothing, nor
// does a struct of them alone, so value skips such fields, and of a slice
// of them (a list page's articles, 10,000 pointers on some pages) writes
// only the length: the sum is the same. A type still being planned is
// taken to hash something, which can only cost time.
func (p *hashPlan) hashes() bool {
	switch p.kind {
	case reflect.Struct:
		return p.time || len(p.fields) > 0 || !p.done
	case reflect.Slice, reflect.Array, reflect.Map, reflect.String, reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// value hashes a data value of the model by reflection: structs, slices,
// maps (in key order) and scalars. Pointers are not followed: in the model
// they are links the check fills in between entries that are hashed in
// their own right (an area's participants, a participant's area).
func (f *fingerprint) value(v reflect.Value) { f.planned(v, planFor(v.Type())) }

// planned is value for v of the type of plan p.
func (f *fingerprint) planned(v reflect.Value, p *hashPlan) {
	switch v.Kind() {
	case reflect.Struct:
		if p.time {
			f.time(v.Interface().(time.Time))
			return
		}
		for _, fp := range p.fields {
			f.planned(v.Field(fp.index), fp.plan)
		}
	case reflect.Slice, reflect.Array:
		n := v.Len()
		f.num(uint64(n))
		if p.elem == nil {
			return
		}
		for i := range n {
			f.planned(v.Index(i), p.elem)
		}
	case reflect.Map:
		f.mapEntries(v, f.value)
	default:
		f.scalar(v)
	}
}

// mapEntries hashes map v's length, then each key and value with each,
// in the order of the keys' text.
func (f *fingerprint) mapEntries(v reflect.Value, each func(reflect.Value)) {
	keys := v.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
	f.num(uint64(len(keys)))
	for _, k := range keys {
		each(k)
		each(v.MapIndex(k))
	}
}

// scalar hashes a string, number or flag; other kinds write nothing.
func (f *fingerprint) scalar(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		f.str(v.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		f.num(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		f.num(v.Uint())
	case reflect.Float32, reflect.Float64:
		f.num(math.Float64bits(v.Float()))
	case reflect.Bool:
		f.flag(v.Bool())
	}
}
