package serve

import (
	"bytes"
	_ "embed"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync/atomic"
)

// Reserved paths of the dev server; the site itself never has them.
const (
	scriptPath = "/__livereload.js"
	eventsPath = "/__livereload/events"
)

//go:embed livereload.js
var liveReloadJS []byte

// files serves the last good build from memory, with the live-reload script
// added to HTML pages. Only paths of the build are served: anything with a
// dot-segment or a segment starting with a dot is refused.
type files struct {
	current atomic.Pointer[snapshot]
	events  *hub
}

func (f *files) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case eventsPath:
		f.events.ServeHTTP(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(liveReloadJS)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "bare GET og HEAD", http.StatusMethodNotAllowed)
		return
	}
	name, ok := sitePath(r.URL.Path)
	if !ok {
		http.Error(w, "ikke tillatt", http.StatusForbidden)
		return
	}
	snap := f.current.Load()
	data, found := snap.file(name)
	if index, _ := snap.file(name + "/index.html"); !found && !strings.HasSuffix(name, "index.html") && index != nil {
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		return
	}
	status := http.StatusOK
	if !found {
		name, status = "404.html", http.StatusNotFound
		data, _ = snap.file(name)
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if strings.HasSuffix(name, ".html") {
		data = inject(data, snap.version)
		ctype = "text/html; charset=utf-8"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// sitePath turns a URL path into an output path ("/nyheter/" ->
// "nyheter/index.html"). ok is false for a path that tries to leave the
// site or reach a dot-file: "..", ".", "/.git/…", backslashes, NUL.
func sitePath(urlPath string) (string, bool) {
	if !strings.HasPrefix(urlPath, "/") || strings.ContainsAny(urlPath, "\\\x00") {
		return "", false
	}
	rel := urlPath[1:]
	for _, seg := range strings.Split(rel, "/") {
		if strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	return rel, true
}

// inject adds the live-reload script before </body>; the build number in
// its URL lets the script tell that the page is older than the site.
func inject(page []byte, build int) []byte {
	tag := []byte(`<script src="` + scriptPath + `?b=` + strconv.Itoa(build) + `" defer></script>`)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}
