//go:build linux

package main

import (
	"os"
	"os/exec"
	"testing"
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
// command starts, not only its largest one.
func TestTimedSumsTheTree(t *testing.T) {
	cmd := exec.Command("sh", "-c", "sleep 0.4 & sleep 0.4 & sleep 0.4 & wait")
	s, err := timed(cmd)
	if err != nil {
		t.Skip(err)
	}
	if largest := peakRSS(cmd.ProcessState); s.rss <= largest {
		t.Errorf("peak RSS %d, not above the largest process's %d: the children were not added", s.rss, largest)
	}
}
