package render

import (
	"errors"
	"regexp"
	"strconv"

	"alisnord/generator/diag"
)

// tmplErr matches the errors of text/template ("template: NAME:12:5: …")
// and html/template ("html/template:NAME:12:5: …"); NAME is a file's path
// or a template defined in one.
var tmplErr = regexp.MustCompile(`^(?:html/)?template: ?([^:\s]+)(?::(\d+))?(?::(\d+))?: (.*)`)

// templateDiag turns a template error into a diagnostic at the file and
// line that hold the mistake, with the message in Norwegian.
func templateDiag(err error, t *templates) diag.Diagnostic {
	var ds diag.Diagnostics
	if errors.As(err, &ds) && len(ds) > 0 {
		return ds[0]
	}
	msg := err.Error()
	m := tmplErr.FindStringSubmatch(msg)
	if m == nil {
		return diag.Diagnostic{Pos: diag.Pos{Path: "templates"}, Msg: "malfeil: " + norwegianTemplateError(msg)}
	}
	file := m[1]
	if f, ok := t.definedIn[file]; ok {
		file = f
	}
	line, _ := strconv.Atoi(m[2])
	col, err := strconv.Atoi(m[3])
	if err == nil {
		col++ // Go counts columns from 0
	}
	return diag.Diagnostic{Pos: diag.Pos{Path: file, Line: line, Col: col}, Msg: "malfeil: " + norwegianTemplateError(m[4])}
}

// templatePhrases are the parts of Go's template errors a staff member
// meets most, in Norwegian; names and values in them are kept.
var templatePhrases = []struct {
	re *regexp.Regexp
	no string
}{
	{regexp.MustCompile(`^executing "([^"]*)" at <([^>]*)>: `), `i malen "$1" ved <$2>: `},
	{regexp.MustCompile(`can't evaluate field (\S+) in type (\S+)`), `feltet $1 finnes ikke i typen $2`},
	{regexp.MustCompile(`function "([^"]*)" not defined`), `funksjonen "$1" finnes ikke`},
	{regexp.MustCompile(`no such template "([^"]*)"`), `malen "$1" finnes ikke`},
	{regexp.MustCompile(`missing value for (\S+)`), `$1 mangler en verdi`},
	{regexp.MustCompile(`unexpected EOF`), `filen slutter midt i en handling`},
	{regexp.MustCompile(`unclosed action`), `handlingen lukkes ikke med }}`},
	{regexp.MustCompile(`unexpected "([^"]*)" in (\S+)`), `uventet "$1" i $2`},
	{regexp.MustCompile(`unexpected (\{\{[^}]*\}\})`), `uventet $1`},
	{regexp.MustCompile(`wrong number of args for (\S+): want (\d+) got (\d+)`), `feil antall argumenter til $1: skal ha $2, fikk $3`},
	{regexp.MustCompile(`error calling (\S+): `), `feil fra $1: `},
	{regexp.MustCompile(`nil pointer evaluating (\S+)`), `tom peker (nil) i $1`},
	{regexp.MustCompile(`(\{\{\w+\}\}) branches end in different contexts.*`), `grenene i $1 slutter i ulike HTML-sammenhenger (for eksempel den ene inni et attributt, den andre utenfor)`},
	{regexp.MustCompile(`ends in a non-text context.*`), `slutter midt i en HTML-tagg eller et attributt`},
	{regexp.MustCompile(`is an incomplete or empty template`), `er en ufullstendig eller tom mal`},
}

// norwegianTemplateError translates the phrases of msg it knows and keeps
// the rest (Go's own words, names and values) as they are.
func norwegianTemplateError(msg string) string {
	for _, p := range templatePhrases {
		msg = p.re.ReplaceAllString(msg, p.no)
	}
	return msg
}
