package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"

	"alisnord/generator/norsk"
	"alisnord/generator/output"
)

// chartFiles are the CSV and JSON downloads of every chart.
func (r *renderer) chartFiles() []output.File {
	var out []output.File
	for _, id := range sortedNames(r.charts) {
		c := r.charts[id]
		if c.shared {
			continue
		}
		out = append(out, output.File{Path: c.File + ".csv", Data: c.CSV},
			output.File{Path: c.File + ".json", Data: c.JSON})
	}
	return out
}

// chartCSV writes exactly the data of the chart as CSV for Norwegian Excel:
// UTF-8 with a byte-order mark, semicolons, decimal commas; the last line
// says what date the figures are as of.
func chartCSV(c *chartData) []byte {
	var rows [][]string
	for i, cat := range c.Spec.Categories {
		cells := []string{cat}
		for _, ser := range c.Spec.Series {
			cells = append(cells, norsk.Exact(ser.Values[i]))
		}
		rows = append(rows, cells)
	}
	asOf := ""
	if !c.AsOf.IsZero() {
		asOf = c.AsOf.Format("2006-01-02")
	}
	return csvTable(c.Head, rows, asOf)
}

// csvTable writes a header and rows as CSV, and a last line «Tall per;DATE»
// unless asOf is "": a byte-order mark first, semicolons between cells,
// CRLF line ends, and quotes only where a cell needs them.
func csvTable(head []string, rows [][]string, asOf string) []byte {
	records := append([][]string{head}, rows...)
	if asOf != "" {
		records = append(records, []string{"Tall per", asOf})
	}
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.Comma, w.UseCRLF = ';', true
	if err := w.WriteAll(records); err != nil {
		panic("render: CSV into memory failed: " + err.Error()) // a bytes.Buffer does not fail
	}
	return b.Bytes()
}

type chartJSONDoc struct {
	ID         string            `json:"id"`
	Title      string            `json:"title"`
	Source     string            `json:"source"`
	AsOf       string            `json:"as_of,omitempty"`
	Unit       string            `json:"unit,omitempty"`
	Categories []string          `json:"categories"`
	Series     []chartJSONSeries `json:"series"`
}

type chartJSONSeries struct {
	Name   string    `json:"name"`
	Values []float64 `json:"values"`
}

// chartJSON writes exactly the data of the chart as JSON.
func chartJSON(c *chartData) []byte {
	doc := chartJSONDoc{ID: c.Spec.ID, Title: c.Spec.Title, Source: c.Source, AsOf: isoOrEmpty(c.AsOf),
		Unit: strings.TrimSpace(c.Spec.Unit), Categories: c.Spec.Categories}
	for _, ser := range c.Spec.Series {
		doc.Series = append(doc.Series, chartJSONSeries{Name: ser.Name, Values: ser.Values})
	}
	out, _ := json.MarshalIndent(doc, "", "  ") // plain strings and numbers: cannot fail
	return append(out, '\n')
}
