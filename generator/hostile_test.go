package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"alisnord/generator/internal/sitetest"
)

// hostile strings that must come out of every file as inert text.
var hostile = []string{
	`</script><script>alert(1)</script>`,
	`__f__function(){alert(1)}__f__`,
	`"><img src=x onerror=alert(1)>`,
	`]]>`,
}

func TestHostileStringsStayText(t *testing.T) {
	js := bundle(t)
	root := sitetest.TempCopy(t)
	replace := func(file, old, new string) {
		p := filepath.Join(root, file)
		b, err := os.ReadFile(p)
		if err != nil || !bytes.Contains(b, []byte(old)) {
			t.Fatalf("%s: no %q (%v)", file, old, err)
		}
		os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644)
	}
	q := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) }
	replace("data/areas.toml", `name = "UNN"`, `name = "UNN `+q(hostile[0])+`"`)
	replace("data/areas.toml", `name = "Helgeland"`, `name = "`+q(hostile[1])+`"`)
	replace("data/participants.toml", `name = "Tromsø"`, `name = "Tromsø `+q(hostile[2])+`"`)
	replace("data/participants.toml", `name = "Bodø"`, `name = "Bodø `+q(hostile[3])+`"`)
	replace("data/site.toml", `tagline = "`, `tagline = "`+q(hostile[0])+` `)
	replace("data/events.toml", `venue = "`, `venue = "`+q(hostile[2])+` `)
	replace("content/om.md", `title = "`, `title = "`+q(hostile[2])+` `)
	deck := "content/konferanse/lysbilder.md"
	replace(deck, `title = "`, `title = "`+q(hostile[0])+` `)
	replace(deck, "## ALIS-Nord\n", "## ALIS-Nord "+hostile[2]+"\n\n"+hostile[0]+"\n\n<!--lysbilde-->\n")
	replace("data/events.toml", `theme = "`, `theme = "`+q(hostile[0])+` `)
	art := "content/nyheter/styringsgruppen-samles.md"
	replace(art, `title = "`, `title = "`+q(hostile[0]+hostile[3])+` `)
	replace(art, `summary = "`, `summary = "`+q(hostile[1]+hostile[2])+` `)
	replace(art, `tags = [`, `tags = ["`+q(hostile[0])+`", `)
	out := filepath.Join(root, "public")
	if code, _, stderr := runCmd("build", "-root", root, "-out", out, "-echarts", js); code != 0 {
		t.Fatalf("build exit %d:\n%s", code, stderr)
	}
	seen := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		ext := filepath.Ext(p)
		if ext != ".html" && ext != ".xml" {
			return nil
		}
		s := string(b)
		for _, bad := range []string{"<script>alert", "<img src=x", "<img src=\"x\""} { // a live tag needs a raw "<"
			if strings.Contains(s, bad) {
				t.Errorf("%s contains %q", rel, bad)
			}
		}
		if ext == ".xml" && strings.Contains(s, "]]>") {
			t.Errorf("%s contains a raw ]]>", rel)
		}
		if strings.Contains(s, "alert(1)") {
			seen++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 10 {
		t.Errorf("the hostile strings reached only %d files: the test did not exercise the output", seen)
	}
	slides, _ := os.ReadFile(filepath.Join(out, "konferanse", "lysbilder", "index.html"))
	if n := strings.Count(string(slides), `<section class="slide"`); n != 8 {
		t.Errorf("a forged slide marker in the deck changed it to %d slides, want 8", n)
	}
	stats, _ := os.ReadFile(filepath.Join(out, "statistikk", "index.html"))
	if !strings.Contains(string(stats), "UNN &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the hostile area name is not shown as escaped text on the statistics page")
	}
}
