package site

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
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

	m["content/nyheter/ny.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Ny\"\ndate = 2000-01-01\n+++\nTekst.\n")}
	same("after a new file, the oldest")
	delete(m, "content/nyheter/ny.md")
	same("after a deleted file")

	m["content/nyheter/brutt.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \n+++\n")}
	same("with a broken file")
	same("with the broken file cached")
	c.Forget("content/nyheter")
	delete(m, "content/nyheter/brutt.md")
	same("after forgetting a folder")
}

// TestCacheTrustsForget shows the contract: a change the cache is not told
// about is not seen until Forget (or Clear).
func TestCacheTrustsForget(t *testing.T) {
	m := repoFS(t)
	c := NewCache()
	if _, err := c.Load(m, Options{Now: now}); err != nil {
		t.Fatal(err)
	}
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
	c.Clear()
	if got := title(); !strings.HasPrefix(got, "Endret ") {
		t.Errorf("after Clear the edit is still not seen: %q", got)
	}
}
