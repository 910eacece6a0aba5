package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"alisnord/generator/internal/sitetest"
)

// TestFactSheetStatesPositions: the fact sheet's sentence about the
// positions' contract model and status follows the data — «ikke oppgitt»
// while no position has one, the date of the newest once one has.
// (The position added here is synthetic test data.)
func TestFactSheetStatesPositions(t *testing.T) {
	js := bundle(t)
	root := sitetest.TempCopy(t)
	sheet := func() string {
		out := filepath.Join(t.TempDir(), "ut")
		if code, _, stderr := runCmd("build", "-root", root, "-out", out, "-echarts", js); code != 0 {
			t.Fatalf("build: exit %d\n%s", code, stderr)
		}
		b, err := os.ReadFile(filepath.Join(out, "konferanse", "faktaark", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if s := sheet(); !strings.Contains(s, "Avtaleform og status for stillingene er ikke oppgitt") {
		t.Error("with no position documented, the fact sheet does not say the model and status are not given")
	}
	plant(t, root, "data/participants.toml", "municipalities = [\"Vega\"]\npositions = 1\n",
		"municipalities = [\"Vega\"]\npositions = 1\n\n[[participant.position]]\nmodel = \"fastlønn\"\nstatus = \"besatt\"\nstatus_date = 2019-10-01\n")
	s := sheet()
	if strings.Contains(s, "Avtaleform og status for stillingene er ikke oppgitt") {
		t.Error("after a position got a model and status, the fact sheet still says they are not given")
	}
	if !strings.Contains(s, "per 1.\u00a0oktober 2019") && !strings.Contains(s, "per 1. oktober 2019") {
		t.Errorf("the fact sheet does not date the positions' status 1 October 2019:\n%s", s[strings.Index(s, "fs-participants"):][:2000])
	}
}
