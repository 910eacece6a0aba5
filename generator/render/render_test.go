package render

import (
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// smallWith returns the small golden site's input with one file replaced.
func smallWith(t *testing.T, name, src string) *txtar.Archive {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/small.txtar")
	if err != nil {
		t.Fatal(err)
	}
	in := &txtar.Archive{}
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "in/") && f.Name != "in/"+name {
			in.Files = append(in.Files, f)
		}
	}
	in.Files = append(in.Files, txtar.File{Name: "in/" + name, Data: []byte(src)})
	return in
}

func TestMarkdownErrors(t *testing.T) {
	const head = "+++\ntitle = \"T\"\ndate = 2019-01-05\n+++\n"
	tests := []struct {
		name, body, want string
	}{
		{"unknown figure", "Tekst.\n\nVi fikk {{< tall soknad >}} søknader.\n", `content/nyheter/x.md:7:9: ukjent tall "soknad"`},
		{"unknown shortcode", "{{< bilde a >}}\n", `content/nyheter/x.md:5:1: ukjent tall "bilde a"`},
		{"unknown chart", "A\n\n```chart soknader\n```\n", `content/nyheter/x.md:7:4: ukjent figur "soknader"`},
		{"chart without name", "```chart\n```\n", `content/nyheter/x.md:5:`},
		{"broken link", "A\n\nSe [tallene](/statistik/).\n", `content/nyheter/x.md:7:5: lenken "/statistik/" peker ikke til noen side`},
		{"broken relative link", "Se [den andre](../andr/).\n", `content/nyheter/x.md:5:5: lenken "../andr/" peker ikke`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := buildArchive(t, smallWith(t, "content/nyheter/x.md", head+tc.body))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("want …%s…, got:\n%v", tc.want, err)
			}
		})
	}
}

func TestGoodLinksPass(t *testing.T) {
	body := "+++\ntitle = \"T\"\ndate = 2019-01-05\n+++\n[a](/statistikk/) [b](../andre/) [c](/nyheter/#x) [d](https://example.org/) [e](mailto:a@b.no) [f](#topp)\n"
	if _, err := buildArchive(t, smallWith(t, "content/nyheter/x.md", body)); err != nil {
		t.Fatal(err)
	}
}

func TestRawHTMLEscaped(t *testing.T) {
	body := "+++\ntitle = \"T\"\ndate = 2019-01-05\n+++\n<div onclick=\"x()\">blokk</div>\n\nTekst <span style=\"color:red\">inline</span> og [lenke](https://example.org/).\n"
	files, err := buildArchive(t, smallWith(t, "content/nyheter/x.md", body))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Path != "nyheter/x/index.html" {
			continue
		}
		s := string(f.Data)
		for _, bad := range []string{"<div onclick", "<span style", `href="javascript:`} {
			if strings.Contains(s, bad) {
				t.Errorf("raw HTML passed through: %q", bad)
			}
		}
		for _, good := range []string{"&lt;div onclick=", "&lt;span style="} {
			if !strings.Contains(s, good) {
				t.Errorf("raw HTML not shown as text: want %q", good)
			}
		}
		return
	}
	t.Fatal("article not rendered")
}

func TestTemplateErrorPositioned(t *testing.T) {
	ar := smallWith(t, "content/om.md", "+++\ntitle = \"Om\"\n+++\nA\n")
	m := archiveFS(ar)
	repoTemplates(t, m)
	m["templates/pages/page.html"].Data = []byte("{{define \"main\"}}\n<h1>{{.Title}</h1>\n{{end}}\n")
	_, err := renderFS(t, m)
	if err == nil || !strings.Contains(err.Error(), "templates/pages/page.html:2:") {
		t.Fatalf("want a positioned template error, got %v", err)
	}
}

// TestTemplateLinksChecked plants a broken link and a missing asset in a
// page template: the build fails, naming the template and each link.
func TestTemplateLinksChecked(t *testing.T) {
	ar := smallWith(t, "content/om.md", "+++\ntitle = \"Om\"\n+++\nA\n")
	m := archiveFS(ar)
	repoTemplates(t, m)
	page := m["templates/pages/page.html"]
	page.Data = []byte(strings.Replace(string(page.Data), `{{define "main"}}`,
		`{{define "main"}}<a href="../finnes-ikke/">x</a><img src="../assets/mangler.png" alt="x">`, 1))
	_, err := renderFS(t, m)
	for _, want := range []string{
		`templates/pages/page.html:1:27: lenken "../finnes-ikke/" peker ikke til noen side i nettstedet`,
		`templates/pages/page.html:1:59: lenken "../assets/mangler.png" peker ikke til noen side i nettstedet`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("want …%s…, got:\n%v", want, err)
		}
	}
}
