package site

import (
	"errors"
	"strings"
	"testing"
	"time"

	"alisnord/generator/diag"
)

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

// vegaPosition is a synthetic history (test data, not real figures) for
// Vega's one position, added under its [[participant]] entry.
const vegaPosition = `positions = 1

[[participant.position]]

[[participant.position.change]]
date = 2019-09-01
status = "utlyst"

[[participant.position.change]]
date = 2019-10-01
status = "besatt"
model = "fastlønn"
reason = "Syntetisk begrunnelse."
`

// withVega loads the shipped data with the synthetic history for Vega.
func withVega(t *testing.T) *Site {
	t.Helper()
	m := repoFS(t)
	edit(t, m, ParticipantsFile, "municipalities = [\"Vega\"]\npositions = 1\n", "municipalities = [\"Vega\"]\n"+vegaPosition)
	s, err := Load(m, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestAsOfPositions(t *testing.T) {
	s := withVega(t)
	tests := []struct {
		date, status, model string
		since               string
	}{
		{"2019-08-31", "", "", ""},
		{"2019-09-01", "utlyst", "", "2019-09-01"},
		{"2019-09-30", "utlyst", "", "2019-09-01"},
		{"2019-10-01", "besatt", "fastlønn", "2019-10-01"},
		{"2030-01-01", "besatt", "fastlønn", "2019-10-01"},
	}
	for _, tc := range tests {
		t.Run(tc.date, func(t *testing.T) {
			f := s.AsOf(day(tc.date))
			var vega *PositionState
			for _, p := range f.Area("helgeland").Positions {
				if p.Participant.ID == "vega" {
					vega = &p
				}
			}
			if vega == nil {
				t.Fatal("no position for Vega")
			}
			if string(vega.Status) != tc.status || string(vega.Model) != tc.model {
				t.Errorf("status, model = %q, %q; want %q, %q", vega.Status, vega.Model, tc.status, tc.model)
			}
			if got := isoDate(vega.Since); tc.since != "" && got != tc.since || tc.since == "" && !vega.Since.IsZero() {
				t.Errorf("since = %s, want %q", got, tc.since)
			}
		})
	}
	if got := s.Latest().Epoch; !got.Equal(day("2019-10-01")) {
		t.Errorf("latest epoch = %s, want 2019-10-01", isoDate(got))
	}
	if got := s.AsOf(day("2019-08-30")).Epoch; !got.Equal(day("2019-04-01")) {
		t.Errorf("epoch as of 2019-08-30 = %s, want 2019-04-01", isoDate(got))
	}
	if got := len(s.ChangeDates()); got != 2 {
		t.Errorf("change dates = %d, want 2", got)
	}
}

func TestAsOfAreaCounts(t *testing.T) {
	m := repoFS(t)
	// Synthetic: a later round of applications for Finnmark.
	edit(t, m, SourcesFile, "[[source]]\nid = \"ssb-2018\"", "[[source]]\nid = \"runde-2\"\nname = \"Test\"\ndate = 2020-04-01\n\n[[source]]\nid = \"ssb-2018\"")
	edit(t, m, AreasFile, "population_source = \"ssb-2018\"\n", "population_source = \"ssb-2018\"\n\n[[area.count]]\nsource = \"runde-2\"\napplications = 12\n")
	s, err := Load(m, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	before, after := s.AsOf(day("2020-03-31")), s.AsOf(day("2020-04-01"))
	if got := before.Total(Applications); got.Value != 35 || !got.Date.Equal(day("2019-04-01")) {
		t.Errorf("before: %v applications as of %s, want 35 as of 2019-04-01", got.Value, isoDate(got.Date))
	}
	got := after.Total(Applications)
	if got.Value != 39 || !got.Date.Equal(day("2020-04-01")) || strings.Join(got.Sources, ",") != "runde-2,soknader-2019" {
		t.Errorf("after: %v applications as of %s from %v, want 39 as of 2020-04-01 from runde-2,soknader-2019", got.Value, isoDate(got.Date), got.Sources)
	}
	if p := after.Total(Population); p.Value != 365845 {
		t.Errorf("population = %v, want the first count kept", p.Value)
	}
	if before := s.AsOf(day("2018-12-31")).Total(Applications); before.Known {
		t.Error("applications are known before their first record")
	}
}

func TestHistoryErrors(t *testing.T) {
	vega := "municipalities = [\"Vega\"]\npositions = 1\n"
	change := func(body string) string {
		return "municipalities = [\"Vega\"]\npositions = 1\n\n[[participant.position]]\n\n" + body
	}
	tests := []struct {
		name, file, old, new, at, want string
	}{
		{"out of order", ParticipantsFile, vega,
			change("[[participant.position.change]]\ndate = 2019-10-01\nstatus = \"besatt\"\n\n[[participant.position.change]]\ndate = 2019-09-01\nstatus = \"utlyst\"\n"),
			"date = 2019-09-01", "endringen er datert 2019-09-01, men må komme etter forrige registrering (2019-10-01)"},
		{"before start", ParticipantsFile, vega,
			change("[[participant.position.change]]\ndate = 2017-05-01\nstatus = \"utlyst\"\n"),
			"date = 2017-05-01", "endringen er datert 2017-05-01, før prosjektet startet (2018-01-01)"},
		{"unknown status", ParticipantsFile, vega,
			change("[[participant.position.change]]\ndate = 2019-10-01\nstatus = \"ansatt\"\n"),
			"status = \"ansatt\"", `status må være "planlagt", "utlyst" eller "besatt", ikke "ansatt"`},
		{"unknown model", ParticipantsFile, vega,
			change("[[participant.position.change]]\ndate = 2019-10-01\nmodel = \"lønn\"\n"),
			"model = \"lønn\"", `model må være "fastlønn" eller "næring", ikke "lønn"`},
		{"undated", ParticipantsFile, vega,
			change("[[participant.position.change]]\nstatus = \"utlyst\"\n"),
			"[[participant.position.change]]", `mangler påkrevd felt "date"`},
		{"empty change", ParticipantsFile, vega,
			change("[[participant.position.change]]\ndate = 2019-10-01\nreason = \"x\"\n"),
			"[[participant.position.change]]", "en endring må gi status eller model"},
		{"count before first figures", AreasFile, "population_source = \"ssb-2018\"\n",
			"population_source = \"ssb-2018\"\n\n[[area.count]]\nsource = \"ssb-2018\"\npopulation = 60000\n",
			"source = \"ssb-2018\"\npopulation = 60000", "tallene er datert 2018-01-01, men må komme etter forrige registrering (2019-04-01)"},
		{"count without figures", AreasFile, "population_source = \"ssb-2018\"\n",
			"population_source = \"ssb-2018\"\n\n[[area.count]]\nsource = \"soknader-2019\"\ndate = 2020-01-01\n",
			"[[area.count]]", "[[area.count]] må gi minst ett av applications, municipalities og population"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := repoFS(t)
			edit(t, m, tc.file, tc.old, tc.new)
			src := string(m[tc.file].Data)
			start := strings.Index(src, tc.new) // the header's examples come before it
			line := strings.Count(src[:start+strings.Index(src[start:], tc.at)], "\n") + 1
			_, err := Load(m, Options{Now: now})
			var ds diag.Diagnostics
			if !errors.As(err, &ds) {
				t.Fatalf("want diagnostics, got %v", err)
			}
			for _, d := range ds {
				if d.Path == tc.file && d.Line == line && strings.Contains(d.Msg, tc.want) {
					return
				}
			}
			t.Errorf("want %s:%d: …%s…\ngot:\n%v", tc.file, line, tc.want, err)
		})
	}
}

func TestHistoryStatedStart(t *testing.T) {
	m := repoFS(t)
	edit(t, m, ProjectFile, "duration_years = 5\n", "duration_years = 5\nstart = 2019-06-01\n")
	edit(t, m, ParticipantsFile, "municipalities = [\"Vega\"]\npositions = 1\n",
		"municipalities = [\"Vega\"]\npositions = 1\n\n[[participant.position]]\nstatus = \"utlyst\"\nstatus_date = 2019-05-01\n")
	_, err := Load(m, Options{Now: now})
	want := "statusen er datert 2019-05-01, før prosjektet startet (2019-06-01)"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("want %q, got %v", want, err)
	}
}

func TestTotalsAsOfTheirDate(t *testing.T) {
	m := repoFS(t)
	// Synthetic: a later count must not break the totals stated for 2019-04-01.
	edit(t, m, SourcesFile, "[[source]]\nid = \"ssb-2018\"", "[[source]]\nid = \"ssb-2020\"\nname = \"SSB\"\ndate = 2020-01-01\n\n[[source]]\nid = \"ssb-2018\"")
	edit(t, m, AreasFile, "population_source = \"ssb-2018\"\n", "population_source = \"ssb-2018\"\n\n[[area.count]]\nsource = \"ssb-2020\"\npopulation = 60000\n")
	if _, err := Load(m, Options{Now: now}); err != nil {
		t.Fatalf("a later count broke the totals: %v", err)
	}
}

func TestArticleDates(t *testing.T) {
	tests := []struct {
		name, fm   string
		at         string // FiguresAt, "" for zero
		latest     bool
		wantErr    string
		wantUpdate string
	}{
		{"news defaults to its date", "", "2019-08-30", false, "", "2019-08-30"},
		{"a stated day", "tall_per = 2019-12-31\n", "2019-12-31", false, "", "2019-08-30"},
		{"the newest", "tall_per = \"siste\"\n", "", true, "", "2019-08-30"},
		{"lastmod", "lastmod = 2019-09-02\n", "2019-08-30", false, "", "2019-09-02"},
		{"bad word", "tall_per = \"nyeste\"\n", "", true, `tall_per må være en dato (ÅÅÅÅ-MM-DD, uten anførselstegn) eller "siste", ikke "nyeste"`, ""},
		{"lastmod before date", "lastmod = 2019-08-01\n", "", false, "lastmod (2019-08-01) er før date (2019-08-30)", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := "+++\ntitle = \"T\"\ndate = 2019-08-30\n" + tc.fm + "+++\nTekst.\n"
			var ds diag.Diagnostics
			a := parseArticle("content/nyheter/t.md", []byte(src), true, &ds)
			if tc.wantErr != "" {
				if len(ds) != 1 || ds[0].Line != 4 || !strings.Contains(ds[0].Msg, tc.wantErr) {
					t.Fatalf("want content/nyheter/t.md:4: …%s…, got %v", tc.wantErr, ds)
				}
				return
			}
			if len(ds) > 0 {
				t.Fatal(ds)
			}
			if got := isoDate(a.FiguresAt); tc.at != "" && got != tc.at || tc.at == "" && !a.FiguresAt.IsZero() {
				t.Errorf("FiguresAt = %s, want %q", got, tc.at)
			}
			if a.FiguresLatest != tc.latest {
				t.Errorf("FiguresLatest = %v", a.FiguresLatest)
			}
			if got := isoDate(a.Updated()); got != tc.wantUpdate {
				t.Errorf("Updated = %s, want %s", got, tc.wantUpdate)
			}
		})
	}
}

