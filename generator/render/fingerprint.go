package render

import (
	"encoding/binary"
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
	var b [8]byte
	for _, n := range ns {
		binary.LittleEndian.PutUint64(b[:], n)
		f.h.write(b[:])
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

// fieldsOf caches, by struct type, the indexes of its exported fields:
// asking reflect for them on every value of every page is much of the
// cost of a page's key.
var fieldsOf sync.Map // reflect.Type → []int

func exportedFields(t reflect.Type) []int {
	if fields, ok := fieldsOf.Load(t); ok {
		return fields.([]int)
	}
	var fields []int
	for i := range t.NumField() {
		if t.Field(i).IsExported() {
			fields = append(fields, i)
		}
	}
	fieldsOf.Store(t, fields)
	return fields
}

// value hashes a data value of the model by reflection: structs, slices,
// maps (in key order) and scalars. Pointers are not followed: in the model
// they are links the check fills in between entries that are hashed in
// their own right (an area's participants, a participant's area).
func (f *fingerprint) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		t := v.Type()
		if t == timeType {
			f.time(v.Interface().(time.Time))
			return
		}
		for _, i := range exportedFields(t) {
			f.value(v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		f.num(uint64(v.Len()))
		for i := range v.Len() {
			f.value(v.Index(i))
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		f.num(uint64(len(keys)))
		for _, k := range keys {
			f.value(k)
			f.value(v.MapIndex(k))
		}
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
