package site

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"alisnord/generator/diag"
	"alisnord/generator/internal/sitetest"
)

var now = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// repoFS copies the repository's own data/ and content/ into a MapFS that
// a test may then break.
func repoFS(t testing.TB) fstest.MapFS { return sitetest.MapFS(t, "data", "content") }

// edit replaces the first old in file with new, failing when old is absent,
// and returns the 1-based line where the replacement stands.
func edit(t testing.TB, m fstest.MapFS, file, old, new string) int {
	t.Helper()
	s := string(m[file].Data)
	i := strings.Index(s, old)
	if i < 0 {
		t.Fatalf("%s has no %q", file, old)
	}
	m[file] = &fstest.MapFile{Data: []byte(s[:i] + new + s[i+len(old):])}
	return strings.Count(s[:i], "\n") + 1
}

func TestLoadRepo(t *testing.T) {
	s, err := Load(repoFS(t), Options{Now: now})
	if err != nil {
		t.Fatalf("the shipped data must load:\n%v", err)
	}
	if got := len(s.Areas); got != 4 {
		t.Errorf("areas = %d, want 4", got)
	}
	if got := len(s.Participants); got != 25 {
		t.Errorf("participants = %d, want 25", got)
	}
	positions := 0
	for _, a := range s.Areas {
		positions += a.Positions()
	}
	if positions != 32 {
		t.Errorf("positions = %d, want 32", positions)
	}
	if s.Participants[0].AreaRef == nil {
		t.Error("participants are not linked to their areas")
	}
}

// TestLoadErrors breaks one line of the shipped data or content and expects
// exactly this diagnostic, path:line:col: message, at the line edited.
func TestLoadErrors(t *testing.T) {
	runEdits(t, []editCase{
		{"syntax error", AreasFile, "applications = 8\n", "applications = = 8\n", 16,
			"her mangler en verdi (fant '='): tekst skal stå i anførselstegn, tall og datoer uten"},
		{"misspelled key", AreasFile, "health_trust = \"Finnmarkssykehuset\"", "helth_trust = \"Finnmarkssykehuset\"", 1,
			`ukjent felt "helth_trust" (mente du "health_trust"?)`},
		{"bad area reference", ParticipantsFile, `area = "finnmark"`, `area = "finmark"`, 1,
			`området "finmark" finnes ikke (kjente: finnmark, helgeland, nordland, unn)`},
		{"total off by one", ProjectFile, "applications = 35", "applications = 36", 1,
			"totals.applications er 36, men summen av applications i data/areas.toml er 35"},
		{"positions total", ProjectFile, "positions = 32", "positions = 31", 1,
			"totals.positions er 31, men summen av positions i data/participants.toml er 32"},
		{"wrong type", AreasFile, "population = 61142", `population = "61142"`, 1, `population må være et helt tall (uten anførselstegn og mellomrom), ikke tekst ("61142")`},
		{"date as text", SourcesFile, "date = 2018-01-01", `date = "1. januar 2018"`, 1, `date må være en dato (ÅÅÅÅ-MM-DD, uten anførselstegn), ikke tekst ("1. januar 2018")`},
		{"impossible date", SourcesFile, "date = 2018-01-01", "date = 2018-02-30", 8, "2018-02-30 er ikke en dato som finnes: skriv ÅÅÅÅ-MM-DD med en gyldig måned og dag"},
		{"duplicate id", AreasFile, `id = "unn"`, `id = "finnmark"`, 1, `id "finnmark" er brukt før, på linje 18: gi hver oppføring sin egen id`},
		{"bad id", ParticipantsFile, `id = "vadso"`, `id = "Vadsø"`, 1, `id "Vadsø" kan bare ha små bokstaver a–z, tall og bindestrek (for eksempel "vadso")`},
		{"negative", AreasFile, "applications = 8", "applications = -8", 1, "applications kan ikke være negativ (-8)"},
		{"half municipality", AreasFile, "municipalities = 9\n", "municipalities = 9.3\n", 1, "municipalities må være et helt eller halvt tall fra 0 til 500 (som 9 eller 19.5), ikke 9.3"},
		{"bad precision", EventsFile, `precision = "sesong"`, `precision = "høst"`, 1, `precision må være "dag", "måned" eller "sesong", ikke "høst"`},
		{"bad base url", SiteFile, `base_url = "https://alis-nord.example/"`, `base_url = "alis-nord.example"`, 1, `base_url må være en full adresse som begynner med https://, ikke "alis-nord.example"`},
		{"front matter bad TOML", "content/om.md", `title = "Om ALIS-Nord"`, `title = "Om ALIS-Nord`, 22, `teksten mangler et avsluttende anførselstegn på denne linjen: sett inn " (eller bruk """ for tekst over flere linjer)`},
		{"front matter unknown key", "content/om.md", `title = "Om ALIS-Nord"`, `titel = "Om ALIS-Nord"`, 1, `ukjent felt "titel" (mente du "title"?)`},
	})
}

// editCase replaces old with new in file and expects the diagnostic want
// at column col of the line edited.
type editCase struct {
	name, file, old, new string
	col                  int
	want                 string
}

func runEdits(t *testing.T, tests []editCase) {
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := repoFS(t)
			line := edit(t, m, tc.file, tc.old, tc.new)
			want := diag.Diagnostic{Pos: diag.Pos{Path: tc.file, Line: line, Col: tc.col}, Msg: tc.want}.String()
			expectDiag(t, m, want)
		})
	}
}

// expectDiag loads m and expects want among the diagnostics, verbatim.
func expectDiag(t *testing.T, m fs.FS, want string) diag.Diagnostics {
	t.Helper()
	_, err := Load(m, Options{Now: now})
	var ds diag.Diagnostics
	if !errors.As(err, &ds) {
		t.Fatalf("want diagnostics, got %v", err)
	}
	for _, d := range ds {
		if d.String() == want {
			return ds
		}
	}
	t.Errorf("want\n%s\ngot:\n%v", want, err)
	return ds
}

// TestPositionVocabulary adds a [[participant.position]] with a value
// outside a closed vocabulary and expects the allowed values at its line.
func TestPositionVocabulary(t *testing.T) {
	tests := []struct{ key, value, want string }{
		{"model", "lønn", `model må være "fastlønn" eller "næring", ikke "lønn"`},
		{"status", "ledig", `status må være "planlagt", "utlyst" eller "besatt", ikke "ledig"`},
	}
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			m := repoFS(t)
			line := edit(t, m, ParticipantsFile, "positions = 1\n", "positions = 1\n\n[[participant.position]]\n"+tc.key+" = \""+tc.value+"\"\n")
			expectDiag(t, m, diag.Diagnostic{Pos: diag.Pos{Path: ParticipantsFile, Line: line + 3, Col: 1}, Msg: tc.want}.String())
		})
	}
}
