package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"alisnord/generator/internal/sitetest"
)

// TestBuildSearchToolMissing: build -search without Pagefind installed
// stops before writing anything, with the install step in Norwegian.
func TestBuildSearchToolMissing(t *testing.T) {
	js := bundle(t)
	root := sitetest.TempCopy(t)
	out := filepath.Join(root, "public")
	code, _, stderr := runCmd("build", "-search", "-root", root, "-out", out, "-echarts", js)
	if code != 1 || !strings.Contains(stderr, "fant ikke søkeverktøyet Pagefind") || !strings.Contains(stderr, "make search-tools") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the failed build made %s (%v)", out, err)
	}
}
