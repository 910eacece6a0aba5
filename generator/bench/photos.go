package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"text/tabwriter"
	"time"

	"alisnord/generator/bench/corpus"
	"alisnord/generator/photo/phototest"
)

// photoResult is the cold and warm build of the photo corpus.
type photoResult struct {
	n          int
	cold, warm sample
	files      int
}

// benchPhotos builds a corpus of n articles, each with its own synthetic
// 4000×3000 phone photo beside it (Orientation 6, GPS), twice: cold, with
// .cache/photos emptied first, and warm, from the cache the cold build
// filled. Charts come from their cache in both, so the difference is the
// photos.
func benchPhotos(bin, echarts, repo, work string, n int, stderr io.Writer) (photoResult, error) {
	root := filepath.Join(work, "bilder")
	fmt.Fprintf(stderr, "bilder: skriver %d saker med hvert sitt syntetiske 4000×3000-bilde til %s\n", n, root)
	if err := writePhotoSite(root, repo, n); err != nil {
		return photoResult{}, err
	}
	build := func(out string) *exec.Cmd {
		return exec.Command(bin, "build", "-root", root, "-out", filepath.Join(work, out), "-echarts", echarts)
	}
	if err := os.RemoveAll(filepath.Join(root, ".cache", "photos")); err != nil {
		return photoResult{}, err
	}
	res := photoResult{n: n}
	var err error
	fmt.Fprintln(stderr, "bilder: kaldt bygg")
	settle()
	if res.cold, err = timed(build("public-kald")); err != nil {
		return res, fmt.Errorf("bilder, kaldt: %w", err)
	}
	fmt.Fprintln(stderr, "bilder: varmt bygg")
	settle()
	if res.warm, err = timed(build("public-varm")); err != nil {
		return res, fmt.Errorf("bilder, varmt: %w", err)
	}
	r := result{}
	if err := r.count(filepath.Join(work, "public-varm")); err != nil {
		return res, err
	}
	res.files = r.files
	return res, nil
}

// writePhotoSite writes the small-data corpus of at least n articles, the
// first n each with a photo ![…](bilde-NNNNN.jpg) after its first paragraph. The photos share
// their pixels but not their bytes (a comment segment numbers them), so
// each is processed on its own, as n different photos would be.
func writePhotoSite(root, repo string, n int) error {
	if err := os.RemoveAll(root); err != nil {
		return err
	}
	// At least 50 articles, so every tag the corpus links to has one.
	site, err := corpus.FS(corpus.ArticlesOnly(max(n, 50)), os.DirFS(repo))
	if err != nil {
		return err
	}
	if err := os.CopyFS(root, site); err != nil {
		return err
	}
	photo := phototest.PhoneJPEG(4000, 3000, 6)
	for i := range n {
		name := fmt.Sprintf("bilde-%05d.jpg", i+1)
		md := filepath.Join(root, filepath.FromSlash(corpus.ArticleFile(i)))
		src, err := os.ReadFile(md)
		if err != nil {
			return err
		}
		img := fmt.Sprintf("\n![Syntetisk testbilde %d](%s \"Syntetisk bilde. Foto: Ingen\")\n\n", i+1, name)
		at := bytes.Index(src, []byte("\n\n+++"))
		if at < 0 {
			at = bytes.LastIndex(src, []byte("+++\n")) + 4
		}
		src = append(src[:at:at], append([]byte(img), src[at:]...)...)
		if err := writeFile(md, src); err != nil {
			return err
		}
		if err := writeFile(filepath.Join(filepath.Dir(md), name), corpus.Numbered(photo, i)); err != nil {
			return err
		}
	}
	return nil
}

func printPhotos(w io.Writer, r photoResult) {
	fmt.Fprintf(w, "\nBygg med %d syntetiske 4000×3000-bilder (hvert skalert til 5 bredder, WebP og JPEG)\n\n", r.n)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "bilder\tbuffer\tfiler\tvegg\tCPU\tmaks RSS\tCPU per bilde\t")
	for _, row := range []struct {
		name string
		s    sample
	}{{"kald", r.cold}, {"varm", r.warm}} {
		fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%s\t%d MB\t%s\t\n", r.n, row.name, r.files, secs(row.s.wall), secs(row.s.cpu),
			row.s.rss>>20, secs(row.s.cpu/time.Duration(r.n)))
	}
	tw.Flush()
}
