package site

import (
	"io/fs"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"alisnord/generator/diag"
)

// TestCacheLoad checks that a load through the cache gives the same model
// as a plain load, after edits the cache was told about, and that it does
// not read a file it was not told changed.
func TestCacheLoad(t *testing.T) {
	m := repoFS(t)
	c := NewCache()
	same := func(step string) *Site {
		t.Helper()
		want, wantErr := Load(m, Options{Now: now})
		got, gotErr := c.Load(m, Options{Now: now})
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotErr, wantErr) {
			t.Fatalf("%s: cached load differs from a plain load\n got err %v\nwant err %v", step, gotErr, wantErr)
		}
		return got
	}
	same("first load")
	if c.Len() == 0 {
		t.Fatal("the cache kept no article")
	}
	if same("second load").Articles[0] == same("third load").Articles[0] {
		t.Error("two loads share an Article; publish would change the earlier site")
	}

	news := "content/nyheter/styringsgruppen-samles.md"
	edit(t, m, news, "Styringsgruppen for ALIS-Nord samles", "Ny tittel:")
	c.Forget(news)
	if s := same("after an edit"); !strings.HasPrefix(s.Articles[len(s.Articles)-1].Title, "Ny tittel:") {
		t.Errorf("edited title not seen: %q", s.Articles[len(s.Articles)-1].Title)
	}

	// The tags of the last load are kept while every article carries the
	// same ones (tagmemo.go): each edit below must be seen.
	tagEdits := []struct{ step, old, new string }{
		{"after a tag added", `tags = ["styringsgruppe", "finansiering"]`, `tags = ["styringsgruppe", "søknader", "finansiering"]`},
		{"after a tag spelt in another case", `"søknader", "finansiering"]`, `"Søknader", "finansiering"]`},
		{"after a tag spelt otherwise", `"Søknader", "finansiering"]`, `"soknader", "finansiering"]`},
		{"after the spelling is fixed", `"soknader", "finansiering"]`, `"søknader", "finansiering"]`},
		{"after the oldest news became the newest", "date = 2018-11-01", "date = 2020-11-01"},
		{"after a tag removed", `"styringsgruppe", "søknader", `, `"søknader", `},
	}
	for _, e := range tagEdits {
		edit(t, m, news, e.old, e.new)
		c.Forget(news)
		same(e.step)
	}

	// The news' order and the check of addresses are kept while the
	// dates and slugs are (ordermemo.go): a file renamed to the address
	// of another, the number of files the same, must still be reported.
	clash := "content/nyheter/25-Deltakere-og-konferanse-i-bodo.md"
	m[clash], m[news] = m[news], nil
	delete(m, news)
	c.Forget(news)
	c.Forget(clash)
	same("with a file renamed to another's address")
	m[news] = m[clash]
	delete(m, clash)
	c.Forget(news)
	c.Forget(clash)
	same("with the file back")

	m["content/nyheter/ny.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Ny\"\ndate = 2000-01-01\n+++\nTekst.\n")}
	c.Forget("content/nyheter/ny.md")
	same("after a new file, the oldest")
	delete(m, "content/nyheter/ny.md")
	c.Forget("content/nyheter/ny.md")
	same("after a deleted file")
	// A file the cache parsed on request (Article) that the walk does not
	// build is dropped at the next load.
	files := c.Len()
	m["content/nyheter/notat.txt"] = &fstest.MapFile{Data: []byte("Notat.\n")}
	c.Forget("content/nyheter/notat.txt")
	if _, err := c.Article(m, "content/nyheter/notat.txt"); err == nil {
		t.Error("content/nyheter/notat.txt parsed as an article")
	}
	c.LoadAll(m, Options{Now: now})
	if c.Len() != files {
		t.Errorf("after a load the cache holds %d files, want the %d the walk found", c.Len(), files)
	}
	delete(m, "content/nyheter/notat.txt")
	c.Forget("content/nyheter/notat.txt")

	m["content/nyheter/brutt.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \n+++\n")}
	c.Forget("content/nyheter/brutt.md")
	same("with a broken file")
	same("with the broken file cached")
	c.Forget("content/nyheter")
	delete(m, "content/nyheter/brutt.md")
	same("after forgetting a folder")

	m["content/ny-mappe/side.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Side i ny mappe\"\n+++\nTekst.\n")}
	c.Forget("content/ny-mappe")
	same("after a new folder")
}

