package quality

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// Tools are the programs and files the checks drive. An empty field is a
// tool that was not found; Missing says which and how to get it.
type Tools struct {
	Chromium string // the browser (Debian: apt-get install chromium)
	Java     string // runs the Nu HTML Checker (Debian: default-jre-headless)
	Axe      string // node_modules/axe-core/axe.min.js
	VNU      string // node_modules/vnu-jar/build/dist/vnu.jar
}

// FindTools looks for Chromium ($CHROMIUM, then chromium, chromium-browser,
// google-chrome on PATH), java on PATH, and the npm packages installed in
// dir/node_modules by `npm ci --prefix generator/quality`.
func FindTools(dir string) Tools {
	var t Tools
	if c := os.Getenv("CHROMIUM"); c != "" {
		t.Chromium, _ = exec.LookPath(c)
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if t.Chromium == "" {
			t.Chromium, _ = exec.LookPath(name)
		}
	}
	t.Java, _ = exec.LookPath("java")
	if p := filepath.Join(dir, "node_modules", "axe-core", "axe.min.js"); exists(p) {
		t.Axe = p
	}
	if p := filepath.Join(dir, "node_modules", "vnu-jar", "build", "dist", "vnu.jar"); exists(p) {
		t.VNU = p
	}
	return t
}

// MissingBrowser says what the browser checks lack, or "" when they can run.
func (t Tools) MissingBrowser() string {
	switch {
	case t.Chromium == "":
		return "Chromium not found (apt-get install chromium, or set CHROMIUM)"
	case t.Axe == "":
		return "axe-core not installed (npm ci --prefix generator/quality)"
	}
	return ""
}

// MissingValidator says what the HTML validator lacks, or "" when it can run.
func (t Tools) MissingValidator() string {
	switch {
	case t.Java == "":
		return "java not found (apt-get install default-jre-headless)"
	case t.VNU == "":
		return "vnu-jar not installed (npm ci --prefix generator/quality)"
	}
	return ""
}

func (t Tools) String() string {
	return fmt.Sprintf("chromium=%q java=%q axe=%q vnu=%q", t.Chromium, t.Java, t.Axe, t.VNU)
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
