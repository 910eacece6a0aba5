package search

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestToolMissing: without Pagefind installed, the error says where it
// was looked for and how to install it.
func TestToolMissing(t *testing.T) {
	_, err := Tool(t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "fant ikke søkeverktøyet Pagefind") || !strings.Contains(err.Error(), "make search-tools") {
		t.Errorf("got %v", err)
	}
}

// TestIndex indexes a small synthetic site (test data) with the Pagefind
// this repository pins, when it is installed (make search-tools): only
// pages marked data-pagefind-body, in their language.
func TestIndex(t *testing.T) {
	tool, err := Tool("../..")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skipf("SKIP: %v", err)
	}
	dir := t.TempDir()
	page := func(p, body string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		html := `<!DOCTYPE html><html lang="nb"><head><title>T</title></head><body>` + body + `</body></html>`
		if err := os.WriteFile(filepath.Join(dir, p), []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	page("index.html", `<main>Forsiden er ikke med.</main>`)
	page("om/index.html", `<main data-pagefind-body><h1>Om</h1><p>Kommunene i nord.</p></main>`)
	res, err := Index(tool, dir)
	if err != nil {
		t.Fatal(err)
	}
	if res.Files == 0 || res.Bytes == 0 {
		t.Errorf("index: %+v", res)
	}
	for _, name := range unused {
		if _, err := os.Stat(filepath.Join(dir, Output, name)); err == nil {
			t.Errorf("the unused %s is published", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, Output, "pagefind.js")); err != nil {
		t.Errorf("no client: %v", err)
	}
	entry, err := os.ReadFile(filepath.Join(dir, Output, "pagefind-entry.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(entry), `"nb":{`) || !strings.Contains(string(entry), `"page_count":1`) {
		t.Errorf("want one page indexed in nb: %s", entry)
	}
}
