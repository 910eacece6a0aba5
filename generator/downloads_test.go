package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"alisnord/generator/internal/sitetest"
)

// The data files as this test reads them, on its own and without package
// site, so that a mistake in the loader cannot hide a wrong download.
type rawData struct {
	Areas []struct {
		ID, Name       string
		Applications   float64
		Municipalities float64
		Population     float64
	} `toml:"area"`
	Participants []struct {
		Name, Area string
		Positions  float64
	} `toml:"participant"`
	Totals map[string]float64
}

// download is one chart's data as the site offers it.
type download struct {
	AsOf       string `json:"as_of"`
	Categories []string
	Series     []struct {
		Name   string
		Values []float64
	}
}

func readRawData(t *testing.T, root string) rawData {
	t.Helper()
	var d rawData
	for _, f := range []string{"areas.toml", "participants.toml"} {
		if _, err := toml.DecodeFile(filepath.Join(root, "data", f), &d); err != nil {
			t.Fatal(err)
		}
	}
	var project struct{ Totals map[string]any }
	if _, err := toml.DecodeFile(filepath.Join(root, "data", "project.toml"), &project); err != nil {
		t.Fatal(err)
	}
	d.Totals = map[string]float64{}
	for k, v := range project.Totals {
		switch n := v.(type) {
		case int64:
			d.Totals[k] = float64(n)
		case float64:
			d.Totals[k] = n
		}
	}
	return d
}

// readDownload reads statistikk/data/<id>.json and .csv from a built site
// and checks that the two say the same.
func readDownload(out, id string) (download, error) {
	var d download
	b, err := os.ReadFile(filepath.Join(out, "statistikk", "data", id+".json"))
	if err != nil {
		return d, err
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return d, fmt.Errorf("%s.json: %v", id, err)
	}
	csv, err := os.ReadFile(filepath.Join(out, "statistikk", "data", id+".csv"))
	if err != nil {
		return d, err
	}
	if !bytes.HasPrefix(csv, []byte("\ufeff")) {
		return d, fmt.Errorf("%s.csv: no UTF-8 byte order mark", id)
	}
	lines := strings.Split(strings.TrimRight(string(csv[3:]), "\r\n"), "\n")
	// The last line says what date the figures are as of, as the JSON does.
	if last := strings.TrimRight(lines[len(lines)-1], "\r"); last != "Tall per;"+d.AsOf || d.AsOf == "" {
		return d, fmt.Errorf("%s.csv: last line %q, want «Tall per;%s» as the JSON's as_of", id, last, d.AsOf)
	}
	lines = lines[:len(lines)-1]
	if len(lines) != len(d.Categories)+1 {
		return d, fmt.Errorf("%s.csv: %d rows for %d categories", id, len(lines)-1, len(d.Categories))
	}
	for i, line := range lines[1:] {
		cells := strings.Split(strings.TrimRight(line, "\r"), ";")
		if len(cells) != len(d.Series)+1 || cells[0] != d.Categories[i] {
			return d, fmt.Errorf("%s.csv row %d: %q does not match the JSON", id, i+1, line)
		}
		for j, cell := range cells[1:] {
			v, err := strconv.ParseFloat(strings.ReplaceAll(cell, ",", "."), 64)
			if err != nil || v != d.Series[j].Values[i] {
				return d, fmt.Errorf("%s.csv row %d: %q, JSON says %v", id, i+1, cell, d.Series[j].Values[i])
			}
		}
	}
	return d, nil
}

