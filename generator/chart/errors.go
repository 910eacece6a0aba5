package chart

import (
	"errors"
	"fmt"
	"strings"
)

// Error is why one spec could not be drawn, in Norwegian, for the staff
// member who has to fix the data behind it.
type Error struct {
	ID string // the spec's ID
	// Index is the spec's place in the slice given to Render (0 from
	// Validate and Option).
	Index int
	// Category is the category (and so the value of each series) the
	// problem lies in, or -1 when it is not about one category: a caller
	// that knows where a category comes from can point there.
	Category int
	Msg      string
}

func (e *Error) Error() string {
	return fmt.Sprintf("figuren %q kunne ikke tegnes: %s", e.ID, e.Msg)
}

// Errors is every spec of one Render call that could not be drawn, in
// spec order.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// specError is an Error for spec s that is not about one category.
func specError(s Spec, format string, args ...any) *Error {
	return &Error{ID: s.ID, Category: -1, Msg: fmt.Sprintf(format, args...)}
}

// asError makes err an *Error for spec s at index i: an *Error keeps its
// text, anything else (a JavaScript exception in ECharts, say) is kept
// as the detail of a general one.
func asError(err error, s Spec, i int) *Error {
	var e *Error
	if !errors.As(err, &e) {
		e = specError(s, "%v", err)
	}
	e.Index = i
	return e
}
