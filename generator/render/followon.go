package render

import (
	"path"
	"strings"

	"alisnord/generator/site"
)

// followOn decides which problems the render passes over because they
// follow from an input the loader could not read (site.Site.Broken) or
// found problems in (Options.Suspect): the
// loader reports that file's own problem, and a staff member fixing it
// should not also be sent after errors that vanish with the fix. What the
// data files define — figure keys, chart names and the pages made from
// the data — cannot be known while one of them is broken; the pages of
// broken articles are missing for the same reason.
type followOn struct {
	data     bool            // a data file is broken
	names    bool            // a data file that defines figure keys or chart names is broken
	links    bool            // the site's settings are broken: no address can be trusted
	articles map[string]bool // output paths of the broken articles' pages
}

// nameFiles are the data files figure keys and chart names come from.
var nameFiles = map[string]bool{site.AreasFile: true, site.ParticipantsFile: true, site.ProjectFile: true, site.SourcesFile: true}

func newFollowOn(s *site.Site, suspect map[string]bool) followOn {
	f := followOn{articles: map[string]bool{}, links: s.Settings.BaseURL == ""}
	for file := range joinSets(s.Broken, suspect) {
		switch {
		case file == site.SiteFile:
			f.links = true // every address depends on base_url
		case strings.HasPrefix(file, "data/"):
			f.data, f.names = true, f.names || nameFiles[file]
		case strings.HasPrefix(file, "content/"):
			f.articles[site.ArticleSlug(file)+"/index.html"] = true
		}
	}
	return f
}

// dataSections are the first segments of the pages built from data/.
var dataSections = map[string]bool{
	"omrader": true, "deltakere": true, "statistikk": true,
	"prosjektet": true, "hendelser": true, "konferanse": true,
}

// unknownName tells whether an unknown figure key or chart name may be a
// follow-on: the data file that would define it is broken.
func (f followOn) unknownName() bool { return f.names }

// missingPage tells whether a link to the output path target, which the
// build does not have, may be a follow-on of a broken input.
func (f followOn) missingPage(target string) bool {
	if f.links || f.articles[target] {
		return true
	}
	first, _, _ := strings.Cut(path.Clean(target), "/")
	return f.data && dataSections[first]
}

func joinSets(a, b map[string]bool) map[string]bool {
	out := make(map[string]bool, len(a)+len(b))
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}
