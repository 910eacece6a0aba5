//go:build linux

package main

import (
	"os"
	"os/exec"
	"runtime"
	"testing"
	"time"
)

// TestTreeRSS: the tree's sum counts a child, and a grandchild, beside the
// process itself.
func TestTreeRSS(t *testing.T) {
	cmd := exec.Command("sh", "-c", "sleep 30 & wait")
	if err := cmd.Start(); err != nil {
		t.Skip(err)
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	var grandchild int
	for range 200 { // the shell starts its sleep
		for p, kids := range childrenNow() {
			if p == cmd.Process.Pid && len(kids) > 0 {
				grandchild = kids[0]
			}
		}
		if grandchild != 0 {
			break
		}
		exec.Command("sleep", "0.01").Run()
	}
	if grandchild == 0 {
		t.Fatal("the shell's child did not show up")
	}
	self, sh, sleep := residentBytes(os.Getpid()), residentBytes(cmd.Process.Pid), residentBytes(grandchild)
	if self == 0 || sh == 0 || sleep == 0 {
		t.Fatalf("resident sizes %d, %d, %d", self, sh, sleep)
	}
	if got := treeRSS(cmd.Process.Pid); got != sh+sleep {
		t.Errorf("treeRSS(shell) = %d, want shell %d + its child %d", got, sh, sleep)
	}
	if got := treeRSS(os.Getpid()); got < self+sh+sleep {
		t.Errorf("treeRSS(self) = %d, less than self %d + child %d + grandchild %d", got, self, sh, sleep)
	}
}

// TestTimedSumsTheTree: the peak RSS timed reports counts the processes a
// command starts, not only its largest one. The children are this test
// binary holding 40 MB each: far above what any one process of the
// command (or the test binary itself, which the kernel may count for a
// child at its start) has alone.
func TestTimedSumsTheTree(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	cmd := exec.Command("sh", "-c", `"$0" -test.run=TestHoldMemory & "$0" -test.run=TestHoldMemory & wait`, exe)
	cmd.Env = append(os.Environ(), "BENCH_HOLD_MEMORY=1")
	s, err := timed(cmd)
	if err != nil {
		t.Skip(err)
	}
	if largest := peakRSS(cmd.ProcessState); s.rss < largest+30<<20 {
		t.Errorf("peak RSS %d MB, not 30 MB above the largest process's %d MB: the children were not added", s.rss>>20, largest>>20)
	}
}

// TestHoldMemory is TestTimedSumsTheTree's child: with BENCH_HOLD_MEMORY
// set it keeps 40 MB resident for half a second; otherwise it does nothing.
func TestHoldMemory(t *testing.T) {
	if os.Getenv("BENCH_HOLD_MEMORY") == "" {
		t.Skip("a helper process of TestTimedSumsTheTree")
	}
	b := make([]byte, 40<<20)
	for i := range b {
		b[i] = byte(i)
	}
	time.Sleep(500 * time.Millisecond)
	runtime.KeepAlive(b)
}
