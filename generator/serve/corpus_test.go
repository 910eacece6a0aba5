package serve

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// repoRoot is the repository, two folders up from this package.
const repoRoot = "../.."

// copySite copies the repository's data/ and templates/ into dir, and
// content/ too when withContent is set.
func copySite(t testing.TB, dir string, withContent bool) {
	t.Helper()
	dirs := []string{"data", "templates"}
	if withContent {
		dirs = append(dirs, "content")
	}
	for _, d := range dirs {
		err := filepath.WalkDir(filepath.Join(repoRoot, d), func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(repoRoot, p)
			if e.IsDir() {
				return os.MkdirAll(filepath.Join(dir, rel), 0o755)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

var corpusTags = []string{"rekruttering", "fastlønn", "næring", "styringsgruppe", "konferanse",
	"finansiering", "Finnmark", "Troms", "Nordland", "veiledning", "spesialisering", "kommuner"}

// writeCorpus writes n synthetic news articles into dir/content/nyheter,
// from a fixed seed so every run sees the same corpus. The text is made up
// and says so: it is test data, never site content.
func writeCorpus(t testing.TB, dir string, n int) {
	t.Helper()
	news := filepath.Join(dir, "content", "nyheter")
	if err := os.MkdirAll(news, 0o755); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 2026))
	start := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		date := start.AddDate(0, 0, rng.IntN(5000))
		if err := os.WriteFile(filepath.Join(news, fmt.Sprintf("syntetisk-%05d.md", i)), corpusArticle(rng, i, date), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func corpusArticle(rng *rand.Rand, i int, date time.Time) []byte {
	var b strings.Builder
	t1, t2 := corpusTags[rng.IntN(len(corpusTags))], corpusTags[rng.IntN(len(corpusTags))]
	fmt.Fprintf(&b, "+++\ntitle = \"Syntetisk testsak %d\"\ndate = %s\n", i, date.Format("2006-01-02"))
	fmt.Fprintf(&b, "summary = \"Syntetiske testdata for ytelsesmåling, sak %d.\"\nauthor = \"Testforfatter\"\n", i)
	fmt.Fprintf(&b, "tags = [%q, %q]\n+++\n\n", t1, t2)
	for p := range 4 + rng.IntN(4) {
		if p == 2 {
			fmt.Fprintf(&b, "## Mellomtittel %d\n\n", p)
		}
		fmt.Fprintf(&b, "Dette er syntetisk tekst nummer %d i sak %d, skrevet for å måle byggetiden. ", p, i)
		b.WriteString("Teksten har *uthevet* ord, en [lenke til statistikken](/statistikk/) og ")
		b.WriteString("et tall fra dataene: {{< tall soknader >}} søknader. Den sier ingenting om virkeligheten.\n\n")
	}
	b.WriteString("- punkt én\n- punkt to\n- punkt tre\n")
	return []byte(b.String())
}