// checkDownloads compares every download of the statistics page with the
// data files, value by value and in sum against the stated totals.
func checkDownloads(out string, d rawData) []string {
	var problems []string
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	get := func(id string) *download {
		dl, err := readDownload(out, id)
		if err != nil {
			fail("%v", err)
			return nil
		}
		if len(dl.Categories) != len(d.Areas) && !strings.HasPrefix(id, "stillinger-i-") && id != "andel-nord-norge" {
			fail("%s: %d categories for %d areas", id, len(dl.Categories), len(d.Areas))
			return nil
		}
		return &dl
	}
	perArea := map[string]struct{ positions, participants float64 }{}
	for _, p := range d.Participants {
		v := perArea[p.Area]
		v.positions += p.Positions
		v.participants++
		perArea[p.Area] = v
	}
	single := []struct {
		id, total string
		value     func(i int) float64
	}{
		{"soknader-per-omrade", "applications", func(i int) float64 { return d.Areas[i].Applications }},
		{"kommuner-per-omrade", "municipalities", func(i int) float64 { return d.Areas[i].Municipalities }},
		{"innbyggere-per-omrade", "population", func(i int) float64 { return d.Areas[i].Population }},
	}
	for _, c := range single {
		dl := get(c.id)
		if dl == nil {
			continue
		}
		sum := 0.0
		for i, a := range d.Areas {
			got := dl.Series[0].Values[i]
			if dl.Categories[i] != a.Name || got != c.value(i) {
				fail("%s: %s = %v, data says %s = %v", c.id, dl.Categories[i], got, a.Name, c.value(i))
			}
			sum += got
		}
		if sum != d.Totals[c.total] {
			fail("%s: sum %v, stated total %s = %v", c.id, sum, c.total, d.Totals[c.total])
		}
	}
	// Positions, by contract model and by status: each area's series add
	// up to the positions of its participants; the target is a series of
	// its own and is left out of the sum.
	for _, id := range []string{"stillinger-per-omrade", "rekruttering-per-omrade"} {
		dl := get(id)
		if dl == nil {
			continue
		}
		total := 0.0
		for i, a := range d.Areas {
			sum := 0.0
			for _, s := range dl.Series {
				if !strings.HasPrefix(s.Name, "Mål") {
					sum += s.Values[i]
				}
			}
			if sum != perArea[a.ID].positions {
				fail("%s: %s has %v positions, the participants have %v", id, a.Name, sum, perArea[a.ID].positions)
			}
			total += sum
		}
		if total != d.Totals["positions"] {
			fail("%s: sum %v, stated total positions = %v", id, total, d.Totals["positions"])
		}
	}
	if dl := get("tilbud-mot-soknader"); dl != nil {
		offers := 0.0
		for i, a := range d.Areas {
			if dl.Series[0].Values[i] != a.Applications || dl.Series[1].Values[i] != perArea[a.ID].participants {
				fail("tilbud-mot-soknader: %s = %v of %v, data says %v of %v", a.Name,
					dl.Series[1].Values[i], dl.Series[0].Values[i], perArea[a.ID].participants, a.Applications)
			}
			offers += dl.Series[1].Values[i]
		}
		if offers != d.Totals["participants"] {
			fail("tilbud-mot-soknader: %v offers, stated total participants = %v", offers, d.Totals["participants"])
		}
	}
	if dl := get("andel-nord-norge"); dl != nil {
		want := [][2]float64{
			{d.Totals["municipality_share_percent"], 100 - d.Totals["municipality_share_percent"]},
			{d.Totals["population_share_percent"], 100 - d.Totals["population_share_percent"]},
		}
		for i, w := range want {
			if dl.Series[0].Values[i] != w[0] || dl.Series[1].Values[i] != w[1] {
				fail("andel-nord-norge: %s = %v/%v, data says %v/%v", dl.Categories[i], dl.Series[0].Values[i], dl.Series[1].Values[i], w[0], w[1])
			}
		}
	}
	for _, a := range d.Areas {
		id := "stillinger-i-" + a.ID
		dl := get(id)
		if dl == nil {
			continue
		}
		want := map[string]float64{}
		for _, p := range d.Participants {
			if p.Area == a.ID {
				want[p.Name] = p.Positions
			}
		}
		if len(dl.Categories) != len(want) {
			fail("%s: %d participants, data has %d", id, len(dl.Categories), len(want))
		}
		for i, name := range dl.Categories {
			if v, ok := want[name]; !ok || dl.Series[0].Values[i] != v {
				fail("%s: %s = %v, data says %v", id, name, dl.Series[0].Values[i], v)
			}
		}
	}
	return problems
}

// TestDownloadsMatchData builds the shipped site and checks every CSV and
// JSON download against data/*.toml; then it changes one value in a built
// download and checks that the comparison notices.
func TestDownloadsMatchData(t *testing.T) {
	js := bundle(t)
	root := sitetest.TempCopy(t)
	out := filepath.Join(root, "out")
	if code, _, stderr := runCmd("build", "-root", root, "-out", out, "-echarts", js); code != 0 {
		t.Fatalf("build exit %d:\n%s", code, stderr)
	}
	d := readRawData(t, root)
	if len(d.Areas) != 4 || len(d.Participants) != 25 {
		t.Fatalf("read %d areas and %d participants from data/", len(d.Areas), len(d.Participants))
	}
	for _, p := range checkDownloads(out, d) {
		t.Error(p)
	}

	// A planted fault: Nordland's applications off by one in the JSON only
	// (the CSV then disagrees), and in both.
	jsonPath := filepath.Join(out, "statistikk", "data", "soknader-per-omrade.json")
	csvPath := filepath.Join(out, "statistikk", "data", "soknader-per-omrade.csv")
	b, _ := os.ReadFile(jsonPath)
	os.WriteFile(jsonPath, bytes.Replace(b, []byte("\n        7,\n"), []byte("\n        8,\n"), 1), 0o644)
	if p := checkDownloads(out, d); len(p) == 0 || !strings.Contains(strings.Join(p, "\n"), "soknader-per-omrade.csv row 3") {
		t.Errorf("a JSON value changed alone was not noticed: %q", p)
	}
	c, _ := os.ReadFile(csvPath)
	os.WriteFile(csvPath, bytes.Replace(c, []byte("Nordland;7"), []byte("Nordland;8"), 1), 0o644)
	if p := checkDownloads(out, d); len(p) != 2 {
		t.Errorf("Nordland off by one in both files: want a value and a sum problem, got %q", p)
	}
}
