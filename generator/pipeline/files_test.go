package pipeline

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestFileMemo checks what the dev server's memo of the site folder reads
// again after each kind of change: the changed file, a file in a folder
// that changed, everything after a lost event, and always a file reached
// through a symbolic link, whose target the watcher does not see, or with
// a hidden name, whose changes the watcher passes over.
func TestFileMemo(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("templates/pages/a.html", "a1")
	write("templates/assets/style.css", "s1")
	write("outside/photo.jpg", "p1")
	write("templates/pages/.utkast.html", "u1")
	if err := os.Symlink(filepath.Join(dir, "outside", "photo.jpg"), filepath.Join(dir, "templates", "link.jpg")); err != nil {
		t.Skip(err)
	}
	m := newFileMemo(dir)
	fsys := m.fsys()
	read := func(rel string) string {
		t.Helper()
		b, err := fs.ReadFile(fsys, rel)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	list := func(rel string) int {
		t.Helper()
		entries, err := fs.ReadDir(fsys, rel)
		if err != nil {
			t.Fatal(err)
		}
		return len(entries)
	}
	read("templates/pages/a.html")
	read("templates/assets/style.css")
	read("templates/link.jpg")
	read("templates/pages/.utkast.html")
	list("templates/pages")
	write("templates/pages/a.html", "a2")
	write("templates/assets/style.css", "s2")
	write("outside/photo.jpg", "p2")
	write("templates/pages/b.html", "b")
	write("templates/pages/.utkast.html", "u2")
	m.forget(Changes{Paths: []string{"content/x.md"}})
	if n := list("templates/pages"); n != 2 {
		t.Errorf("listing of templates/pages after an unrelated change: %d entries, want the 2 kept", n)
	}
	m.forget(Changes{Paths: []string{"templates/pages/b.html"}})
	if n := list("templates/pages"); n != 3 {
		t.Errorf("listing of templates/pages after b.html was created: %d entries, want 3", n)
	}
	steps := []struct {
		name string
		ch   Changes
		file string
		want string
	}{
		{"unchanged file is kept", Changes{Paths: []string{"content/x.md"}}, "templates/pages/a.html", "a1"},
		{"through a link, read again", Changes{Paths: []string{"content/x.md"}}, "templates/link.jpg", "p2"},
		{"hidden file, read again", Changes{Paths: []string{"content/x.md"}}, "templates/pages/.utkast.html", "u2"},
		{"changed file, read again", Changes{Paths: []string{"templates/pages/a.html"}}, "templates/pages/a.html", "a2"},
		{"other file still kept", Changes{Paths: []string{"templates/pages/a.html"}}, "templates/assets/style.css", "s1"},
		{"changed folder, read again", Changes{Paths: []string{"templates/assets"}}, "templates/assets/style.css", "s2"},
	}
	for _, st := range steps {
		m.forget(st.ch)
		if got := read(st.file); got != st.want {
			t.Errorf("%s: %s reads %q, want %q", st.name, st.file, got, st.want)
		}
	}
	write("templates/pages/a.html", "a3")
	m.forget(Changes{All: true})
	if got := read("templates/pages/a.html"); got != "a3" {
		t.Errorf("after lost events: %q, want a3", got)
	}
}
