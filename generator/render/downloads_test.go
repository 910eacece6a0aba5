package render

import (
	"bytes"
	"encoding/csv"
	"slices"
	"testing"
)

// TestCSVTableRoundTrips checks that a download read back with
// encoding/csv, as a spreadsheet reads it, gives every cell as written,
// however the cell is made.
func TestCSVTableRoundTrips(t *testing.T) {
	head := []string{"Deltaker", "Tall"}
	rows := [][]string{
		{"Legekontoret, Bodø", "3"},
		{`Lege «Sør» og "Nord"`, "1,5"},
		{"To\nlinjer", "-2"},
		{"Semikolon; her", "0"},
		{" mellomrom først", ""},
		{"Vognretur\r\nog linjeskift", "4"},
	}
	data := csvTable(head, rows, "2019-04-01")
	body, ok := bytes.CutPrefix(data, []byte("\uFEFF"))
	if !ok {
		t.Fatalf("no byte-order mark: %q", data)
	}
	r := csv.NewReader(bytes.NewReader(body))
	r.Comma = ';'
	got, err := r.ReadAll()
	if err != nil {
		t.Fatalf("csv.Reader: %v in\n%s", err, body)
	}
	want := append(append([][]string{head}, rows...), []string{"Tall per", "2019-04-01"})
	want[6][0] = "Vognretur\nog linjeskift" // a reader folds CRLF inside quotes to LF
	if len(got) != len(want) {
		t.Fatalf("read %d records, want %d:\n%q", len(got), len(want), got)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("record %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// TestCSVTableBytes pins the bytes of a plain download: a byte-order
// mark, semicolons, CRLF line ends, quotes only where needed.
func TestCSVTableBytes(t *testing.T) {
	got := string(csvTable([]string{"Område", "Søknader"}, [][]string{{"UNN", "12"}, {`Nord; "Sør"`, "3,5"}}, ""))
	want := "\uFEFFOmråde;Søknader\r\nUNN;12\r\n\"Nord; \"\"Sør\"\"\";3,5\r\n"
	if got != want {
		t.Errorf("csvTable = %q, want %q", got, want)
	}
}
