//go:build linux

package main

import (
	"bytes"
	"os"
	"strconv"
	"time"
)

// treeSampler follows the resident memory of a process and of every
// process below it (the Node.js processes that draw charts), which the
// kernel's ru_maxrss does not add up: it reports the largest one alone.
type treeSampler struct {
	stop chan struct{}
	done chan int64
}

// sampleTree starts sampling the tree below pid every 50 ms.
func sampleTree(pid int) *treeSampler {
	s := &treeSampler{stop: make(chan struct{}), done: make(chan int64, 1)}
	go func() {
		var peak int64
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			peak = max(peak, treeRSS(pid))
			select {
			case <-s.stop:
				s.done <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return s
}

// peak stops the sampling and returns the largest sum seen, in bytes.
func (s *treeSampler) peak() int64 {
	close(s.stop)
	return <-s.done
}

// treeRSS is the resident memory of pid and its descendants now.
func treeRSS(pid int) int64 {
	children := childrenNow()
	var sum int64
	for todo := []int{pid}; len(todo) > 0; {
		p := todo[len(todo)-1]
		todo = append(todo[:len(todo)-1], children[p]...)
		sum += residentBytes(p)
	}
	return sum
}

// childrenNow maps each running process to its children.
func childrenNow() map[int][]int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	children := map[int][]int{}
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if ppid, ok := parentOf(p); ok {
			children[ppid] = append(children[ppid], p)
		}
	}
	return children
}

// parentOf reads the parent's pid from /proc/<pid>/stat; the command name
// before it is in parentheses and may hold spaces.
func parentOf(pid int) (int, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, false
	}
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, false
	}
	f := bytes.Fields(b[i+1:])
	if len(f) < 2 {
		return 0, false
	}
	ppid, err := strconv.Atoi(string(f[1]))
	return ppid, err == nil
}

// residentBytes is the second field of /proc/<pid>/statm, in pages.
func residentBytes(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0
	}
	f := bytes.Fields(b)
	if len(f) < 2 {
		return 0
	}
	pages, err := strconv.ParseInt(string(f[1]), 10, 64)
	if err != nil {
		return 0
	}
	return pages * int64(os.Getpagesize())
}
