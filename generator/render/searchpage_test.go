package render

import (
	"strings"
	"testing"

	"alisnord/generator/site"
)

// TestSearchPage: on the web the search page loads its script and every
// page has the header search form; in the offline bundle the search page
// loads nothing and says plainly that search needs the web, offering the
// archive. Only content pages are marked for the index.
func TestSearchPage(t *testing.T) {
	m := smallFS(t)
	s, err := site.Load(m, site.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		form       LinkForm
		want, not  []string
		headerForm string
	}{
		{LinkFolders, []string{`<script src="../assets/sok.js" defer></script>`, `data-search`, `id="sok-status"`, `role="status"`, `href="../nyheter/2019/"`}, []string{"bare på nettstedet på nett"}, `action="../sok/"`},
		{LinkFiles, []string{"Søket virker bare på nettstedet på nett", `href="../nyheter/2019/index.html"`}, []string{"<script", "data-search"}, `action="../sok/index.html"`},
	}
	for _, tc := range tests {
		files, err := Site(s, Options{Root: m, Links: tc.form})
		if err != nil {
			t.Fatal(err)
		}
		page := fileText(files, "sok/index.html")
		for _, w := range tc.want {
			if !strings.Contains(page, w) {
				t.Errorf("form %d: search page lacks %s", tc.form, w)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(page, n) {
				t.Errorf("form %d: search page has %s", tc.form, n)
			}
		}
		for path, indexed := range map[string]bool{"nyheter/forste/index.html": true, "om/index.html": true, "omrader/nord/index.html": true, "nyheter/index.html": false, "sok/index.html": false, "index.html": false} {
			text := fileText(files, path)
			if got := strings.Contains(text, "data-pagefind-body"); got != indexed {
				t.Errorf("%s: indexed %v, want %v", path, got, indexed)
			}
			if !strings.Contains(text, `role="search"`) {
				t.Errorf("%s has no search form", path)
			}
		}
		if !strings.Contains(fileText(files, "om/index.html"), tc.headerForm) {
			t.Errorf("form %d: header form does not lead to %s", tc.form, tc.headerForm)
		}
	}
}
