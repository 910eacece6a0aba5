package site

import (
	"strings"

	"alisnord/generator/diag"
)

// checkImage takes the main image from the front matter: a file beside
// the article (its path relative to the Markdown file) with alt text, for
// the top of the article, the news lists and sharing. Whether the file
// exists and can be read is checked where it is processed.
func checkImage(a *Article, fm frontMatter, ix keyIndex, ds *diag.Diagnostics) {
	a.Image, a.ImageAlt = strings.TrimSpace(fm.Image), strings.TrimSpace(fm.ImageAlt)
	if _, has := ix.pos["image"]; !has {
		if a.ImageAlt != "" {
			ds.Add(ix.at("image_alt"), "image_alt er satt, men image mangler")
		}
		return
	}
	a.ImagePos = ix.at("image")
	if a.Image == "" {
		ds.Add(a.ImagePos, "image er tom; skriv filnavnet til bildet, for eksempel image = \"bilde.jpg\"")
	}
	if a.ImageAlt == "" {
		ds.Add(a.ImagePos, "hovedbildet mangler alternativ tekst: skriv image_alt = \"…\" som sier hva bildet viser")
	}
}

// Warnings lists what a build allows but an editor should fix: today,
// published articles without summary, whose description (search results,
// shared links) is then taken from the first paragraph.
func (s *Site) Warnings() diag.Diagnostics {
	var ds diag.Diagnostics
	for _, list := range [][]*Article{s.Articles, s.Pages} {
		for _, a := range list {
			if strings.TrimSpace(a.Summary) == "" {
				ds.Add(diag.Pos{Path: a.Path, Line: 1}, "advarsel: summary mangler; beskrivelsen ved deling og i søk hentes fra første avsnitt")
			}
		}
	}
	ds.Sort()
	return ds
}
