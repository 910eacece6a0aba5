package serve

import (
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestServesOnlyTheBuiltSite(t *testing.T) {
	ts := startServer(t)
	cases := []struct {
		path string
		code int
	}{
		{"/", 200},
		{"/nyheter/", 200},
		{"/nyheter", 301},
		{"/assets/style.css", 200},
		{"/feed.xml", 200},
		{"/finnes-ikke/", 404},
		{"/go.mod", 404},
		{"/content/om.md", 404},
		{"/data/site.toml", 404},
		{"/../go.mod", 403},
		{"/%2e%2e/go.mod", 403},
		{"/nyheter/..%2f..%2fgo.mod", 403},
		{"/nyheter/../../go.mod", 403},
		{"/./index.html", 403},
		{"/.git/config", 403},
		{"/assets/.hidden", 403},
		{"/..\\go.mod", 403},
		{scriptPath, 200},
	}
	for _, c := range cases {
		// A raw request line: the client must not clean the path first.
		conn, err := net.Dial("tcp", ts.srv.Addr())
		if err != nil {
			t.Fatal(err)
		}
		conn.SetDeadline(time.Now().Add(5 * time.Second))
		if _, err := conn.Write([]byte("GET " + c.path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 64)
		n, _ := conn.Read(buf)
		conn.Close()
		status := string(buf[:n])
		if !strings.HasPrefix(status, "HTTP/1.1 "+strconv.Itoa(c.code)+" ") {
			t.Errorf("GET %s: %q, want %d", c.path, firstLine(status), c.code)
		}
	}
	if _, body := ts.get("/feed.xml"); strings.Contains(body, "__livereload") {
		t.Error("the live-reload script was added to the feed")
	}
	if code, body := ts.get("/finnes-ikke/"); code != 404 || !strings.Contains(body, scriptPath) {
		t.Error("the 404 page lacks the live-reload script, so it would not reload")
	}
	resp, err := ts.client.Post(ts.url("/"), "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST / = %d, want 405", resp.StatusCode)
	}
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\r\n"); return l }

// TestWritesNothing: the server builds into memory; the site root holds
// afterwards exactly what the test wrote, and no public/.
func TestWritesNothing(t *testing.T) {
	ts := startServer(t)
	before := tree(t, ts.dir)
	ts.replace(article, "Interessen var stor", "Interessen var stor!")
	ts.expect(eventReload)
	ts.close()
	after := tree(t, ts.dir)
	if strings.Join(before, "\n") != strings.Join(after, "\n") {
		t.Errorf("the server changed the site root:\nbefore %v\nafter  %v", before, after)
	}
	if _, err := os.Stat(filepath.Join(ts.dir, "public")); err == nil {
		t.Error("the server wrote public/")
	}
}

func tree(t *testing.T, dir string) []string {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		out = append(out, p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestStopEndsEverything: cancelling the context ends the event stream,
// closes the port and returns from Wait; Cleanup then checks goroutines.
func TestStopEndsEverything(t *testing.T) {
	ts := startServer(t)
	addr := ts.srv.Addr()
	done := make(chan struct{})
	go func() {
		ts.close()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the server did not stop within 5 s")
	}
	select {
	case _, ok := <-ts.events:
		if ok {
			for range ts.events {
			}
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the event stream is still open")
	}
	if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		c.Close()
		t.Error("the port is still open")
	}
}

func TestSitePath(t *testing.T) {
	cases := map[string]string{
		"/": "index.html", "/nyheter/": "nyheter/index.html", "/feed.xml": "feed.xml",
		"/../x": "", "/a/./b": "", "/.env": "", "/a/.git/b": "", "x": "", "/a\\b": "", "/a\x00": "",
	}
	for in, want := range cases {
		got, ok := sitePath(in)
		if ok != (want != "") || got != want {
			t.Errorf("sitePath(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestInject(t *testing.T) {
	got := string(inject([]byte("<html><body><p>x</p></body></html>"), 7))
	want := `<html><body><p>x</p><script src="/__livereload.js?b=7" defer></script></body></html>`
	if got != want {
		t.Errorf("inject = %s", got)
	}
	if got := string(inject([]byte("<p>uten body"), 1)); !strings.HasSuffix(got, "</script>") {
		t.Errorf("inject without </body> = %s", got)
	}
}

func TestRelevant(t *testing.T) {
	w := &watcher{root: "/site"}
	cases := map[string]bool{
		"/site/content/om.md": true, "/site/data/areas.toml": true, "/site/templates/assets/style.css": true,
		"/site/content/nyheter/ny": true,
		"/site/README.md":          false, "/site/public/index.html": false, "/site/.git/index": false,
		"/site/content/.om.md.swp": false, "/site/content/om.md~": false, "/site/content/4913": false,
		"/site/content/#om.md#": false, "/site/content/.#om.md": false, "/site/content/om.md.tmp": false,
		"/site/content/.skjult/om.md": false, "/site": false, "/andre/content/om.md": false,
	}
	for name, want := range cases {
		if _, got := w.relevant(name); got != want {
			t.Errorf("relevant(%s) = %v, want %v", name, got, want)
		}
	}
}
