package site_test

import (
	"fmt"
	"testing/fstest"
	"time"

	"alisnord/generator/site"
)

// LoadAll on a folder with one data file that does not decode and the rest
// missing: each problem once, nothing that follows from them, and a model
// the caller can still look at.
func ExampleLoadAll() {
	fsys := fstest.MapFS{
		site.AreasFile:         {Data: []byte("[[area]]\nid = \"nord\"\napplications = mange\n")},
		"content/om.md":        {Data: []byte("+++\ntitle = \"Om\"\n+++\nTekst.\n")},
		"content/nyheter/x.MD": {Data: []byte("+++\ntitle = \"Sak\"\n+++\n")},
	}
	s, ds := site.LoadAll(fsys, site.Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	for _, d := range ds {
		fmt.Println(d)
	}
	fmt.Println(len(s.Pages), "side;", len(s.Broken), "filer mangler eller er ødelagt")
	// Output:
	// content/nyheter/x.MD:1:1: filendelsen .MD blir ikke bygget: gi filen endelsen .md (små bokstaver)
	// data/areas.toml:3:16: her mangler en verdi (fant "mange"): tekst skal stå i anførselstegn, tall og datoer uten
	// data/events.toml:1:1: filen finnes ikke: opprett den, eller sjekk navnet
	// data/organisation.toml:1:1: filen finnes ikke: opprett den, eller sjekk navnet
	// data/participants.toml:1:1: filen finnes ikke: opprett den, eller sjekk navnet
	// data/project.toml:1:1: filen finnes ikke: opprett den, eller sjekk navnet
	// data/site.toml:1:1: filen finnes ikke: opprett den, eller sjekk navnet
	// data/sources.toml:1:1: filen finnes ikke: opprett den, eller sjekk navnet
	// 1 side; 7 filer mangler eller er ødelagt
}
