package markdown

import (
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// plainWriter is goldmark's HTML writer with a shortcut: text that holds
// nothing the writer would escape (" & < > NUL), unescape (a backslash)
// or resolve (an entity, which starts with &) is written as it is, in one
// piece. The default writer reads such text byte by byte, twice: text is
// most of what an article is. FuzzPlainWriter holds the two to the same
// output.
type plainWriter struct{ gmhtml.Writer }

// writerSpecial marks the bytes that send text the default writer's way.
var writerSpecial = [256]bool{0: true, '"': true, '&': true, '<': true, '>': true, '\\': true}

func plainText(b []byte) bool {
	for _, c := range b {
		if writerSpecial[c] {
			return false
		}
	}
	return true
}

func (w plainWriter) Write(out util.BufWriter, source []byte) {
	if plainText(source) {
		_, _ = out.Write(source)
		return
	}
	w.Writer.Write(out, source)
}

func (w plainWriter) RawWrite(out util.BufWriter, source []byte) {
	if plainText(source) {
		_, _ = out.Write(source)
		return
	}
	w.Writer.RawWrite(out, source)
}
