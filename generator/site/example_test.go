package site_test

import (
	"fmt"
	"time"

	"alisnord/generator/site"
)

// Figures as of a day: a record counts from its date on, so a later change
// leaves the figures of an earlier day alone. (Synthetic test data.)
func ExampleSite_AsOf() {
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	vega := site.Participant{ID: "vega", Name: "Vega", Area: "helgeland", Positions: 1,
		Position: []site.Position{{Change: []site.Change{
			{Date: day("2019-09-01"), Status: "utlyst"},
			{Date: day("2019-10-01"), Status: "besatt", Model: site.ModelFastlonn},
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
