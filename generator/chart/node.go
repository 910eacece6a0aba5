package chart

import (
	"bufio"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

//go:embed nodehost.js
var nodeHostSource string

//go:embed textwidth.js
var textWidthSource string

// glyphsJSON is what textwidth.js measures with: the glyph widths of
// glyphs.go, extra runes in order.
var glyphsJSON = sync.OnceValue(func() []byte {
	extra := make([][3]int, 0, len(advExtra))
	for r, w := range advExtra {
		extra = append(extra, [3]int{int(r), int(w[0]), int(w[1])})
	}
	slices.SortFunc(extra, func(a, b [3]int) int { return a[0] - b[0] })
	b, err := json.Marshal(struct {
		First   int      `json:"first"`
		Regular []uint16 `json:"regular"`
		Bold    []uint16 `json:"bold"`
		Extra   [][3]int `json:"extra"`
	}{advFirst, advRegular[:], advBold[:], extra})
	if err != nil {
		panic(err) // numbers only: cannot fail
	}
	return b
})

// nodeWorker is one Node.js process running the same ECharts bundle and
// harness as a goja worker, with the same host functions (the text
// measure in textwidth.js, the Go number format asked for over the pipe).
// V8 draws a chart about ten times faster than goja; the drawings are the
// same bytes (TestEnginesAgree). Like a goja worker it serves one render
// at a time.
type nodeWorker struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	stdout io.ReadCloser
	out    *bufio.Reader // reads stdout
	stderr *tail
	buf    []byte
}

// startNode starts node with the host script, sends it the bundle and the
// harness and waits until both have run.
func startNode(node string, bundle []byte) (*nodeWorker, error) {
	// No code from strings (the bundle needs none); a young generation of
	// 1 MB instead of V8's 16: 136 drawings of the 10k corpus peaked at
	// 131 MB instead of 175 MB in the process with 4 MB, and at 69-70 MB
	// instead of 79-80 MB with 1 MB (and the heap flag of nodehost.js),
	// with the same CPU time (README, Performance).
	cmd := exec.Command(node, "--disallow-code-generation-from-strings", "--max-semi-space-size=1", "-e", nodeHostSource)
	// The environment without Node.js's own variables: NODE_OPTIONS and
	// the like could load code or change the drawing. The rest stays, for
	// version managers' shims (PATH, HOME and their own) and the time zone,
	// which goja takes from it too.
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NODE_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	if cmd.Env == nil {
		cmd.Env = []string{} // nil would mean all of it
	}
	w := &nodeWorker{cmd: cmd, stderr: &tail{max: 2048}}
	cmd.Stderr = w.stderr
	cmd.WaitDelay = time.Second // a child of the program may hold its stderr
	var err error
	if w.in, err = cmd.StdinPipe(); err != nil {
		return nil, fmt.Errorf("chart: node: %w", err)
	}
	if w.stdout, err = cmd.StdoutPipe(); err != nil {
		return nil, fmt.Errorf("chart: node: %w", err)
	}
	w.out = bufio.NewReaderSize(w.stdout, 64<<10)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("chart: start node: %w", err)
	}
	// A program that never answers is killed, as a runaway render is.
	var timedOut atomic.Bool
	timer := time.AfterFunc(renderTimeout, func() {
		timedOut.Store(true)
		w.abort()
	})
	defer timer.Stop()
	fail := func(err error) (*nodeWorker, error) {
		w.close()
		if timedOut.Load() {
			err = fmt.Errorf("no answer within %v", renderTimeout)
		}
		if s := w.stderr.String(); s != "" {
			err = fmt.Errorf("%w (%s)", err, s)
		}
		return nil, fmt.Errorf("chart: node: %w", err)
	}
	if err := w.send('B', bundle); err != nil {
		return fail(err)
	}
	if err := w.send('H', []byte(harnessSource)); err != nil {
		return fail(err)
	}
	if err := w.send('T', []byte(textWidthSource)); err != nil {
		return fail(err)
	}
	if err := w.send('W', glyphsJSON()); err != nil {
		return fail(err)
	}
	tag, body, err := w.receive()
	if !timer.Stop() {
		return fail(errors.New("timed out")) // killed as the answer came
	}
	switch {
	case err != nil:
		return fail(err)
	case tag == 'E':
		return fail(hostError(body))
	case tag != 'O':
		return fail(fmt.Errorf("unexpected message %q", tag))
	}
	return w, nil
}

