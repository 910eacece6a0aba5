package site

import (
	"encoding/binary"
	"fmt"
	"unicode/utf8"

	"alisnord/generator/diag"
)

// checkText reports invalid UTF-8 and control characters other than tab,
// line feed and carriage return (C0, DEL and C1), each at the line and
// column (in characters) of its first occurrence, with how many there are.
// It runs before any parsing and tells whether src is clean; a clean file,
// as nearly every one is, is read once without counting lines.
func checkText(file string, src []byte, ds *diag.Diagnostics) bool {
	return cleanText(src) || placeTextFaults(file, src, ds)
}

// placeTextFaults is checkText's pass that finds the line and column of
// each kind of fault; it tells whether there was none.
func placeTextFaults(file string, src []byte, ds *diag.Diagnostics) bool {
	var utf, ctrl textFault
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			utf.add(diag.Pos{Path: file, Line: line, Col: col}, fmt.Sprintf("ugyldig UTF-8 (byte 0x%02x): lagre filen som UTF-8 i editoren", src[i]))
		case isControl(r):
			ctrl.add(diag.Pos{Path: file, Line: line, Col: col}, fmt.Sprintf("kontrolltegnet %U er ikke tillatt (bare tabulator og linjeskift): slett det", r))
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	utf.report(ds, "ugyldige UTF-8-byte")
	ctrl.report(ds, "kontrolltegn")
	return utf.n == 0 && ctrl.n == 0
}

// cleanText tells, without keeping count of lines and columns, whether
// src is valid UTF-8 without the control characters isControl names: the
// quick answer for the files nearly every build reads, all clean.
func cleanText(src []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for i := 0; i < len(src); {
		if i+8 <= len(src) { // eight bytes at once while they are printable ASCII
			w := binary.LittleEndian.Uint64(src[i:])
			below := (w - 0x20*ones) &^ w & highs // some byte < 0x20, when none is ≥ 0x80
			del := (w ^ 0x7f*ones - ones) &^ (w ^ 0x7f*ones) & highs
			if w&highs == 0 && below == 0 && del == 0 {
				i += 8
				continue
			}
		}
		if c := src[i]; c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if size == 1 || r <= 0x9f { // RuneError of one byte, or C1
			return false
		}
		i += size
	}
	return true
}

// isControl tells whether r is a control character a text file may not
// hold: C0 but tab, LF and CR; DEL; C1.
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r <= 0x9f
}

// textFault is the first occurrence of one kind of fault and their count.
type textFault struct {
	pos diag.Pos
	msg string
	n   int
}

func (f *textFault) add(pos diag.Pos, msg string) {
	if f.n == 0 {
		f.pos, f.msg = pos, msg
	}
	f.n++
}

func (f textFault) report(ds *diag.Diagnostics, what string) {
	switch {
	case f.n == 1:
		ds.Add(f.pos, "%s", f.msg)
	case f.n > 1:
		ds.Add(f.pos, "%s (filen har %d %s i alt)", f.msg, f.n, what)
	}
}
