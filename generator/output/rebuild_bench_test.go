package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// rebuildSite is a synthetic site (benchmarks only, no real figures) of
// the 10,000-article shape: 13,000 pages of about 10 kB, 10,000 in a
// folder each under nyheter/ and 3,000 under emner/. Every page's bytes
// differ; the pages whose index i%100 < changed end in build's number, so
// successive builds change that percentage of the site.
func rebuildSite(build, changed int) []File {
	files := make([]File, 13000)
	for i := range files {
		dir := fmt.Sprintf("nyheter/sak-%05d", i)
		if i >= 10000 {
			dir = fmt.Sprintf("emner/emne-%04d/side-%d", i%1000, i/1000)
		}
		data := make([]byte, 10<<10)
		for j := range data {
			data[j] = byte('a' + (i+j)%26)
		}
		stamp := "bygg 0"
		if i%100 < changed {
			stamp = "bygg " + strconv.Itoa(build)
		}
		copy(data[len(data)-len(stamp):], stamp)
		files[i] = File{Path: dir + "/index.html", Data: data}
	}
	return files
}

// BenchmarkRebuild writes the 13,000 pages of rebuildSite as a build
// does (Begin, WriteAll, Commit): into a missing folder (first), and over
// the last build with none or 5 % of the pages changed: in the spare the
// build before left (spare); as before spares, deleting the old tree
// after the swap and hard-linking unchanged files from the live site
// (nospare); and with neither, every file written anew (nospare-nolinks).
// Besides ns/op
// it reports the median milliseconds of each step: begin (checking the
// old tree, adopting the spare), write, sync (pruning, manifest and
// syncfs) and swap (the exchange, then keeping the old tree as the spare
// or deleting it).
func BenchmarkRebuild(b *testing.B) {
	b.Run("first", func(b *testing.B) {
		files := rebuildSite(0, 0)
		root := b.TempDir()
		steps := rebuildSteps{}
		for b.Loop() {
			b.StopTimer()
			os.RemoveAll(filepath.Join(root, "public"))
			os.RemoveAll(filepath.Join(root, ".public.spare"))
			b.StartTimer()
			steps.build(b, root, files, "first")
		}
		steps.report(b)
	})
	for _, way := range []string{"spare", "nospare", "nospare-nolinks"} {
		for _, changed := range []int{0, 5} {
			b.Run(fmt.Sprintf("%s-changed-%d%%", way, changed), func(b *testing.B) {
				root := b.TempDir()
				for range 2 { // the second build leaves a spare
					if err := Write(root, "public", rebuildSite(0, 0)); err != nil {
						b.Fatal(err)
					}
				}
				if way != "spare" {
					os.RemoveAll(filepath.Join(root, ".public.spare"))
				}
				build := 0
				steps := rebuildSteps{}
				for b.Loop() {
					b.StopTimer()
					build++
					files := rebuildSite(build, changed)
					b.StartTimer()
					steps.build(b, root, files, way)
				}
				steps.report(b)
			})
		}
	}
}

// rebuildSteps times the steps of each build BenchmarkRebuild makes, and
// counts the bytes it gave the disk to write ("MB-written", from Linux's
// /proc/self/io, counted as pages are dirtied: steadier than times on a
// shared disk).
type rebuildSteps map[string][]time.Duration

// writeBytes is write_bytes of /proc/self/io; 0 where there is none.
func writeBytes() int64 {
	b, _ := os.ReadFile("/proc/self/io")
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "write_bytes: "); ok {
			n, _ := strconv.ParseInt(v, 10, 64)
			return n
		}
	}
	return 0
}

// build makes one build of files in root/public the way BenchmarkRebuild
// names: with nospare the old tree is deleted after the swap, not kept,
// and with nolinks no file is hard-linked from the live site.
func (rs rebuildSteps) build(b *testing.B, root string, files []File, way string) {
	start := time.Now()
	lap := func(step string) {
		now := time.Now()
		rs[step] = append(rs[step], now.Sub(start))
		start = now
	}
	dirtied := writeBytes()
	defer func() { rs["MB-written"] = append(rs["MB-written"], time.Duration(writeBytes()-dirtied)) }()
	st, err := Begin(root, "public")
	if err != nil {
		b.Fatal(err)
	}
	if strings.HasPrefix(way, "nospare") {
		st.rename = func(string, string) error { return errors.New("no spare") }
	}
	st.noLinks.Store(strings.HasSuffix(way, "nolinks"))
	lap("begin")
	if err := st.WriteAll(files); err != nil {
		b.Fatal(err)
	}
	lap("write")
	st.hook = func(step string) {
		if step == "synced" {
			lap("sync")
		}
	}
	if err := st.Commit(); err != nil {
		b.Fatal(err)
	}
	lap("swap")
}

func (rs rebuildSteps) report(b *testing.B) {
	for step, ds := range rs {
		slices.Sort(ds)
		if step == "MB-written" {
			b.ReportMetric(float64(ds[len(ds)/2])/1e6, step)
			continue
		}
		b.ReportMetric(float64(ds[len(ds)/2].Microseconds())/1000, "ms-"+step)
	}
}