func TestSchedule(t *testing.T) {
	today := day("2019-10-01")
	art := func(path, pub, exp string, draft bool) *Article {
		a := &Article{Meta: Meta{Path: path, Title: path, Date: day("2019-09-01"), Draft: draft}}
		if pub != "" {
			a.PublishDate = day(pub)
		}
		if exp != "" {
			a.ExpiryDate = day(exp)
		}
		return a
	}
	got := schedule([]*Article{
		art("a.md", "2019-10-05", "", false),           // appears
		art("b.md", "", "2019-10-03", false),           // goes away
		art("c.md", "2019-10-04", "2019-10-09", false), // both
		art("d.md", "2019-10-02", "", true),            // a draft: not scheduled
		art("e.md", "2019-09-02", "2019-09-30", false), // all in the past
		art("f.md", "2019-10-01", "", false),           // today: already out
	}, today)
	var lines []string
	for _, s := range got {
		lines = append(lines, isoDate(s.Date)+" "+s.Article.Path+" "+map[bool]string{true: "inn", false: "ut"}[s.Appears])
	}
	want := "2019-10-03 b.md ut|2019-10-04 c.md inn|2019-10-05 a.md inn|2019-10-09 c.md ut"
	if strings.Join(lines, "|") != want {
		t.Errorf("schedule:\n got %s\nwant %s", strings.Join(lines, "|"), want)
	}
}
