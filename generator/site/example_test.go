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

// Figures as of a day: a record counts from its date on, so a later change
// leaves the figures of an earlier day alone. (Synthetic test data.)
func ExampleSite_AsOf() {
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	vega := site.Participant{ID: "vega", Name: "Vega", Area: "helgeland", Positions: 1,
		Position: []site.Position{{Change: []site.Change{
			{Date: day("2019-09-01"), Status: "utlyst"},
			{Date: day("2019-10-01"), Status: "besatt", Model: site.ContractSalaried},
		}}}}
	area := site.Area{ID: "helgeland", Name: "Helgeland", Applications: 9, ApplicationsSource: "soknader",
		Participants: []*site.Participant{&vega}}
	s := &site.Site{Sources: []site.Source{{ID: "soknader", Date: day("2019-04-01")}}, Areas: []site.Area{area}}
	for _, d := range []string{"2019-08-30", "2019-09-15", "2019-12-31"} {
		f := s.AsOf(day(d))
		p := f.Areas[0].Positions[0]
		fmt.Printf("%s: %q %q, søknader %v, data per %s\n", d, p.Status, p.Model,
			f.Total(site.Applications).Value, f.Epoch.Format("2006-01-02"))
	}
	// Output:
	// 2019-08-30: "" "", søknader 9, data per 2019-04-01
	// 2019-09-15: "utlyst" "", søknader 9, data per 2019-09-01
	// 2019-12-31: "besatt" "fastlønn", søknader 9, data per 2019-10-01
}
