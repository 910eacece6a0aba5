package render

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"alisnord/generator/output"
	"alisnord/generator/site"
)

// earlierSink is a sink that holds the files of the build before it, as
// output.Staging holds the spare or the live site.
type earlierSink struct {
	Collector
	last map[string][]byte
}

func (l *earlierSink) Previous(path string) ([]byte, bool) {
	b, ok := l.last[path]
	return b, ok
}

// TestReuseLikeFresh edits the small site step by step, as
// TestEngineRemembersLikeFresh does, and builds each version with a new
// engine into a sink that holds the last version's files: every build
// must give exactly what a build without them gives (files or
// problems), taking from them only pages whose inputs did not change.
// Besides the edits of the source, steps edit the last build's output by
// hand, break its record and change the generator.
func TestReuseLikeFresh(t *testing.T) {
	m := smallInput(t)
	generator := "v1"
	last := map[string][]byte{}
	build := func() (want, got []output.File, wantErr, gotErr error, st Stats) {
		root := fstest.MapFS{}
		for name, f := range m {
			root[strings.TrimPrefix(name, "in/")] = f
		}
		load := func() *site.Site {
			s, err := site.Load(root, site.Options{Now: testNow})
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		want, wantErr = Site(load(), Options{Root: root})
		e := NewEngine(Forget)
		sink := &earlierSink{last: last}
		if gotErr = e.Render(load(), Options{Root: root, Generator: generator}, sink); gotErr == nil {
			got = sink.Files()
			last = map[string][]byte{}
			for _, f := range got {
				last[f.Path] = f.Data
			}
		}
		return want, got, wantErr, gotErr, e.Stats()
	}
	hand := func(name string, edit func(map[string][]byte)) incrementalStep {
		return incrementalStep{name: name, edit: func(fstest.MapFS) { edit(last) }, rendered: -1}
	}
	steps := append([]incrementalStep{
		hand("page edited by hand", func(l map[string][]byte) {
			l["om/index.html"] = []byte(strings.Replace(string(l["om/index.html"]), "<main", "<main data-x", 1))
		}),
		hand("page deleted by hand", func(l map[string][]byte) { delete(l, "nyheter/andre/index.html") }),
		hand("record of another format", func(l map[string][]byte) {
			l[pagesRecord] = []byte(strings.Replace(string(l[pagesRecord]), recordHeader, "alisnord pages 0", 1))
		}),
		hand("record garbled", func(l map[string][]byte) {
			l[pagesRecord] = []byte(strings.ReplaceAll(string(l[pagesRecord]), " ", "\x00"))
		}),
		{"another generator", func(fstest.MapFS) { generator = "v2" }, -1},
	}, incrementalSteps...)
	build()
	var taken int
	for _, step := range steps {
		step.edit(m)
		want, got, wantErr, gotErr, st := build()
		if !reflect.DeepEqual(wantErr, gotErr) {
			t.Fatalf("%s: errors differ\nwithout the last build:\n%v\nwith it:\n%v", step.name, wantErr, gotErr)
		}
		if gotErr != nil {
			continue
		}
		if len(got) != len(want)+1 || !strings.HasPrefix(string(got[0].Data), recordHeader+"\n") {
			t.Fatalf("%s: want the files and the record, got %d files for %d", step.name, len(got), len(want))
		}
		if msg := sameFiles(want, got[1:]); msg != "" {
			t.Fatalf("%s: %s", step.name, msg)
		}
		taken += st.Pages - st.Rendered
		if step.name == "another generator" && st.Rendered != st.Pages {
			t.Errorf("%s: %d of %d pages taken from the last build", step.name, st.Pages-st.Rendered, st.Pages)
		}
	}
	if taken == 0 {
		t.Error("no page was ever taken from the last build")
	}
}

// TestRecordRoundTrip reads back the record a build writes, and reads
// nothing from one of another format.
func TestRecordRoundTrip(t *testing.T) {
	pages := []*Page{{Path: "b/index.html"}, {Path: "a/index.html"}, {Path: "c.html"}}
	u := &reuser{now: []recorded{{1, 2}, {0xffffffffffffffff, 4}, {}}, paths: 9}
	f := u.record(pages)
	want := recordHeader + "\npaths 0000000000000009\nffffffffffffffff 0000000000000004 a/index.html\n0000000000000001 0000000000000002 b/index.html\n"
	if f.Path != pagesRecord || string(f.Data) != want {
		t.Fatalf("record %s:\n%s\nwant\n%s", f.Path, f.Data, want)
	}
	got, paths := parseRecord(f.Data)
	if !reflect.DeepEqual(got, map[string]recorded{"a/index.html": {0xffffffffffffffff, 4}, "b/index.html": {1, 2}}) || paths != 9 {
		t.Errorf("read back %v, paths %x", got, paths)
	}
	if got, _ := parseRecord([]byte("alisnord pages 2\n" + want[len(recordHeader)+1:])); got != nil {
		t.Errorf("a record of another format read as %v", got)
	}
}

// TestTake goes through what decides whether a page is taken from the
// last build: its key, its bytes, and the targets of its links in this
// build.
func TestTake(t *testing.T) {
	data := []byte(`<a href="../x/">x</a><img src="../bilde.jpg" alt="">`)
	p := &Page{Path: "a/index.html"}
	all := func(string) bool { return true }
	cases := []struct {
		name   string
		page   *Page
		key    uint64
		data   []byte
		exists func(string) bool
		paths  uint64 // this build's pathsKey; the last build's is 5
		want   bool
	}{
		{"unchanged", p, 7, data, all, 6, true},
		{"another key", p, 8, data, all, 6, false},
		{"bytes edited", p, 7, append([]byte(" "), data...), all, 5, false},
		{"link target gone", p, 7, data, func(t string) bool { return t != "x/index.html" }, 6, false},
		{"image gone", p, 7, data, func(t string) bool { return t != "bilde.jpg" }, 6, false},
		{"same paths: links hold", p, 7, data, func(string) bool { return false }, 5, true},
		{"not in the last build", &Page{Path: "b/index.html"}, 7, data, all, 5, false},
	}
	for _, c := range cases {
		u := &reuser{from: &earlierSink{last: map[string][]byte{p.Path: c.data, "b/index.html": data}},
			last: map[string]recorded{p.Path: {7, hashBytes(data)}}, lastPaths: 5, now: make([]recorded, 1)}
		u.setPaths(c.paths)
		got, ok := u.take(c.page, 0, c.key, c.exists)
		if ok != c.want || (ok && string(got) != string(data)) || (u.now[0] != recorded{}) != ok {
			t.Errorf("%s: took %v (%q), recorded %v", c.name, ok, got, u.now[0])
		}
	}
}