// TestCacheTrustsForget shows the contract: a change the cache is not told
// about, an edit or a new file, is not seen until Forget (or Clear).
func TestCacheTrustsForget(t *testing.T) {
	m := repoFS(t)
	c := NewCache()
	first, err := c.Load(m, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	pages := len(first.Pages)
	page := "content/om.md"
	edit(t, m, page, "title = \"", "title = \"Endret ")
	title := func() string {
		s, err := c.Load(m, Options{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range s.Pages {
			if a.Path == page {
				return a.Title
			}
		}
		t.Fatalf("%s not loaded", page)
		return ""
	}
	if got := title(); strings.HasPrefix(got, "Endret ") {
		t.Errorf("the cache read a file it was not told about: %q", got)
	}
	m["content/ny.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Ny\"\n+++\n")}
	if s, _ := c.Load(m, Options{Now: now}); len(s.Pages) != pages {
		t.Errorf("the cache listed content/ again without being told: %d pages", len(s.Pages))
	}
	c.Clear()
	if got := title(); !strings.HasPrefix(got, "Endret ") {
		t.Errorf("after Clear the edit is still not seen: %q", got)
	}
}

// TestSameMetaCoversFields changes each field of Meta in turn, and the
// body: every field of Meta must make SameMeta false, or the dev server
// would take an edit of that field for a body-only edit.
func TestSameMetaCoversFields(t *testing.T) {
	base := Article{Meta: Meta{Title: "T", Tags: []string{"a"}, Date: now}, Body: []byte("x")}
	body := base
	body.Body, body.Future, body.Prev = []byte("y"), true, &Article{}
	if !SameMeta(&body, &base) {
		t.Error("SameMeta is false after a change of the body alone")
	}
	typ := reflect.TypeOf(base.Meta)
	for i := range typ.NumField() {
		f := typ.Field(i)
		a := base
		a.Tags = slices.Clone(base.Tags)
		switch x := reflect.ValueOf(&a.Meta).Elem().Field(i).Addr().Interface().(type) {
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
		case *Layout:
			*x += "x"
		default:
			t.Errorf("field %s (%s): teach this test about its type", f.Name, f.Type)
			continue
		}
		if SameMeta(&a, &base) {
			t.Errorf("SameMeta after a change of %s = true, want false", f.Name)
		}
	}
}

// TestCacheArticleAsWalk asks the dev server's one-file path for files the
// walk of content/ reports, and expects the walk's diagnostic.
func TestCacheArticleAsWalk(t *testing.T) {
	md := []byte("+++\ntitle = \"x\"\n+++\n")
	tests := []struct {
		name string
		add  fstest.MapFS
		p    string
		want string
	}{
		{"link", fstest.MapFS{"content/lenke.md": {Data: []byte("om.md"), Mode: fs.ModeSymlink}}, "content/lenke.md",
			"content/lenke.md:1:1: er en symbolsk lenke: bygget følger ikke lenker; legg selve filen eller mappen her i stedet"},
		{"hidden folder", fstest.MapFS{"content/.utkast/x.md": {Data: md}}, "content/.utkast/x.md",
			"content/.utkast:1:1: skjult navn (begynner med punktum) blir ikke med på nettstedet: gi det et navn uten punktum foran, eller flytt det ut av content/"},
		{"upper case", fstest.MapFS{"content/x.MD": {Data: md}}, "content/x.MD",
			"content/x.MD:1:1: filendelsen .MD blir ikke bygget: gi filen endelsen .md (små bokstaver)"},
		{"fifo", fstest.MapFS{"content/x.md": {Mode: fs.ModeNamedPipe}}, "content/x.md",
			"content/x.md:1:1: er et navngitt rør (FIFO), ikke en vanlig fil: slett det og legg en vanlig fil her"},
		{"gone", fstest.MapFS{}, "content/borte.md",
			"content/borte.md:1:1: filen finnes ikke: opprett den, eller sjekk navnet"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := repoFS(t)
			maps.Copy(m, tc.add)
			_, err := NewCache().Article(m, tc.p)
			if err == nil || err.Error() != tc.want {
				t.Errorf("want\n%s\ngot\n%v", tc.want, err)
			}
			_, ds := LoadAll(m, Options{Now: now})
			if len(tc.add) > 0 && (len(ds) != 1 || ds[0].String() != tc.want) {
				t.Errorf("the walk says\n%v", ds)
			}
		})
	}
}
