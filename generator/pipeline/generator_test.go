package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestExecutableIDIsGoBuildID checks that the generator's ID for a Go
// executable is the build ID the go command itself reads from it (go tool
// buildid), here for the test binary.
func TestExecutableIDIsGoBuildID(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the build ID is read from ELF files only")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(goBin, "tool", "buildid", exe).Output()
	if err != nil {
		t.Fatalf("go tool buildid: %v", err)
	}
	want := "go:" + strings.TrimSpace(string(out))
	if got := executableID(exe); got != want {
		t.Errorf("executableID = %q, want %q", got, want)
	}
}

// TestExecutableIDHashesOtherFiles checks the fallback: a file with no Go
// build ID is identified by the SHA-256 of its bytes, and an unreadable one
// by "" (no page is then reused).
func TestExecutableIDHashesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "generator")
	data := []byte("#!/bin/sh\necho ikke et Go-program\n")
	if err := os.WriteFile(p, data, 0o755); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if got, want := executableID(p), hex.EncodeToString(sum[:]); got != want {
		t.Errorf("executableID = %q, want %q", got, want)
	}
	if got := executableID(filepath.Join(dir, "mangler")); got != "" {
		t.Errorf("executableID of a missing file = %q, want \"\"", got)
	}
}

// BenchmarkExecutableID compares the two ways of identifying the test
// binary: its Go build ID, and the SHA-256 of the whole file that every
// build used to compute (and still does for a file without a build ID).
func BenchmarkExecutableID(b *testing.B) {
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("buildid", func(b *testing.B) {
		for b.Loop() {
			if !strings.HasPrefix(executableID(exe), "go:") {
				b.Fatal("no build ID")
			}
		}
	})
	b.Run("sha256", func(b *testing.B) {
		for b.Loop() {
			if goBuildID(exe) == "" || hashFile(exe) == "" {
				b.Fatal("no ID")
			}
		}
	})
}
