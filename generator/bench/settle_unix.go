//go:build unix

package main

import "golang.org/x/sys/unix"

// flushDisk writes every file system's unwritten data to disk (sync(2)).
// A build that ends leaves its files for the kernel to write later; Hugo
// does, and the next build then pays for that writing: on two cores the
// kernel's flushing takes CPU time from it, and ours waits for it too, as
// it flushes before it publishes (output.Commit). At 10,000 articles a
// build right after Hugo's took 2.40-2.67 s, after a sync 2.30-2.48 s
// (4 alternating each). So before each build the bench lets the disk
// catch up, untimed, and each tool pays for its own files alone.
func flushDisk() { unix.Sync() }
