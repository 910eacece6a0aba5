package serve

import (
	"fmt"
	"maps"
	"testing"

	"alisnord/generator/output"
)

// TestSnapshotNext builds snapshots one after another, as rebuild does,
// and checks after each that it serves exactly the build's files, counts
// them, and leaves every earlier snapshot as it was (a request may still
// be reading one).
func TestSnapshotNext(t *testing.T) {
	site := map[string]string{}
	for i := range 40 {
		site[fmt.Sprintf("side-%02d/index.html", i)] = "v0"
	}
	snap := &snapshot{base: map[string][]byte{"404.html": []byte("plassholder")}, count: 1}
	type kept struct {
		s    *snapshot
		want map[string]string
	}
	var earlier []kept
	steps := []struct {
		name   string
		change func(map[string]string)
	}{
		{"first build", func(map[string]string) {}},
		{"one page changed", func(m map[string]string) { m["side-03/index.html"] = "v1" }},
		{"a page added", func(m map[string]string) { m["ny/index.html"] = "v1" }},
		{"the same page again", func(m map[string]string) { m["side-03/index.html"] = "v2" }},
		{"many pages changed (merged)", func(m map[string]string) {
			for i := range 10 {
				m[fmt.Sprintf("side-%02d/index.html", i)] = "v3"
			}
		}},
		{"one more after the merge", func(m map[string]string) { m["side-20/index.html"] = "v4" }},
		{"a page removed", func(m map[string]string) { delete(m, "side-21/index.html") }},
		{"after the removal", func(m map[string]string) { m["side-22/index.html"] = "v5" }},
	}
	for _, st := range steps {
		st.change(site)
		var files []output.File
		for p, v := range site {
			files = append(files, output.File{Path: p, Data: []byte(v)})
		}
		changed, _, removed := diff(snap, files)
		snap = snap.next(files, changed, removed)
		got := map[string]string{}
		for p, v := range snap.all() {
			got[p] = string(v)
		}
		if !maps.Equal(got, site) {
			t.Fatalf("%s: serves %v\nwant %v", st.name, got, site)
		}
		if snap.count != len(site) {
			t.Errorf("%s: counts %d files, serves %d", st.name, snap.count, len(site))
		}
		for p, v := range site {
			if data, ok := snap.file(p); !ok || string(data) != v {
				t.Errorf("%s: %s = %q, %v; want %q", st.name, p, data, ok, v)
			}
		}
		earlier = append(earlier, kept{snap, maps.Clone(site)})
		for i, k := range earlier {
			for p, v := range k.want {
				if data, _ := k.s.file(p); string(data) != v {
					t.Fatalf("%s: snapshot %d changed afterwards: %s = %q, was %q", st.name, i, p, data, v)
				}
			}
		}
	}
}
