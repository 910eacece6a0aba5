// Package norsk owns how numbers, money, percent and dates are written in
// bokmål: on the site's pages, in its charts, in its downloads and in the
// checks' messages. Every package that writes a figure for a person calls
// it, so a page, its chart and its table cannot disagree.
//
// The rules: numbers of five digits or more are grouped in threes with a
// no-break space (365 845; 2019 and 4000 stay as they are in text, while
// a chart's axis, a column of numbers, groups 4 000 too), the decimal
// mark is a comma, a negative number gets a real minus sign (−3), a unit
// follows after a no-break space (52 %, 15,6 mill. kr), and a value that is
// not a number is written «–». Downloads and the checks' messages write
// numbers as the data has them (Exact): every digit, a decimal comma, no
// grouping, so a spreadsheet reads them and a staff member finds them in
// the data file.
//
// It imports nothing of this module, so every package may use it.
package norsk

// Characters Norwegian typesetting puts in numbers and dates.
const (
	// NoBreakSpace groups digits and ties a number to its unit, or a day
	// to its month, so they never wrap apart.
	NoBreakSpace = "\u00a0"
	// Minus is the minus sign (U+2212), not the hyphen.
	Minus = "\u2212"
	// NotANumber stands for a value that is NaN or infinite.
	NotANumber = "–"
)

// Unknown is what is written where the sources give no value.
const Unknown = "ikke oppgitt"
