package render

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"alisnord/generator/site"
)

// news makes synthetic test articles, newest first as the model has them.
func news(specs ...string) []*site.Article {
	var out []*site.Article
	for _, s := range specs {
		date, tags, _ := strings.Cut(s, " ")
		d, err := time.Parse("2006-01-02", date)
		if err != nil {
			panic(err)
		}
		a := &site.Article{Meta: site.Meta{Title: date, Slug: "nyheter/" + date, News: true, Date: d}}
		if tags != "" {
			a.Tags = strings.Split(tags, ",")
		}
		out = append(out, a)
	}
	return out
}

// TestArchiveYears groups news by year, then month, newest first.
func TestArchiveYears(t *testing.T) {
	got := archiveYears(news("2020-03-01", "2019-11-20", "2019-11-02", "2019-02-03", "2018-11-01"))
	var b strings.Builder
	for _, y := range got {
		fmt.Fprintf(&b, "%s(%d):", y.URL, y.Count)
		for _, m := range y.Months {
			fmt.Fprintf(&b, " %s=%d", m.ID, len(m.Articles))
		}
		b.WriteString("; ")
	}
	want := "nyheter/2020/(1): mars=1; nyheter/2019/(3): november=2 februar=1; nyheter/2018/(1): november=1; "
	if b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}
}

// TestRelated lists the news that shares most tags first, then the
// newest, never the article itself, at most relatedSize.
func TestRelated(t *testing.T) {
	all := news("2020-05-01 a", "2020-04-01 a,b", "2020-03-01 c", "2020-02-01 a,b,c", "2020-01-01 b", "2019-12-01 a")
	var got []string
	for _, a := range related(all, all[3]) {
		got = append(got, a.Title)
	}
	if want := "2020-04-01 2020-05-01 2020-03-01"; strings.Join(got, " ") != want {
		t.Errorf("related %v, want %s", got, want)
	}
}
