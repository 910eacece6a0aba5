package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watchedDirs are the folders below the site root a change in which
// rebuilds the site. templates/ holds the static assets too.
var watchedDirs = []string{"content", "data", "templates"}

// Debounce timing: a burst of events ends after quiet of debounce; a burst
// that never ends is cut at maxWait.
const (
	defaultDebounce = 20 * time.Millisecond
	maxWait         = 500 * time.Millisecond
)

// batch is one burst of changes: slash-separated paths relative to the
// root. all is set when events were lost and anything may have changed.
type batch struct {
	paths []string
	all   bool
}

// watcher watches the site's folders, including folders created later, by
// watching folders rather than files, so that editors that write a temporary
// file and rename it over the original are seen.
type watcher struct {
	root     string
	fsn      *fsnotify.Watcher
	debounce time.Duration
	log      io.Writer
}

func newWatcher(root string, debounce time.Duration, log io.Writer) (*watcher, error) {
	fsn, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("kan ikke starte filovervåkingen: %w", err)
	}
	w := &watcher{root: root, fsn: fsn, debounce: debounce, log: log}
	if err := fsn.Add(root); err != nil {
		fsn.Close()
		return nil, fmt.Errorf("kan ikke overvåke %s: %w", root, err)
	}
	for _, d := range watchedDirs {
		w.addTree(filepath.Join(root, d))
	}
	return w, nil
}

// addTree watches dir and every folder below it and returns the files
// found there, which may have been written before the watch began.
func (w *watcher) addTree(dir string) []string {
	var found []string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // gone already, or not there yet: the root's watch sees it come
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			if rel, ok := w.relevant(p); ok {
				found = append(found, rel)
			}
			return nil
		}
		if err := w.fsn.Add(p); err != nil {
			fmt.Fprintf(w.log, "kan ikke overvåke %s: %v\n", p, err)
		}
		return nil
	})
	return found
}

// run owns the fsnotify watcher and the debounce timer until ctx is done,
// calling rebuild once per burst of changes, and closes the watcher before
// it returns. rebuild runs on this goroutine: events that come meanwhile
// wait in the queue and make the next burst.
func (w *watcher) run(ctx context.Context, rebuild func(batch)) {
	defer w.fsn.Close()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	var fire <-chan time.Time
	pending := map[string]bool{}
	lost := false
	var first time.Time
	arm := func() {
		if fire == nil {
			first = time.Now()
		}
		timer.Reset(min(w.debounce, maxWait-time.Since(first)))
		fire = timer.C
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fsn.Events:
			if !ok {
				return
			}
			if w.event(ev, pending) {
				arm()
			}
		case err, ok := <-w.fsn.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				lost = true
				arm()
				continue
			}
			fmt.Fprintf(w.log, "filovervåkingen: %v\n", err)
		case <-fire:
			fire = nil
			b := batch{all: lost}
			for p := range pending {
				b.paths = append(b.paths, p)
			}
			clear(pending)
			lost = false
			rebuild(b)
		}
	}
}

// event records one fsnotify event in pending and tells whether it
// matters. A new folder is watched at once, with what it already holds.
func (w *watcher) event(ev fsnotify.Event, pending map[string]bool) bool {
	rel, ok := w.relevant(ev.Name)
	if !ok {
		return false
	}
	pending[rel] = true
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			for _, p := range w.addTree(ev.Name) {
				pending[p] = true
			}
		}
	}
	return true
}

// relevant returns the path of name relative to the root, and whether a
// change there can change the site: below a watched folder, and not a
// hidden file or an editor's backup, swap or lock file.
func (w *watcher) relevant(name string) (string, bool) {
	rel, err := filepath.Rel(w.root, name)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	top, _, _ := strings.Cut(rel, "/")
	if !isWatchedDir(top) {
		return "", false
	}
	for _, seg := range strings.Split(rel, "/") {
		if strings.HasPrefix(seg, ".") || strings.HasPrefix(seg, "#") {
			return "", false // dot-files, vim and emacs swap and lock files
		}
	}
	base := rel[strings.LastIndex(rel, "/")+1:]
	for _, suffix := range []string{"~", ".swp", ".swx", ".tmp", "___jb_tmp___", "___jb_old___"} {
		if strings.HasSuffix(base, suffix) {
			return "", false
		}
	}
	return rel, base != "4913" // vim's test file
}

func isWatchedDir(name string) bool {
	for _, d := range watchedDirs {
		if name == d {
			return true
		}
	}
	return false
}
