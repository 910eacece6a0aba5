package render

import (
	"bytes"
	"fmt"
	"strings"

	"alisnord/generator/diag"
)

// linkSource places a broken link that page p's template wrote: at the
// line of the template file that holds it literally (the page's own
// template first, then the layouts and partials); else, for a link the
// template computes, at the page's template when its "main" writes the
// link, or at the layout. The message names the link, never the page, so
// every page that shows the mistake reports the same diagnostic.
func (t *templates) linkSource(p *Page, raw []byte, target string) diag.Diagnostic {
	quoted := `="` + string(raw) + `"` // an attribute's value, not an argument such as {{.Rel "x/"}}
	for _, file := range t.searchOrder(string(p.Kind)) {
		if i := strings.Index(t.sources[file], quoted); i >= 0 {
			pos := textPos(file, t.sources[file], i+2)
			return diag.Diagnostic{Pos: pos, Msg: fmt.Sprintf("lenken %q peker ikke til noen side i nettstedet", htmlUnescape(raw))}
		}
	}
	file := t.definedIn["base"]
	var main bytes.Buffer
	if set := t.byKind[string(p.Kind)]; set != nil && set.ExecuteTemplate(&main, "main", p) == nil && containsLink(main.Bytes(), raw) {
		file = pagesDir + "/" + string(p.Kind) + ".html"
	}
	return diag.Diagnostic{Pos: diag.Pos{Path: file},
		Msg: fmt.Sprintf("malen lager en lenke til /%s, som ikke finnes i nettstedet", strings.TrimSuffix(target, "index.html"))}
}

// searchOrder lists the template files a page of kind is made from: its
// own first.
func (t *templates) searchOrder(kind string) []string {
	return append([]string{pagesDir + "/" + kind + ".html"}, t.shared...)
}

// containsLink tells whether html has a link or asset reference raw.
func containsLink(html, raw []byte) bool {
	found := false
	attrLinks(html, func(v []byte) { found = found || bytes.Equal(v, raw) })
	return found
}

// textPos is the position of byte offset i of the text of file.
func textPos(file, text string, i int) diag.Pos {
	line := strings.Count(text[:i], "\n")
	return diag.Pos{Path: file, Line: line + 1, Col: i - strings.LastIndexByte(text[:i], '\n')}
}
