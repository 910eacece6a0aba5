package render

import (
	"os"
	"reflect"
	"testing"
	"time"

	"alisnord/generator/bench/corpus"
	"alisnord/generator/diag"
	"alisnord/generator/site"
)

// TestArticleMetaCoversFields changes each field of site.Meta in turn,
// and the publishing flags, and checks that articleMeta notices: a field
// the fingerprint missed would leave stale pages in the dev server.
func TestArticleMetaCoversFields(t *testing.T) {
	sum := func(a *site.Article) uint64 {
		f := newFingerprint()
		f.articleMeta(a)
		return f.sum()
	}
	base := site.Article{Meta: site.Meta{Title: "T", Tags: []string{"a"}, Date: time.Date(2019, 1, 2, 0, 0, 0, 0, time.UTC)}}
	published := func(a *site.Article) uint64 {
		f := newFingerprint()
		f.published(articleKeys{meta: sum(a)}, a)
		return f.sum()
	}
	for _, flag := range []func(*site.Article){func(a *site.Article) { a.Future = true }, func(a *site.Article) { a.Expired = true }} {
		a := base
		if flag(&a); published(&a) == published(&base) {
			t.Error("the key of a published article ignores a publishing flag")
		}
	}
	typ := reflect.TypeOf(base.Meta)
	for i := range typ.NumField() {
		field := typ.Field(i)
		a := base
		a.Tags = append([]string(nil), base.Tags...)
		v := reflect.ValueOf(&a.Meta).Elem().Field(i)
		switch x := v.Addr().Interface().(type) {
		case *string:
			*x += "x"
		case *bool:
			*x = !*x
		case *int:
			*x++
		case *time.Time:
			*x = x.AddDate(0, 0, 1)
		case *[]string:
			*x = append(*x, "b")
		case *diag.Pos:
			x.Line++
		case *site.Layout:
			*x += "x"
		default:
			t.Errorf("field %s (%s): teach this test about its type", field.Name, field.Type)
			continue
		}
		if sum(&a) == sum(&base) {
			t.Errorf("articleMeta ignores Meta.%s", field.Name)
		}
	}
}

// TestPageIdentityCoversFields sets each exported field of a Page in turn
// and checks that pageIdentity notices, but for the fields whose content
// the page's key hashes in its own way: the site (its data), the article,
// area, participant, tag and event shown (their meta or the data), the
// lists of articles (their meta), and what rendering fills in.
func TestPageIdentityCoversFields(t *testing.T) {
	sum := func(p *Page) uint64 {
		f := newFingerprint()
		f.pageIdentity(p)
		return f.sum()
	}
	elsewhere := map[string]bool{"Site": true, "Article": true, "Area": true, "Participant": true, "Tag": true,
		"Event": true, "Articles": true, "Related": true, "Body": true, "Slides": true}
	base := Page{}
	typ := reflect.TypeOf(base)
	for i := range typ.NumField() {
		field := typ.Field(i)
		if !field.IsExported() || elsewhere[field.Name] {
			continue
		}
		p := base
		v := reflect.ValueOf(&p).Elem().Field(i)
		switch v.Kind() {
		case reflect.String:
			v.SetString("x")
		case reflect.Bool:
			v.SetBool(true)
		case reflect.Slice:
			v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
		case reflect.Pointer:
			e := reflect.New(v.Type().Elem())
			e.Elem().Field(0).SetInt(1) // Pager.Number, ArchiveYear.Year
			v.Set(e)
		default:
			t.Errorf("field %s (%s): teach this test about its kind", field.Name, field.Type)
			continue
		}
		if sum(&p) == sum(&base) {
			t.Errorf("pageIdentity ignores Page.%s", field.Name)
		}
	}
}

// TestDataValue checks that the data hash sees a change deep in the model
// and ignores the links the check fills in.
func TestDataValue(t *testing.T) {
	sum := func(s *site.Site) uint64 {
		f := newFingerprint()
		f.value(dataOf(s))
		return f.sum()
	}
	s := &site.Site{Areas: []site.Area{{ID: "nord", Municipalities: 2.5}}, Participants: []site.Participant{{ID: "p"}}}
	s.Participants[0].AreaRef = &s.Areas[0]
	s.Areas[0].Participants = []*site.Participant{&s.Participants[0]}
	before := sum(s)
	if sum(s) != before {
		t.Fatal("the data hash is not stable")
	}
	s.Articles = []*site.Article{{Meta: site.Meta{Title: "x"}}}
	if sum(s) != before {
		t.Error("the data hash depends on the articles")
	}
	s.Areas[0].Municipalities = 3
	if sum(s) == before {
		t.Error("the data hash ignores a changed float")
	}
}

// walkValue is what value did before it had plans: every exported field
// and element, by reflection, looked up anew on every value (maps and
// scalars as value hashes them). The test below holds value's sums to it.
func walkValue(f *fingerprint, v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == timeType {
			f.time(v.Interface().(time.Time))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walkValue(f, v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		f.num(uint64(v.Len()))
		for i := range v.Len() {
			walkValue(f, v.Index(i))
		}
	case reflect.Map:
		f.mapEntries(v, func(v reflect.Value) { walkValue(f, v) })
	default:
		f.scalar(v)
	}
}

// planTree reaches its own type through a slice, and planLinks hashes
// nothing but the length of its lists: the two cases where a plan skips
// or must not skip.
type planTree struct {
	Kids []planTree // before Name: planned while planTree has no fields yet
	Name string
	Up   *planTree
}

type planLinks struct {
	Next  *planLinks
	Funcs []func()
	Any   []any
	Ptrs  [2]*int
	hide  string
}

// TestValuePlansSumAsWalk checks that value, with its plans, gives the
// same sums as the plain walk, for the pages of a synthetic site and for
// the types that make plans skip: pointers, functions, interfaces,
// unexported fields, and a type inside itself.
func TestValuePlansSumAsWalk(t *testing.T) {
	m, err := corpus.FS(corpus.SizeFor(60), os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.Load(m, site.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	r, _, err := NewEngine(Remember).prepare(s, Options{Root: m, Serve: true})
	if err != nil {
		t.Fatal(err)
	}
	var values []any
	for _, p := range r.pages() {
		values = append(values, *p)
		if p.Year != nil {
			values = append(values, *p.Year)
		}
	}
	values = append(values, dataOf(s).Interface(), s.Articles[0].Meta,
		planTree{Name: "a", Kids: []planTree{{Name: "b"}, {Kids: []planTree{{Name: "c"}, {}}}}},
		planTree{}, planLinks{Funcs: make([]func(), 3), Any: []any{1, "x"}, hide: "x"},
		[]planLinks{{}, {}}, map[string][]planTree{"x": {{Name: "y"}}, "z": nil},
		[3]time.Time{time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)}, []uint8{1, 2}, [2]float64{0.5, 1})
	for i, v := range values {
		var planned, walked fingerprint
		planned.value(reflect.ValueOf(v))
		walkValue(&walked, reflect.ValueOf(v))
		if planned.sum() != walked.sum() {
			t.Errorf("value %d (%T): the plan's sum %#x, the walk's %#x", i, v, planned.sum(), walked.sum())
		}
	}
	if len(values) < 50 {
		t.Fatalf("only %d values: the corpus gave too few pages", len(values))
	}
}
