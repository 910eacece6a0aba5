package render

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"alisnord/generator/site"
)

// Template folders below the site root.
const (
	layoutsDir  = "templates/layouts"
	partialsDir = "templates/partials"
	pagesDir    = "templates/pages"
	assetsDir   = "templates/assets"
)

// templates holds one parsed template set per page kind, each made of the
// base layout, every partial and that kind's page file.
type templates struct {
	base   *template.Template // layouts and partials, for rendering a partial alone
	byKind map[string]*template.Template
	paths  map[string]string // template file name -> path, for error positions
}

var funcs = template.FuncMap{
	"num":     FormatInt,
	"dec":     FormatDecimal,
	"pct":     func(v int) string { return FormatPercent(float64(v)) },
	"nok":     FormatNOK,
	"date":    FormatDate,
	"when":    FormatDatePrecision,
	"iso":     func(t time.Time) string { return t.Format("2006-01-02") },
	"known":   orUnknown,
	"list":    joinNorwegian,
	"unknown": func() string { return Unknown },
	"slug":    site.Slugify,
	"inc":     func(i int) int { return i + 1 },
	"lower":   lowerFirst,
	"years": func(ys []int) string {
		out := make([]string, len(ys))
		for i, y := range ys {
			out[i] = strconv.Itoa(y)
		}
		return joinNorwegian(out)
	},
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return many
	},
}

func parseTemplates(root fs.FS) (*templates, error) {
	t := &templates{byKind: map[string]*template.Template{}, paths: map[string]string{}}
	base := template.New("").Funcs(funcs)
	var ds site.Diagnostics
	for _, dir := range []string{layoutsDir, partialsDir} {
		files, err := fs.Glob(root, dir+"/*.html")
		if err != nil || len(files) == 0 {
			ds.Add(site.Pos{Path: dir}, "fant ingen maler (*.html)")
			continue
		}
		for _, f := range files {
			t.paths[path.Base(f)] = f
			if err := parseFile(base, root, f); err != nil {
				ds = append(ds, templateDiag(err, t))
			}
		}
	}
	pages, _ := fs.Glob(root, pagesDir+"/*.html")
	if len(pages) == 0 {
		ds.Add(site.Pos{Path: pagesDir}, "fant ingen sidemaler (*.html)")
	}
	if len(ds) > 0 {
		return nil, ds.Err()
	}
	t.base = template.Must(base.Clone())
	for _, f := range pages {
		t.paths[path.Base(f)] = f
		kind := strings.TrimSuffix(path.Base(f), ".html")
		set := template.Must(base.Clone())
		if err := parseFile(set, root, f); err != nil {
			ds = append(ds, templateDiag(err, t))
			continue
		}
		t.byKind[kind] = set
	}
	return t, ds.Err()
}

func parseFile(set *template.Template, root fs.FS, file string) error {
	src, err := fs.ReadFile(root, file)
	if err != nil {
		return err
	}
	_, err = set.New(path.Base(file)).Parse(string(src))
	return err
}

func (t *templates) execute(w io.Writer, p *Page) error {
	set := t.byKind[p.Kind]
	if set == nil {
		return fmt.Errorf("template: %s.html:0: sidemalen finnes ikke i %s", p.Kind, pagesDir)
	}
	return set.ExecuteTemplate(w, "base", p)
}

var tmplErr = regexp.MustCompile(`template: ([^:\s]+):(\d+)(?::(\d+))?: (.*)`)

// templateDiag turns an html/template error ("template: page.html:12:5: …")
// into a diagnostic at the template file's path and line.
func templateDiag(err error, t *templates) site.Diagnostic {
	var ds site.Diagnostics
	if errors.As(err, &ds) && len(ds) > 0 {
		return ds[0]
	}
	msg := err.Error()
	m := tmplErr.FindStringSubmatch(msg)
	if m == nil {
		return site.Diagnostic{Pos: site.Pos{Path: "templates"}, Msg: "malfeil: " + msg}
	}
	file := t.paths[m[1]]
	if file == "" {
		file = pagesDir + "/" + m[1]
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	return site.Diagnostic{Pos: site.Pos{Path: file, Line: line, Col: col}, Msg: "malfeil: " + m[4]}
}

// partial renders one named partial template with data, for HTML that
// Markdown embeds (chart blocks).
func (t *templates) partial(name string, data any) (string, error) {
	var b strings.Builder
	err := t.base.ExecuteTemplate(&b, name, data)
	return b.String(), err
}
