package site

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"alisnord/generator/diag"

	"github.com/BurntSushi/toml"
)

// decodeTOML decodes src (the TOML text of file, starting at line 1+offset)
// into v. Syntax errors, wrong types and unknown keys become diagnostics;
// ok is false when v could not be filled at all.
func decodeTOML(file string, src []byte, offset int, v any, ds *diag.Diagnostics) (keyIndex, bool) {
	var prims map[string]toml.Primitive
	md, err := toml.Decode(string(src), &prims)
	if err != nil {
		ds.Add(tomlErrPos(file, offset, err), "%s", tomlErrMsg(err))
		return keyIndex{}, false
	}
	keys := make([]string, 0, len(prims))
	for k := range prims {
		keys = append(keys, k)
	}
	sort.Strings(keys) // the first problem found does not depend on map order
	generic := make(map[string]any, len(prims))
	for _, k := range keys {
		var x any
		if err := md.PrimitiveDecode(prims[k], &x); err != nil {
			ds.Add(tomlErrPos(file, offset, err), "%s", tomlErrMsg(err))
			return keyIndex{}, false
		}
		generic[k] = x
	}
	ix := indexTOML(file, src)
	if offset != 0 { // front matter: lines count from the file's top, and the opening +++ is its root
		for k, p := range ix.pos {
			p.Line += offset
			ix.pos[k] = p
		}
		ix.pos[""] = diag.Pos{Path: file, Line: offset, Col: 1}
	}
	before := len(*ds)
	checkTypes(ix, "", generic, reflect.TypeOf(v), ds)
	if len(*ds) > before {
		return ix, false
	}
	checkYears(ix, "", generic, ds)
	if err := decodeFields(md, prims, keys, v); err != nil {
		ds.Add(tomlErrPos(file, offset, err), "%s", tomlErrMsg(err))
		return ix, false
	}
	for _, key := range ix.order {
		if bad, known := unknownKey(reflect.TypeOf(v), key); bad != "" {
			msg := fmt.Sprintf("ukjent felt %q", bad)
			if s := closest(bad, known); s != "" {
				msg += fmt.Sprintf(" (mente du %q?)", s)
			} else {
				msg += ": rett navnet, eller fjern linjen (kjente felt her: " + strings.Join(known, ", ") + ")"
			}
			ds.Add(ix.pos[key], "%s", msg)
		}
	}
	return ix, true
}

// decodeFields decodes each top-level value of a parsed file into the
// field of struct *v that its key names by toml tag, in the order of keys
// (sorted), so that the text is parsed once for both the type checks and
// v. A key no field names is left for the unknown-key check.
func decodeFields(md toml.MetaData, prims map[string]toml.Primitive, keys []string, v any) error {
	rv := reflect.ValueOf(v).Elem()
	for _, k := range keys {
		f, ok := fieldByTag(rv.Type(), k)
		if !ok {
			continue
		}
		if err := md.PrimitiveDecode(prims[k], rv.FieldByIndex(f.Index).Addr().Interface()); err != nil {
			return err
		}
	}
	return nil
}

// unknownKey walks key (such as "participant[2].position[0].modell") through
// the struct type t by its toml tags. It returns the first piece that names
// no field, with the field names that piece's table does know.
func unknownKey(t reflect.Type, key string) (bad string, known []string) {
	for _, piece := range strings.Split(key, ".") {
		if i := strings.IndexByte(piece, '['); i >= 0 {
			piece = piece[:i]
		}
		t = deref(t)
		if t.Kind() != reflect.Struct {
			return "", nil // inside a map or a value: nothing more to check
		}
		f, ok := fieldByTag(t, piece)
		if !ok {
			return piece, tagsOf(t)
		}
		t = f.Type
	}
	return "", nil
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	return t
}

func fieldByTag(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if tag := f.Tag.Get("toml"); tag != "" && tag != "-" && strings.Split(tag, ",")[0] == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func tagsOf(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		if tag := t.Field(i).Tag.Get("toml"); tag != "" && tag != "-" {
			out = append(out, strings.Split(tag, ",")[0])
		}
	}
	sort.Strings(out)
	return out
}

// closest returns the known name nearest to bad by edit distance, when it is
// close enough to be a likely typo.
func closest(bad string, known []string) string {
	best, bestD := "", len(bad)/2+2
	for _, k := range known {
		if d := editDistance(bad, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// require adds a diagnostic for each of keys missing from the table at
// path, and for each that entry (a pointer to the decoded struct) holds as
// blank text or an empty list.
func require(ds *diag.Diagnostics, ix keyIndex, path string, entry any, keys ...string) {
	v := reflect.ValueOf(entry).Elem()
	for _, k := range keys {
		p, ok := ix.pos[joinPath(path, k)]
		if !ok {
			ds.Add(ix.at(path), "mangler påkrevd felt %q", k)
			continue
		}
		f, _ := fieldByTag(v.Type(), k)
		switch fv := v.FieldByIndex(f.Index); fv.Kind() {
		case reflect.String:
			if strings.TrimSpace(fv.String()) == "" {
				ds.Add(p, "%s er tom: skriv inn en verdi (feltet er påkrevd)", k)
			}
		case reflect.Slice:
			if fv.Len() == 0 {
				ds.Add(p, "%s er en tom liste: skriv inn minst én verdi (feltet er påkrevd)", k)
			}
		}
	}
}

func typeOf[T any]() reflect.Type { return reflect.TypeOf((*T)(nil)).Elem() }
