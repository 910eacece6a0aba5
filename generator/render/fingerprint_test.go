package render

import (
	"hash/maphash"
	"reflect"
	"testing"
	"time"

	"alisnord/generator/site"
)

// TestArticleMetaCoversFields changes each field of site.Article in turn
// and checks that articleMeta notices: a field added to Article and left
// out of the fingerprint would leave stale pages in the dev server.
func TestArticleMetaCoversFields(t *testing.T) {
	seed := maphash.MakeSeed()
	sum := func(a *site.Article) uint64 {
		f := newFingerprint(seed)
		f.articleMeta(a)
		return f.sum()
	}
	base := site.Article{Title: "T", Tags: []string{"a"}, Date: time.Date(2019, 1, 2, 0, 0, 0, 0, time.UTC)}
	covered := map[string]bool{"Body": true, "Prev": true, "Next": true} // hashed on their own
	typ := reflect.TypeOf(base)
	for i := range typ.NumField() {
		field := typ.Field(i)
		if covered[field.Name] {
			continue
		}
		a := base
		a.Tags = append([]string(nil), base.Tags...)
		v := reflect.ValueOf(&a).Elem().Field(i)
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
		case *site.Pos:
			x.Line++
		case *site.Layout:
			*x += "x"
		default:
			t.Errorf("field %s (%s): teach this test and articleMeta about its type", field.Name, field.Type)
			continue
		}
		if sum(&a) == sum(&base) {
			t.Errorf("articleMeta ignores Article.%s", field.Name)
		}
	}
}

// TestDataValue checks that the data hash sees a change deep in the model
// and ignores the links the check fills in.
func TestDataValue(t *testing.T) {
	seed := maphash.MakeSeed()
	sum := func(s *site.Site) uint64 {
		f := newFingerprint(seed)
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
	s.Articles = []*site.Article{{Title: "x"}}
	if sum(s) != before {
		t.Error("the data hash depends on the articles")
	}
	s.Areas[0].Municipalities = 3
	if sum(s) == before {
		t.Error("the data hash ignores a changed float")
	}
}
