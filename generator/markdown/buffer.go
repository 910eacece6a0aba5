package markdown

import (
	"bytes"
	"sync"
)

// buffer is goldmark's output: a bytes.Buffer that is its own
// util.BufWriter, so the HTML is written once, not copied through a
// bufio.Writer; buffers are reused from article to article.
type buffer struct{ bytes.Buffer }

// Available reports room without growing, as bufio.Writer does.
func (b *buffer) Available() int { return b.Cap() - b.Len() }

// Buffered is everything written: nothing waits to be flushed.
func (b *buffer) Buffered() int { return b.Len() }

// Flush has nothing to do: the bytes are already in the buffer.
func (b *buffer) Flush() error { return nil }

var buffers = sync.Pool{New: func() any { return new(buffer) }}
