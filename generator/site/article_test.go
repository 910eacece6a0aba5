package site

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestArticleErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"no front matter", "# Hei\n", "content/nyheter/x.md:1:1: filen må begynne med en linje med bare +++"},
		{"never closed", "+++\ntitle = \"x\"\ndate = 2019-01-01\n", "content/nyheter/x.md:1:1: front matter åpnes med +++ på linje 1, men lukkes aldri"},
		{"missing title", "+++\ndate = 2019-01-01\n+++\nTekst\n", `content/nyheter/x.md:1:1: mangler påkrevd felt "title"`},
		{"missing date", "+++\ntitle = \"x\"\n+++\nTekst\n", `content/nyheter/x.md:1:1: mangler påkrevd felt "date"`},
		{"bad toml", "+++\ntitle = \"x\ndate = 2019-01-01\n+++\n", "content/nyheter/x.md:2:"},
		{"unknown key", "+++\ntitle = \"x\"\ndate = 2019-01-01\nforfatter = \"A\"\n+++\n", `content/nyheter/x.md:4:1: ukjent felt "forfatter"`},
		{"impossible date", "+++\ntitle = \"x\"\ndate = 2019-02-29\n+++\n", "content/nyheter/x.md:3:"},
		{"date as text", "+++\ntitle = \"x\"\ndate = \"2019-02-01\"\n+++\n", "content/nyheter/x.md:3:1: date må være en dato"},
		{"expiry before date", "+++\ntitle = \"x\"\ndate = 2019-02-01\nexpiryDate = 2019-01-01\n+++\n", "content/nyheter/x.md:4:1: expiryDate (2019-01-01) er ikke etter"},
		{"not utf-8", "+++\ntitle = \"\xff\"\n+++\n", "content/nyheter/x.md:2:10: ugyldig UTF-8 (byte 0xff): lagre filen som UTF-8 i editoren"},
		{"unknown layout", "+++\ntitle = \"x\"\ndate = 2019-02-01\nlayout = \"slides\"\n+++\n", `content/nyheter/x.md:4:1: ukjent layout "slides"`},
		{"news as slides", "+++\ntitle = \"x\"\ndate = 2019-02-01\nlayout = \"lysbilder\"\n+++\n", "content/nyheter/x.md:4:1: en nyhetssak kan ikke være lysbilder"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := repoFS(t)
			m["content/nyheter/x.md"] = &fstest.MapFile{Data: []byte(tc.src)}
			_, err := Load(m, Options{Now: now})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("want …%s…, got:\n%v", tc.want, err)
			}
		})
	}
}

func TestEveryProblemListedSorted(t *testing.T) {
	m := repoFS(t)
	edit(t, m, ProjectFile, "positions = 32", "positions = 33")
	edit(t, m, AreasFile, "health_trust = \"Nordlandssykehuset\"", "healthtrust = \"Nordlandssykehuset\"")
	m["content/nyheter/x.md"] = &fstest.MapFile{Data: []byte("+++\ndate = 2019-01-01\n+++\n")}
	_, err := Load(m, Options{Now: now})
	if err == nil {
		t.Fatal("want errors")
	}
	lines := strings.Split(err.Error(), "\n")
	prefixes := []string{"content/nyheter/x.md:1:", "data/areas.toml:", "data/areas.toml:", "data/project.toml:"}
	if len(lines) != len(prefixes) {
		t.Fatalf("want %d problems, got:\n%v", len(prefixes), err)
	}
	for i, p := range prefixes {
		if !strings.HasPrefix(lines[i], p) {
			t.Errorf("line %d = %q, want prefix %q", i, lines[i], p)
		}
	}
}

func TestPublishing(t *testing.T) {
	m := repoFS(t)
	add := func(name, fm string) {
		m["content/nyheter/"+name+".md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"" + name + "\"\n" + fm + "+++\nTekst\n")}
	}
	add("utkast", "date = 2020-01-01\ndraft = true\n")
	add("framtid", "date = 2030-01-01\n")
	add("planlagt", "date = 2020-01-01\npublishDate = 2027-01-01\n")
	add("utlopt", "date = 2020-01-01\nexpiryDate = 2021-01-01\n")
	add("synlig", "date = 2020-01-02\n")
	tests := []struct {
		opt  Options
		want []string
	}{
		{Options{Now: now}, []string{"synlig"}},
		{Options{Now: now, Drafts: true}, []string{"synlig", "utkast"}},
		{Options{Now: now, Future: true}, []string{"framtid", "synlig", "planlagt"}},
		{Options{Now: now, Expired: true}, []string{"synlig", "utlopt"}},
		{Options{Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}, []string{"framtid", "synlig", "planlagt"}},
	}
	for _, tc := range tests {
		s, err := Load(m, tc.opt)
		if err != nil {
			t.Fatal(err)
		}
		shipped := repoFS(t)
		var got []string
		for _, a := range s.Articles {
			if _, ok := shipped[a.Path]; !ok {
				got = append(got, strings.TrimPrefix(a.Slug, "nyheter/"))
			}
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%+v: got %v, want %v", tc.opt, got, tc.want)
		}
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Narvik/Ballangen/Tysfjord-Øst": "narvik-ballangen-tysfjord-ost",
		"Sør-Varanger":                  "sor-varanger",
		"  Søknader 2019!! ":            "soknader-2019",
		"Ærlig talt":                    "aerlig-talt",
		"Målselv":                       "malselv",
		"ÆRLIG ØST-ÅS Ä Ö Á":            "aerlig-ost-as-a-o-a",
		"Ǆemal \xff Σ":                  "emal",
		"":                              "",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

// Slugify lowers each rune as it goes; the slug is the same as of the
// whole name lowered first, whatever the name, valid UTF-8 or not.
func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"Sør-Varanger", "ÆRLIG ØST-ÅS", "\xffA\xc3", "İstanbul", "ǅ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lowered := Slugify(strings.ToLower(s))
		if got := Slugify(s); got != lowered {
			t.Fatalf("Slugify(%q) = %q, but %q lowered first", s, got, lowered)
		}
	})
}
