package chart

import (
	"os"
	"strings"
	"testing"
)

func TestSmoke(t *testing.T) {
	r := renderer(t)
	sp := sampleSpecs()
	specs := []Spec{sp[Bar], sp[HBar], sp[Pie]}
	extra := sp[Bar]
	extra.ID = "lange-navn"
	extra.Categories = []string{"Narvik/Ballangen/Tysfjord-Øst", "Skånland/Evenes/Tjeldsund", "Nordland", "Helgeland"}
	extra.Series = append(extra.Series, Series{Name: "2026", Values: []float64{5, 6, 7, 8}, Stack: "b"}, Series{Name: "2027", Values: []float64{500, 600, 700, 800}, Stack: "b"})
	extra.Target = ptr(2000)
	specs = append(specs, extra)
	hb := sp[HBar]
	hb.ID = "hbar-target"
	hb.Target = ptr(40)
	hb.TargetLabel = "Mål"
	hb.Series = append(hb.Series, Series{Name: "I fjor", Values: []float64{10, 40, 9, 12345}})
	specs = append(specs, hb)
	pie := sp[Pie]
	pie.ID = "pie-long"
	pie.Categories = []string{"Narvik/Ballangen/Tysfjord-Øst", "Skånland/Evenes/Tjeldsund", "Bø", "Hålogaland", "Vesterålen og Lofoten", "Andre"}
	pie.Series = []Series{{Name: "x", Values: []float64{1, 2, 40, 3, 50, 1.5}}}
	specs = append(specs, pie)
	out, err := r.Render(specs)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="no"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><style>body{margin:16px;font-family:system-ui,sans-serif} figure{margin:0 0 24px;border:1px solid #ccc} svg{display:block;max-width:100%;height:auto}</style><body>`)
	for _, s := range out {
		b.WriteString("<figure>" + s + "</figure>\n")
	}
	os.WriteFile("/tmp/x.html", []byte(b.String()), 0o644)
	for i, svg := range out {
		page := `<!doctype html><html lang="no"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><style>body{margin:16px} svg{display:block;max-width:100%;height:auto}</style><body><figure style="margin:0">` + svg + "</figure>"
		os.WriteFile("/tmp/x"+string(rune('0'+i))+".html", []byte(page), 0o644)
	}
}
