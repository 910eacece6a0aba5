// Package diag is how every stage reports a problem in the input: a
// position in a file of the site (Pos), a Norwegian message for the staff
// member who must fix it (Diagnostic), and the list of all of them
// (Diagnostics), which is the error a build returns, so one run reports
// every problem of every stage, sorted by place. Like go/token for Go's
// own tools, it imports nothing of ours.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a place in an input file: a slash-separated path relative to the
// site root, a 1-based line and a 1-based column (0 when unknown).
type Pos struct {
	Path string
	Line int
	Col  int
}

// String formats the position as path:line:col, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.Path
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.Path, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.Path, p.Line, p.Col)
}

// Diagnostic is one problem in the input, written for the staff member who
// has to fix it.
type Diagnostic struct {
	Pos
	Msg string
}

// String formats the diagnostic as path:line:col: message.
func (d Diagnostic) String() string { return d.Pos.String() + ": " + d.Msg }

// Diagnostics is every problem a build found. It is an error, so a build
// can return all problems at once; Sort orders them by file, line and column.
type Diagnostics []Diagnostic

// Error lists every diagnostic on its own line.
func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// Add appends a diagnostic at pos with a formatted message.
func (ds *Diagnostics) Add(pos Pos, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders the diagnostics by path, line, column and message, and drops
// exact duplicates.
func (ds *Diagnostics) Sort() {
	s := *ds
	sort.Slice(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Msg < b.Msg
	})
	out := s[:0]
	for i, d := range s {
		if i == 0 || d != s[i-1] {
			out = append(out, d)
		}
	}
	*ds = out
}

// Err returns the sorted diagnostics as an error, or nil when there are none.
func (ds Diagnostics) Err() error {
	if len(ds) == 0 {
		return nil
	}
	ds.Sort()
	return ds
}
