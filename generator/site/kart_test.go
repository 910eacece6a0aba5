package site

import (
	"testing"
	"testing/fstest"
)

// TestKartErrors breaks the map data or a participant's municipality and
// expects the diagnostic at the line edited.
func TestKartErrors(t *testing.T) {
	runEdits(t, []editCase{
		{"municipality not on the map", ParticipantsFile, `municipalities = ["Vadsø"]`, `municipalities = ["Vadsø", "Atlantis"]`, 1,
			`kommunen "Atlantis" (nr. 2 i listen til Vadsø) finnes ikke i kartet data/kart/kommuner-2020.json; er den slått sammen, skriv den i data/kart/sammenslaatte.toml`},
		{"merged into an unknown feature", MergedFile, `feature = "Senja"`, `feature = "Senia"`, 1,
			`kommunen "Senia" finnes ikke i kartet data/kart/kommuner-2020.json`},
		{"map is not JSON", MapFile, `{"type"`, `{"type",`, 8,
			`kartfilen er ikke gyldig JSON: invalid character ',' after object key`},
		{"map geometry", MapFile, `"type":"MultiPolygon"`, `"type":"Point"`, 155,
			`kommunen Lødingen i kartfilen: geometrien er "Point"; kartet tar Polygon eller MultiPolygon`},
	})
}

// TestKartLoaded checks the shipped map: 79 municipalities, and every
// participant's municipality on it, merged ones through sammenslaatte.toml.
func TestKartLoaded(t *testing.T) {
	s, err := Load(repoFS(t), Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(s.Map.Features); n != 79 {
		t.Errorf("map features = %d, want 79", n)
	}
	for _, tc := range []struct {
		name, feature string
		merged        bool
	}{{"Lenvik", "Senja", true}, {"Tysfjord-Øst", "Narvik", true}, {"Bodø", "Bodø", false}, {"Atlantis", "", false}} {
		if f, m := s.Map.FeatureOf(tc.name); f != tc.feature || m != tc.merged {
			t.Errorf("FeatureOf(%q) = %q, %v; want %q, %v", tc.name, f, m, tc.feature, tc.merged)
		}
	}
}

// TestKartOptional: a site without data/kart/ loads, without a map.
func TestKartOptional(t *testing.T) {
	m := repoFS(t)
	delete(m, MapFile)
	delete(m, MergedFile)
	s, err := Load(fstest.MapFS(m), Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Map.Features) != 0 {
		t.Error("a map without a map file")
	}
}
