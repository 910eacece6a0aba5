package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestMainImageErrors(t *testing.T) {
	tests := []struct {
		name, fm, want string
	}{
		{"no alt", "image = \"bilde.jpg\"\n", `content/nyheter/x.md:4:1: hovedbildet mangler alternativ tekst`},
		{"empty alt", "image = \"bilde.jpg\"\nimage_alt = \" \"\n", `content/nyheter/x.md:4:1: hovedbildet mangler alternativ tekst`},
		{"alt without image", "image_alt = \"Legen\"\n", `content/nyheter/x.md:4:1: image_alt er satt, men image mangler`},
		{"empty image", "image = \"\"\nimage_alt = \"Legen\"\n", `content/nyheter/x.md:4:1: image er tom`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := repoFS(t)
			m["content/nyheter/x.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"x\"\ndate = 2019-02-01\n" + tc.fm + "+++\nTekst\n")}
			_, err := Load(m, Options{Now: now})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("want …%s…, got:\n%v", tc.want, err)
			}
		})
	}
}

func TestPageBundle(t *testing.T) {
	m := repoFS(t)
	m["content/nyheter/ny-lege/index.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Ny lege\"\ndate = 2019-02-01\nimage = \"lege.jpg\"\nimage_alt = \"Legen\"\n+++\nTekst\n")}
	m["content/nyheter/ny-lege/lege.jpg"] = &fstest.MapFile{Data: []byte("not read here")}
	s, err := Load(m, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range s.Articles {
		if a.Path == "content/nyheter/ny-lege/index.md" {
			if a.Slug != "nyheter/ny-lege" || a.Image != "lege.jpg" || a.ImageAlt != "Legen" || a.ImagePos.Line != 4 {
				t.Errorf("slug %q, image %q, alt %q at %v", a.Slug, a.Image, a.ImageAlt, a.ImagePos)
			}
			if w := s.Warnings(); len(w) != 1 || !strings.HasPrefix(w[0].String(), "content/nyheter/ny-lege/index.md:1: advarsel: summary mangler") {
				t.Errorf("warnings %v, want one for the missing summary", w)
			}
			return
		}
	}
	t.Fatal("the bundle's index.md is not a news article")
}
