package site

import (
	"strconv"
	"strings"

	"alisnord/generator/diag"
)

// keyIndex maps a resolved key path such as "participant[3].position[0].model"
// to where that key, or for a table the header, stands in the file.
// BurntSushi/toml validates syntax and types but does not expose where each
// key is, so this small scanner recovers the positions for error messages
// and the unknown-key check. It runs only on files that already parsed.
type keyIndex struct {
	pos   map[string]diag.Pos
	order []string // keys in file order
}

// at returns the position of path, or of its nearest indexed ancestor.
func (ix keyIndex) at(path string) diag.Pos {
	for {
		if p, ok := ix.pos[path]; ok {
			return p
		}
		cut := strings.LastIndexAny(path, ".[")
		if cut < 0 {
			return ix.pos[""]
		}
		path = path[:cut]
	}
}

type tomlScanner struct {
	ix      keyIndex
	file    string
	table   string         // resolved path of the current table
	arrays  map[string]int // resolved array-table path -> entries seen
	current map[string]int // array-table name path -> index of its latest entry
	cont    valueState
}

// indexTOML scans src and records the position of every table header and
// every key that is not inside an inline table or array value.
func indexTOML(file string, src []byte) keyIndex {
	s := &tomlScanner{
		ix:      keyIndex{pos: map[string]diag.Pos{"": {Path: file, Line: 1}}},
		file:    file,
		arrays:  map[string]int{},
		current: map[string]int{},
	}
	for n, line := range strings.Split(string(src), "\n") {
		s.line(n+1, strings.TrimSuffix(line, "\r"))
	}
	return s.ix
}

func (s *tomlScanner) record(path string, line, col int) {
	if _, seen := s.ix.pos[path]; !seen {
		s.ix.order = append(s.ix.order, path)
	}
	s.ix.pos[path] = diag.Pos{Path: s.file, Line: line, Col: col}
}

func (s *tomlScanner) line(n int, text string) {
	if s.cont.open() {
		s.cont.scan(text)
		return
	}
	trimmed := strings.TrimLeft(text, " \t")
	col := len(text) - len(trimmed) + 1
	switch {
	case trimmed == "" || trimmed[0] == '#':
	case strings.HasPrefix(trimmed, "[["):
		parts, _ := splitKey(trimmed[2:])
		s.table = s.resolve(parts, true)
		s.record(s.table, n, col)
	case trimmed[0] == '[':
		parts, _ := splitKey(trimmed[1:])
		s.table = s.resolve(parts, false)
		s.record(s.table, n, col)
	default:
		parts, rest := splitKey(trimmed)
		if len(parts) == 0 || !strings.HasPrefix(strings.TrimLeft(rest, " \t"), "=") {
			return
		}
		path := joinPath(s.table, strings.Join(parts, "."))
		s.record(path, n, col)
		value := strings.TrimLeft(rest, " \t")[1:]
		s.cont = valueState{}
		s.cont.scan(value)
	}
}

// resolve turns a header's dotted name into a path with the index of the
// latest entry of every array table on the way, and for [[x]] starts a new
// entry.
func (s *tomlScanner) resolve(parts []string, newEntry bool) string {
	path, name := "", ""
	for i, p := range parts {
		path = joinPath(path, p)
		name = joinPath(name, p)
		last := i == len(parts)-1
		if last && newEntry {
			idx := s.arrays[path]
			s.arrays[path] = idx + 1
			s.current[name] = idx
			path += "[" + strconv.Itoa(idx) + "]"
			continue
		}
		if idx, ok := s.current[name]; ok && !last {
			path += "[" + strconv.Itoa(idx) + "]"
		}
	}
	return path
}

func joinPath(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// splitKey reads a dotted key (bare or quoted parts) from the start of text
// and returns the parts and the text after the key.
func splitKey(text string) (parts []string, rest string) {
	for {
		text = strings.TrimLeft(text, " \t")
		if text == "" {
			return parts, text
		}
		var part string
		switch text[0] {
		case '"', '\'':
			end := strings.IndexByte(text[1:], text[0])
			if end < 0 {
				return parts, ""
			}
			quote := text[0]
			part, text = text[1:end+1], text[end+2:]
			if quote == '"' {
				if u, err := strconv.Unquote(`"` + part + `"`); err == nil {
					part = u
				}
			}
		default:
			end := strings.IndexFunc(text, func(r rune) bool {
				return !(r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
			})
			if end < 0 {
				end = len(text)
			}
			if end == 0 {
				return parts, text
			}
			part, text = text[:end], text[end:]
		}
		parts = append(parts, part)
		text = strings.TrimLeft(text, " \t")
		if !strings.HasPrefix(text, ".") {
			return parts, text
		}
		text = text[1:]
	}
}

// valueState follows a value across lines: open brackets and multi-line
// strings keep the scanner out of key positions until they close.
type valueState struct {
	depth int
	multi string // `"""` or `'''` while inside a multi-line string
}

func (v valueState) open() bool { return v.depth > 0 || v.multi != "" }

func (v *valueState) scan(text string) {
	for i := 0; i < len(text); i++ {
		if v.multi != "" {
			if strings.HasPrefix(text[i:], v.multi) {
				i += 2
				v.multi = ""
			} else if v.multi == `"""` && text[i] == '\\' {
				i++
			}
			continue
		}
		switch c := text[i]; c {
		case '#':
			return
		case '[', '{':
			v.depth++
		case ']', '}':
			v.depth--
		case '"', '\'':
			triple := strings.Repeat(string(c), 3)
			if strings.HasPrefix(text[i:], triple) {
				v.multi = triple
				i += 2
				continue
			}
			i = skipString(text, i)
		}
	}
}

// skipString returns the index of the quote closing the string opened at i.
func skipString(text string, i int) int {
	q := text[i]
	for j := i + 1; j < len(text); j++ {
		if q == '"' && text[j] == '\\' {
			j++
			continue
		}
		if text[j] == q {
			return j
		}
	}
	return len(text)
}
