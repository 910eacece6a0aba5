package render

import (
	"bytes"
	"cmp"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"alisnord/generator/diag"
	"alisnord/generator/norsk"
	"alisnord/generator/render/program"
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
// base layout, every partial and that kind's page file. Every file is
// parsed under its path from the site root (templates/partials/news.html),
// so two files with one base name never mix, and an error names the file
// that holds the mistake.
type templates struct {
	base   *template.Template // layouts and partials, for rendering a partial alone
	byKind map[string]*template.Template
	// definedIn maps a template defined with {{define}} in a layout or
	// partial to its file, for errors that name only the template.
	definedIn map[string]string
	sources   map[string]string // file -> text, to find a link written in it
	shared    []string          // the layout and partial files, in order
	// programs run each kind's "base" faster than html/template does,
	// from html/template's own escaped trees (see package program).
	programs map[string]*program.Program
	// std runs every page with html/template alone, for the tests that
	// compare the two.
	std bool
}

var funcs = template.FuncMap{
	"num":     norsk.Int,
	"dec":     norsk.Decimal,
	"pct":     func(v int) string { return norsk.Percent(float64(v)) },
	"nok":     norsk.NOK,
	"date":    norsk.Date,
	"when":    dateAsKnown,
	"iso":     func(t time.Time) string { return t.Format("2006-01-02") },
	"known":   knownText,
	"list":    joinNorwegian,
	"unknown": func() string { return norsk.Unknown },
	"slug":    site.Slugify,
	"inc":     func(i int) int { return i + 1 },
	"lower":   lowerFirst,
	"wrap":    wrapPoints,
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

// directMethods are the methods the templates call most, which the
// program calls without reflection: some 450,000 calls in a build of
// 10,000 articles, of 600,000 to functions and methods in all. A method
// not listed here works the same, through reflection.
var directMethods = []program.Direct{
	program.Method1("Rel", (*Page).Rel),
	program.Method2("Item", (*Page).Item),
	program.Method2E("Link", (*Page).Link),
	program.Method1("Abs", (*Page).Abs),
	program.Method0("Updated", (*Page).Updated),
	program.Method0("Share", (*Page).Share),
	program.Method0("Language", (*Page).Language),
	program.Method0("Locale", (*Page).Locale),
	program.Method0("Indexed", (*Page).Indexed),
	program.Method0("MainImage", (*Page).MainImage),
	program.Method1("Badges", (*Page).Badges),
	program.Method1("Rel", (*ArticleLink).Rel),
	program.Method0("URL", (*site.Article).URL),
	program.Method0("Updated", (*site.Article).Updated),
	program.Method0("URL", (*site.Tag).URL),
	program.Method0("Feed", (*site.Tag).Feed),
	program.Method1("TagsOf", (*site.Site).TagsOf),
	program.Method0("IsZero", time.Time.IsZero),
	program.Method0("IsZero", (*time.Time).IsZero),
	program.Method0("Year", time.Time.Year),
	program.Method0("Year", (*time.Time).Year),
}

func parseTemplates(root fs.FS) (*templates, error) {
	t := &templates{byKind: map[string]*template.Template{}, definedIn: map[string]string{}, sources: map[string]string{}, programs: map[string]*program.Program{}}
	base := template.New("").Funcs(funcs)
	var ds diag.Diagnostics
	for _, dir := range []string{layoutsDir, partialsDir} {
		files, err := fs.Glob(root, dir+"/*.html")
		if err != nil || len(files) == 0 {
			ds.Add(diag.Pos{Path: dir}, "fant ingen maler (*.html)")
			continue
		}
		for _, f := range files {
			before := definedNames(base)
			t.shared = append(t.shared, f)
			if err := t.parseFile(base, root, f); err != nil {
				ds = append(ds, templateDiag(err, t))
				continue
			}
			for name := range definedNames(base) {
				if !before[name] {
					t.definedIn[name] = f
				}
			}
		}
	}
	pages, _ := fs.Glob(root, pagesDir+"/*.html")
	if len(pages) == 0 {
		ds.Add(diag.Pos{Path: pagesDir}, "fant ingen sidemaler (*.html)")
	}
	if len(ds) > 0 {
		return nil, ds.Err()
	}
	t.base = template.Must(base.Clone())
	for _, f := range pages {
		kind := strings.TrimSuffix(path.Base(f), ".html")
		set := template.Must(base.Clone())
		if err := t.parseFile(set, root, f); err != nil {
			ds = append(ds, templateDiag(err, t))
			continue
		}
		t.byKind[kind] = set
		// html/template escapes a template on its first run, and the
		// program reads the escaped trees: run "base" once here, on a
		// value with no fields, so that escaping is done before any
		// page and the run stops at the first field. An escaping error
		// is reported by the page, which html/template then runs.
		_ = set.ExecuteTemplate(io.Discard, "base", struct{}{})
		for _, name := range t.linkTemplates() {
			if set.Lookup(name) != nil { // likewise the templates pages run by Link
				_ = set.ExecuteTemplate(io.Discard, name, struct{}{})
			}
		}
		t.programs[kind] = program.New(set, funcs, directMethods...)
	}
	return t, ds.Err()
}

// definedNames lists the templates of set.
func definedNames(set *template.Template) map[string]bool {
	out := map[string]bool{}
	for _, t := range set.Templates() {
		out[t.Name()] = true
	}
	return out
}

// parseFile adds file to set as a template named by its path, and keeps
// its text.
func (t *templates) parseFile(set *template.Template, root fs.FS, file string) error {
	src, err := fs.ReadFile(root, file)
	if err != nil {
		return diag.Diagnostics{{Pos: diag.Pos{Path: file}, Msg: "kan ikke lese malen: " + err.Error()}}
	}
	t.sources[file] = string(src)
	_, err = set.New(file).Parse(string(src))
	return err
}

func (t *templates) execute(w *bytes.Buffer, p *Page) error {
	set := t.byKind[string(p.Kind)]
	if set == nil {
		return diag.Diagnostics{{Pos: diag.Pos{Path: pagesDir + "/" + string(p.Kind) + ".html"}, Msg: "sidemalen finnes ikke"}}
	}
	if err := p.chrome.render(set, p); err != nil {
		return err
	}
	p.set, p.prog = set, nil
	if prog := t.programs[string(p.Kind)]; prog != nil && !t.std {
		p.prog = prog
		start := w.Len()
		if prog.Execute(w, "base", p) == nil {
			return nil
		}
		w.Truncate(start) // html/template runs the page again, and says what failed
	}
	return set.ExecuteTemplate(w, "base", p)
}

// linkUse finds the templates a template file has Page.Link run:
// {{$.Link "related-item" .}}.
var linkUse = regexp.MustCompile(`\.Link\s+"([^"]+)"`)

// linkTemplates lists, sorted, the names of the templates that the
// template files have Page.Link run.
func (t *templates) linkTemplates() []string {
	var names []string
	for _, src := range t.sources {
		for _, m := range linkUse.FindAllStringSubmatch(src, -1) {
			names = append(names, m[1])
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// partial renders one named partial template with data, for HTML that
// Markdown embeds (chart blocks).
func (t *templates) partial(name string, data any) (string, error) {
	var b strings.Builder
	err := t.base.ExecuteTemplate(&b, name, data)
	return b.String(), err
}

// fallbacks counts the pages the programs left to html/template, and
// says why one of them was.
func (t *templates) fallbacks() (n int64, why string) {
	for _, p := range t.programs {
		k, last := p.Fallbacks()
		n += k
		why = cmp.Or(why, last)
	}
	return n, why
}
