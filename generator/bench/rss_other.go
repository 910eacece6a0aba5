//go:build !unix

package main

import "os"

// peakRSS is unknown where the kernel does not report it.
func peakRSS(*os.ProcessState) int64 { return 0 }
