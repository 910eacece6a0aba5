package quality

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
)

// TestShippedSiteSearch is issue 16's test: on the built site served over
// http, searching «Bodø» and «kommune» returns results whose links all
// answer, and «kommune» also finds a page that says only «kommunene».
// Pagefind also matches a word as a prefix and forgives typos («stillingxyz»
// finds «stilling»), so a query cannot show the stemming itself: the index
// must be Norwegian (nb, whose index carries the Norwegian Snowball
// stemmer). The results are announced in a live region, the page with
// results passes axe, and no other host is asked.
func TestShippedSiteSearch(t *testing.T) {
	dir := shippedSite(t)
	srv, b := servedBrowser(t, dir)
	plural, err := pagesSaying(os.DirFS(dir), "kommunene", "kommune")
	if err != nil {
		t.Fatal(err)
	}
	if len(plural) == 0 {
		t.Fatal("no indexed page says «kommunene» without «kommune»: the stemming check needs one")
	}
	start := time.Now()
	var problems []Problem
	found := map[string][]string{}
	problems = append(problems, indexLanguage(t, dir)...)
	for _, q := range []string{"Bodø", "kommune"} {
		name := "sok/?q=" + q
		res, ps, err := b.Search(context.Background(), name, srv.URL+"/sok/?q="+url.QueryEscape(q))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		problems = append(problems, ps...)
		if res.State != "done" || len(res.URLs) == 0 {
			problems = append(problems, Problem{name, "search", fmt.Sprintf("no results (%s: %q)", res.State, res.Status)})
		}
		if !res.Live {
			problems = append(problems, Problem{name, "search", "the results are not announced: the status is no live region"})
		}
		problems = append(problems, NewLinkChecker(srv.URL).Check(name, "", res.URLs)...)
		for w, png := range res.Shots {
			shot := map[string][]byte{fmt.Sprintf("sok-%s-%d", slug.ReplaceAllString(q, "-"), w): png}
			saveShots(t, shot)
		}
		for _, u := range res.URLs {
			found[q] = append(found[q], strings.TrimPrefix(u, srv.URL))
		}
	}
	problems = append(problems, areaFilter(t, b, srv.URL, dir, len(found["kommune"]))...)
	var hits []string
	for _, p := range plural {
		if slices.Contains(found["kommune"], p) {
			hits = append(hits, p)
		}
	}
	if len(hits) == 0 {
		problems = append(problems, Problem{"sok/?q=kommune", "search", fmt.Sprintf("finds none of the pages that say only «kommunene»: %v", plural)})
	}
	summary("search", fmt.Sprintf("index in nb (Norwegian stemming); «Bodø» %d and «kommune» %d results, every link fetched, the area filter narrows; «kommune» finds %d of the %d pages that say only «kommunene»",
		len(found["Bodø"]), len(found["kommune"]), len(hits), len(plural)), len(problems), time.Since(start))
	listProblems(t, problems)
}

var (
	mainContent = regexp.MustCompile(`(?s)<main[^>]*data-pagefind-body[^>]*>(.*)</main>`)
	markup      = regexp.MustCompile(`(?s)<[^>]*>`)
)

// mainWords returns the words of the main content of page p if the
// search indexes it (data-pagefind-body), in lower case.
func mainWords(site fs.FS, p string) ([]string, error) {
	b, err := fs.ReadFile(site, p)
	if err != nil {
		return nil, err
	}
	m := mainContent.FindSubmatch(b)
	if m == nil {
		return nil, nil
	}
	return strings.FieldsFunc(strings.ToLower(markup.ReplaceAllString(string(m[1]), " ")), func(r rune) bool { return !unicode.IsLetter(r) }), nil
}

// areaFilter searches «kommune» in the area Helgeland (as the address
// sok/?q=kommune&omrade=Helgeland asks): fewer results than all, each a
// page about Helgeland.
func areaFilter(t *testing.T, b *Browser, origin, dir string, all int) []Problem {
	t.Helper()
	name := "sok/?q=kommune&omrade=Helgeland"
	res, ps, err := b.Search(context.Background(), name, origin+"/"+name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(res.URLs) == 0 || len(res.URLs) >= all {
		ps = append(ps, Problem{name, "search", fmt.Sprintf("the area filter gives %d of %d results", len(res.URLs), all)})
	}
	for _, u := range res.URLs {
		page := strings.TrimPrefix(strings.TrimPrefix(u, origin), "/") + "index.html"
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(page)))
		if err != nil || !strings.Contains(string(b), `område:Helgeland"`) && !strings.Contains(string(b), `data-pagefind-filter="område">Helgeland<`) {
			ps = append(ps, Problem{name, "search", fmt.Sprintf("%s is not a page about Helgeland (%v)", u, err)})
		}
	}
	return ps
}

// indexLanguage checks that Pagefind indexed the site as Norwegian
// bokmål, the language it stems as Norwegian, and nothing else.
func indexLanguage(t *testing.T, dir string) []Problem {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "pagefind", "pagefind-entry.json"))
	if err != nil {
		return []Problem{{"pagefind/", "search", "no search index: " + err.Error()}}
	}
	var entry struct {
		Languages map[string]struct{ Wasm string } `json:"languages"`
	}
	if err := json.Unmarshal(b, &entry); err != nil {
		t.Fatal(err)
	}
	if len(entry.Languages) != 1 || entry.Languages["nb"].Wasm != "nb" {
		return []Problem{{"pagefind/pagefind-entry.json", "search", fmt.Sprintf("the index is not Norwegian (nb) alone, so «kommune» would not stem as Norwegian: %s", b)}}
	}
	return nil
}

// pagesSaying lists the address ("/om/") of each page the search indexes
// (data-pagefind-body) whose main content has the word want and not the
// word not, case aside.
func pagesSaying(site fs.FS, want, not string) ([]string, error) {
	pages, err := Pages(site)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range pages {
		words, err := mainWords(site, p)
		if err != nil {
			return nil, err
		}
		if slices.Contains(words, want) && !slices.Contains(words, not) {
			out = append(out, "/"+strings.TrimSuffix(p, path.Base(p)))
		}
	}
	return out, nil
}