// CheckNode starts the node program with the bundle once and ends it: the
// error says why it cannot draw, nil if it can.
func CheckNode(node string, bundle []byte) error {
	w, err := startNode(node, bundle)
	if err != nil {
		return err
	}
	w.close()
	return nil
}

// renderSVG draws one option, answering the host's questions on the way.
// A process that dies, breaks the protocol or runs past renderTimeout is
// killed and must not be reused: ok is false then.
func (w *nodeWorker) renderSVG(option []byte, width, height int) (svg string, ok bool, err error) {
	var timedOut atomic.Bool
	timer := time.AfterFunc(renderTimeout, func() {
		timedOut.Store(true)
		w.abort()
	})
	defer timer.Stop()
	broken := func(err error) (string, bool, error) {
		w.close()
		if timedOut.Load() {
			return "", false, errors.New("echarts: render timeout")
		}
		if s := w.stderr.String(); s != "" {
			err = fmt.Errorf("%w (node: %s)", err, s)
		}
		return "", false, fmt.Errorf("echarts: node: %w", err)
	}
	req := make([]byte, 8, 8+len(option))
	binary.LittleEndian.PutUint32(req, uint32(width))
	binary.LittleEndian.PutUint32(req[4:], uint32(height))
	if err := w.send('R', append(req, option...)); err != nil {
		return broken(err)
	}
	for {
		tag, body, err := w.receive()
		if err != nil {
			return broken(err)
		}
		switch tag {
		case 'S', 'E':
			// A timeout that killed the process as the answer came: the
			// answer stands, the worker does not.
			if ok = timer.Stop(); !ok {
				w.close()
			}
			if tag == 'E' {
				return "", ok, fmt.Errorf("echarts: %w", hostError(body))
			}
			return string(body), ok, nil
		case 'n':
			if len(body) != 8 {
				return broken(errors.New("bad number format request"))
			}
			err = w.send('n', []byte(FormatNumber(math.Float64frombits(binary.LittleEndian.Uint64(body)))))
		default:
			return broken(fmt.Errorf("unexpected message %q", tag))
		}
		if err != nil {
			return broken(err)
		}
	}
}

// close ends the process (killed: it has nothing to finish) and waits for
// it, so that its CPU time is counted with ours.
func (w *nodeWorker) close() {
	w.abort()
	w.cmd.Wait()
}

// abort kills the process and closes both pipes, which ends a write or
// read of ours that waits on them (even while a child of the program
// holds its end open).
func (w *nodeWorker) abort() {
	w.in.Close()
	w.stdout.Close()
	w.cmd.Process.Kill()
}

func (w *nodeWorker) send(tag byte, body []byte) error {
	w.buf = append(w.buf[:0], tag, 0, 0, 0, 0)
	binary.LittleEndian.PutUint32(w.buf[1:], uint32(len(body)))
	w.buf = append(w.buf, body...)
	_, err := w.in.Write(w.buf)
	return err
}

// maxMessage bounds what the host may send in one message (an SVG).
const maxMessage = 256 << 20

func (w *nodeWorker) receive() (byte, []byte, error) {
	var head [5]byte
	if _, err := io.ReadFull(w.out, head[:]); err != nil {
		return 0, nil, err
	}
	n := binary.LittleEndian.Uint32(head[1:])
	if n > maxMessage {
		return 0, nil, fmt.Errorf("message of %d bytes", n)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(w.out, body); err != nil {
		return 0, nil, err
	}
	return head[0], body, nil
}

// hostError is the error the host reported, with its recent console lines,
// worded as the goja worker words its errors.
func hostError(body []byte) error {
	var e struct {
		Error   string   `json:"error"`
		Console []string `json:"console"`
	}
	if json.Unmarshal(body, &e) != nil {
		return fmt.Errorf("%s", body)
	}
	err := errors.New(e.Error)
	if len(e.Console) > 0 {
		err = fmt.Errorf("%w (console: %s)", err, strings.Join(e.Console, "; "))
	}
	return err
}

// tail keeps the last max bytes written to it (a process's stderr).
type tail struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = append(t.b[:0], t.b[len(t.b)-t.max:]...)
	}
	return len(p), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return strings.TrimSpace(string(t.b))
}
