package sitetest

import (
	"os"
	"runtime/pprof"
	"testing"
)

// CPUProfile starts a CPU profile into the file the environment variable
// env names, when it names one, for a benchmark to profile the part it
// measures, and returns the function that stops it.
func CPUProfile(tb testing.TB, env string) (stop func()) {
	tb.Helper()
	p := os.Getenv(env)
	if p == "" {
		return func() {}
	}
	f, err := os.Create(p)
	if err != nil {
		tb.Fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		tb.Fatal(err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}
