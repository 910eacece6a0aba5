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
	cols := columnsOf(cell.Parent().Parent(), src)
	_, _ = w.WriteString("<" + tag)
	if header {
		_, _ = w.WriteString(` scope="col"`)
	}
	if cell.Alignment != east.AlignNone {
		_, _ = fmt.Fprintf(w, ` style="text-align:%s"`, cell.Alignment.String())
	}
	if cols.numeric[col] {
		_, _ = w.WriteString(` class="num"`)
	}
	if label := cols.labels[col]; !header && label != "" {
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

// tableColumns is what the cells of one column share: whether the
// column's body holds only numbers (and at least one), and its header's
// text. It is worked out once per table and kept on the table node, so a
// table of a thousand rows costs a thousand rows, not a million.
type tableColumns struct {
	numeric []bool
	labels  []string
}

// columnsAttr is the table node's attribute that holds its tableColumns;
// the table renderer writes no attributes, so it never reaches the page.
const columnsAttr = "alis-columns"

// columnsOf returns the tableColumns of table, working them out the
// first time.
func columnsOf(table ast.Node, src []byte) *tableColumns {
	if v, ok := table.AttributeString(columnsAttr); ok {
		return v.(*tableColumns)
	}
	n := 0
	for row := table.FirstChild(); row != nil; row = row.NextSibling() {
		n = max(n, row.ChildCount())
	}
	c := &tableColumns{numeric: make([]bool, n), labels: make([]string, n)}
	rows := 0
	for row := table.FirstChild(); row != nil; row = row.NextSibling() {
		switch row.Kind() {
		case east.KindTableHeader:
			for i, cell := 0, row.FirstChild(); cell != nil; i, cell = i+1, cell.NextSibling() {
				c.labels[i] = cellText(cell, src)
			}
		case east.KindTableRow:
			c.numericRow(row, rows == 0, src)
			rows++
		}
	}
	table.SetAttributeString(columnsAttr, c)
	return c
}

// numericRow keeps a column numeric while this body row's cell in it
// holds a number; first says the row is the first of the body.
func (c *tableColumns) numericRow(row ast.Node, first bool, src []byte) {
	cell := row.FirstChild()
	for i := range c.numeric {
		if first || c.numeric[i] {
			c.numeric[i] = cell != nil && numberCell.MatchString(cellText(cell, src))
		}
		if cell != nil {
			cell = cell.NextSibling()
		}
	}
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
