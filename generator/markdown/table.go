package markdown

import (
	"fmt"
	"html/template"
	"regexp"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// numberCell is what a table cell holding only a number looks like in
// Norwegian text: «61 142», «19,5», «52 %», «-3».
var numberCell = regexp.MustCompile(`^[-−+]?\d[\d\x{00A0}\x{202F} ]*(,\d+)?\s*%?$`)

// renderTableCell writes a Markdown table's cell for the site's tables: a
// header cell is a column header (scope="col"); GFM alignment is honoured;
// a column whose body holds only numbers is right-aligned with tabular
// figures (class "num"); and each body cell carries its column's header as
// data-label, so that on a phone the row can stack into label/value pairs.
func renderTableCell(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	cell := node.(*east.TableCell)
	header := cell.Parent().Kind() == east.KindTableHeader
	tag := "td"
	if header {
		tag = "th"
	}
	if !entering {
		_, _ = fmt.Fprintf(w, "</%s>\n", tag)
		return ast.WalkContinue, nil
	}
	col := columnOf(cell)
	table := cell.Parent().Parent()
	_, _ = w.WriteString("<" + tag)
	if header {
		_, _ = w.WriteString(` scope="col"`)
	}
	if cell.Alignment != east.AlignNone {
		_, _ = fmt.Fprintf(w, ` style="text-align:%s"`, cell.Alignment.String())
	}
	if numericColumn(table, col, src) {
		_, _ = w.WriteString(` class="num"`)
	}
	if label := cellText(headerCell(table, col), src); !header && label != "" {
		_, _ = fmt.Fprintf(w, ` data-label="%s"`, template.HTMLEscapeString(label))
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// columnOf is the 0-based column of a cell in its row.
func columnOf(cell ast.Node) int {
	i := 0
	for c := cell.PreviousSibling(); c != nil; c = c.PreviousSibling() {
		i++
	}
	return i
}

// cellAt returns the col-th cell of a row, or nil.
func cellAt(row ast.Node, col int) ast.Node {
	c := row.FirstChild()
	for ; c != nil && col > 0; col-- {
		c = c.NextSibling()
	}
	return c
}

// headerCell is the header cell of column col, or nil.
func headerCell(table ast.Node, col int) ast.Node {
	if h := table.FirstChild(); h != nil && h.Kind() == east.KindTableHeader {
		return cellAt(h, col)
	}
	return nil
}

// numericColumn reports whether every body cell of column col holds a
// number (and there is at least one).
func numericColumn(table ast.Node, col int, src []byte) bool {
	n := 0
	for row := table.FirstChild(); row != nil; row = row.NextSibling() {
		if row.Kind() != east.KindTableRow {
			continue
		}
		if !numberCell.MatchString(cellText(cellAt(row, col), src)) {
			return false
		}
		n++
	}
	return n > 0
}

// cellText is the plain text of a cell's inline content.
func cellText(n ast.Node, src []byte) string {
	if n == nil {
		return ""
	}
	var b []byte
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b = append(b, t.Segment.Value(src)...)
			if t.SoftLineBreak() {
				b = append(b, ' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return string(b)
}
