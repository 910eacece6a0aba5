package render

import (
	"encoding/json"
	"sort"
	"strconv"
	"time"

	"alisnord/generator/output"
	"alisnord/generator/site"
)

// historyFile is the statistics page's download of every dated figure,
// without .csv or .json.
const historyFile = chartDataDir + "historikk"

// record is one row of the full history: a figure as it was registered.
type record struct {
	Date        string `json:"date"` // "" when the data gives none
	Area        string `json:"area"`
	Participant string `json:"participant,omitempty"`
	Position    int    `json:"position,omitempty"`
	Figure      string `json:"figure"`
	Value       string `json:"value"`
	Source      string `json:"source,omitempty"`
}

// historyRecords lists every figure the data registers with its date, also
// those later replaced, oldest first (undated ones first).
func historyRecords(s *site.Site) []record {
	var out []record
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	for i := range s.Areas {
		a := &s.Areas[i]
		add := func(d time.Time, src, fig string, v float64) {
			out = append(out, record{Date: isoOrEmpty(d), Area: a.Name, Figure: fig, Value: num(v), Source: src})
		}
		counts := append([]site.Count{{Applications: &a.Applications, Municipalities: &a.Municipalities, Source: a.ApplicationsSource},
			{Population: &a.Population, Source: a.PopulationSource}}, a.Count...)
		for _, c := range counts {
			d := c.Date
			if d.IsZero() {
				d = s.SourceDate(c.Source)
			}
			if c.Applications != nil {
				add(d, c.Source, "søknader", float64(*c.Applications))
			}
			if c.Municipalities != nil {
				add(d, c.Source, "kommuner", *c.Municipalities)
			}
			if c.Population != nil {
				add(d, c.Source, "innbyggere", float64(*c.Population))
			}
		}
		for _, p := range a.Participants {
			for n, slot := range p.Slots() {
				for _, c := range slot.History() {
					r := record{Date: isoOrEmpty(c.Date), Area: a.Name, Participant: p.Name, Position: n + 1}
					for _, f := range [][2]string{{"status", string(c.Status)}, {"avtaleform", string(c.Model)}, {"begrunnelse", c.Reason}} {
						if f[1] != "" {
							r.Figure, r.Value = f[0], f[1]
							out = append(out, r)
						}
					}
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// historyFiles are the full history as CSV and JSON, stamped with the date
// of the newest data.
func historyFiles(s *site.Site, latest *site.Figures) []output.File {
	rows := historyRecords(s)
	asOf := latest.Epoch.Format("2006-01-02")
	csv := &chartData{Head: []string{"Dato", "Område", "Deltaker", "Stilling", "Tall", "Verdi", "Kilde"}}
	for _, r := range rows {
		pos := ""
		if r.Position > 0 {
			pos = strconv.Itoa(r.Position)
		}
		csv.Rows = append(csv.Rows, []string{r.Date, r.Area, r.Participant, pos, r.Figure, r.Value, r.Source})
	}
	doc := struct {
		AsOf    string   `json:"as_of"`
		Records []record `json:"records"`
	}{asOf, rows}
	js, _ := json.MarshalIndent(doc, "", "  ") // strings and numbers only: cannot fail
	return []output.File{
		{Path: historyFile + ".csv", Data: csvTable(csv.Head, csv.Rows, asOf)},
		{Path: historyFile + ".json", Data: append(js, '\n')},
	}
}

func isoOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
