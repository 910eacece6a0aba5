package render

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"alisnord/generator/output"
	"alisnord/generator/photo"
	"alisnord/generator/photo/phototest"
)

// phonePhoto is a synthetic 4000×3000 phone photo, stored sideways with
// EXIF Orientation 6 and a GPS block, made once for the package's tests.
var phonePhoto = sync.OnceValue(func() []byte { return phototest.PhoneJPEG(4000, 3000, 6) })

// bundleSite is the small site with a page bundle: an article in
// content/nyheter/ny-lege/ with the phone photo beside it, used twice.
func bundleSite(t *testing.T, body string) fstest.MapFS {
	t.Helper()
	ar := smallWith(t, "content/nyheter/ny-lege/index.md", "+++\ntitle = \"Ny lege på legekontoret\"\ndate = 2019-03-01\n+++\n"+body)
	m := archiveFS(ar)
	repoTemplates(t, m)
	m["content/nyheter/ny-lege/lege.jpg"] = &fstest.MapFile{Data: phonePhoto()}
	return m
}

func TestPhotoInPageBundle(t *testing.T) {
	m := bundleSite(t, "Legekontoret har fått en ny lege.\n\n"+
		"![Legen står ved døra til legekontoret](lege.jpg \"Den nye legen på første arbeidsdag. Foto: Synt Etisk\")\n\n"+
		"Mer tekst.\n\n![Det samme bildet en gang til](lege.jpg)\n")
	files, err := renderFS(t, m)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	page := string(byPath["nyheter/ny-lege/index.html"])
	if page == "" {
		t.Fatal("the bundle's page nyheter/ny-lege/index.html was not built")
	}
	imgs := regexp.MustCompile(`<img [^>]*>`).FindAllString(page, -1)
	if len(imgs) != 2 {
		t.Fatalf("want 2 <img>, got %d:\n%s", len(imgs), page)
	}
	for i, img := range imgs {
		if !strings.Contains(img, `width="3000" height="4000"`) {
			t.Errorf("img %d is not upright 3000×4000: %s", i, img)
		}
		lazy := strings.Contains(img, `loading="lazy"`)
		if lazy != (i > 0) {
			t.Errorf("img %d: lazy = %v; only the first photo of a page loads at once: %s", i, lazy, img)
		}
	}
	for _, want := range []string{
		`<figure class="photo">`,
		`<figcaption>Den nye legen på første arbeidsdag. <span class="credit">Foto: Synt Etisk</span></figcaption>`,
		`alt="Legen står ved døra til legekontoret"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	webp := regexp.MustCompile(`<source type="image/webp" srcset="([^"]*)" sizes="([^"]*)">`).FindStringSubmatch(page)
	if webp == nil {
		t.Fatal("no WebP <source>")
	}
	cands := candidates(t, webp[1], "nyheter/ny-lege/")
	if len(cands) < 3 {
		t.Errorf("WebP srcset has %d widths, want ≥ 3: %s", len(cands), webp[1])
	}
	// A 390 px phone: sizes gives calc(100vw - 2.5rem) = 350 CSS px; at
	// 2× it needs 700 px and takes the narrowest candidate at least that wide.
	for _, dpr := range []int{2, 3} {
		need := (390 - 40) * dpr
		c := pick(cands, need)
		size := len(byPath[c.path])
		t.Logf("390 px phone at %d×: needs %d px, takes %s (%d bytes)", dpr, need, c.path, size)
		if dpr == 2 && (size == 0 || size > 80_000) {
			t.Errorf("the file a 390 px phone at 2× takes is %d bytes, want under 80 KB", size)
		}
	}
	for _, f := range files {
		for _, secret := range [][]byte{[]byte(phototest.GPSMarker), phototest.GPSLatitude} {
			if bytes.Contains(f.Data, secret) {
				t.Errorf("%s contains the photo's GPS data", f.Path)
			}
		}
	}
}

type candidate struct {
	path  string
	width int
}

// candidates parses a srcset written on the page in dir into site paths.
func candidates(t *testing.T, srcset, dir string) []candidate {
	var out []candidate
	for _, c := range strings.Split(srcset, ", ") {
		url, w, _ := strings.Cut(c, " ")
		width, err := strconv.Atoi(strings.TrimSuffix(w, "w"))
		if err != nil {
			t.Fatalf("bad candidate %q", c)
		}
		target, _ := resolve(strings.TrimSuffix(dir, "/"), url)
		out = append(out, candidate{path: target, width: width})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].width < out[j].width })
	return out
}

// pick is the browser's choice: the narrowest candidate of at least need
// pixels, or the widest.
func pick(cands []candidate, need int) candidate {
	for _, c := range cands {
		if c.width >= need {
			return c
		}
	}
	return cands[len(cands)-1]
}

func TestMainImageAndSharing(t *testing.T) {
	ar := smallWith(t, "content/nyheter/ny-lege/index.md", "+++\ntitle = \"Ny lege\"\ndate = 2019-03-01\nsummary = \"Ny lege.\"\n"+
		"image = \"lege.jpg\"\nimage_alt = \"Legen ved døra\"\n+++\nTekst.\n\n![Legen igjen](lege.jpg)\n")
	m := archiveFS(ar)
	repoTemplates(t, m)
	m["content/nyheter/ny-lege/lege.jpg"] = &fstest.MapFile{Data: phototest.PhoneJPEG(1600, 1200, 6)}
	files, err := renderFS(t, m)
	if err != nil {
		t.Fatal(err)
	}
	exists := map[string]bool{}
	for _, f := range files {
		exists[f.Path] = true
	}
	base := "https://test.example/under/"
	og := regexp.MustCompile(`<meta property="og:image" content="([^"]*)">`)
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		page := string(f.Data)
		m := og.FindStringSubmatch(page)
		if m == nil || !strings.HasPrefix(m[1], base) || !exists[strings.TrimPrefix(m[1], base)] {
			t.Errorf("%s: og:image %v is not an absolute URL of a file of the build", f.Path, m)
		}
		for _, want := range []string{`<meta property="og:image:alt" content="`, `<meta name="twitter:card" content="summary_large_image">`} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", f.Path, want)
			}
		}
	}
	page := string(find(files, "nyheter/ny-lege/index.html"))
	for _, want := range []string{
		`<meta property="og:image:alt" content="Legen ved døra">`,
		`<meta property="article:published_time" content="2019-03-01">`,
		`<figure class="photo main-image">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("article lacks %s", want)
		}
	}
	if n := strings.Count(page, `fetchpriority="high"`); n != 1 {
		t.Errorf("%d eager images, want 1: the main image", n)
	}
	// The article is on whichever page of the news list its date puts it.
	var thumb bool
	var lists []string
	for _, f := range files {
		if strings.HasPrefix(f.Path, "nyheter/") && strings.Contains(string(f.Data), `class="news-list"`) {
			lists = append(lists, f.Path)
			thumb = thumb || strings.Contains(string(f.Data), `class="thumb"`)
		}
	}
	if !thumb {
		t.Errorf("no page of the news list (%v) shows a thumbnail of the main image", lists)
	}
	if feed := string(find(files, "feed.xml")); !strings.Contains(feed, `rel="enclosure"`) {
		t.Error("the feed does not carry the main image")
	}
}

func find(files []output.File, p string) []byte {
	for _, f := range files {
		if f.Path == p {
			return f.Data
		}
	}
	return nil
}

func TestPhotoErrors(t *testing.T) {
	const head = "+++\ntitle = \"T\"\ndate = 2019-01-05\n+++\n"
	small := phototest.PhoneJPEG(64, 48, 1)
	cases := []struct {
		name, body string
		file       []byte
		want       string
	}{
		{"missing alt", "Tekst.\n\n![](lege.jpg)\n", small, `content/nyheter/x/index.md:7:1: bildet "lege.jpg" mangler alternativ tekst`},
		{"missing file", "![Legen](lege2.jpg)\n", small, `content/nyheter/x/index.md:5:1: lege2.jpg: finner ikke bildet (leter etter content/nyheter/x/lege2.jpg)`},
		{"other host", "Se ![Legen](https://example.org/lege.jpg) her.\n", small, `content/nyheter/x/index.md:5:4: bildet "https://example.org/lege.jpg" ligger på et annet nettsted`},
		{"unsupported type", "![Kart](kart.svg)\n", small, `content/nyheter/x/index.md:5:1: bildet "kart.svg" har et filformat som ikke støttes`},
		{"corrupt file", "![Legen](lege.jpg)\n", []byte("ikke et bilde"), `content/nyheter/x/index.md:5:1: lege.jpg: filen er ikke et bilde som kan leses`},
		{"over 40 megapixels", "![Legen](lege.jpg)\n", pngHeader(8000, 6000), `content/nyheter/x/index.md:5:1: lege.jpg: bildet er 8000×6000 piksler (48 megapiksler)`},
		{"over 20 MB", "![Legen](lege.jpg)\n", append(small, make([]byte, 21<<20)...), `content/nyheter/x/index.md:5:1: lege.jpg: bildet er 21.0 MB; største tillatte er 20 MB`},
		{"main image missing", "", nil, `content/nyheter/x/index.md:3:1: lege.jpg: finner ikke bildet`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := head + tc.body
			if tc.file == nil {
				src = strings.Replace(head, "+++\n", "+++\ntitle = \"T\"\nimage = \"lege.jpg\"\nimage_alt = \"Legen\"\n", 1)
				src = strings.Replace(src, "title = \"T\"\ndate", "date", 1)
			}
			ar := smallWith(t, "content/nyheter/x/index.md", src)
			m := archiveFS(ar)
			repoTemplates(t, m)
			if tc.file != nil {
				m["content/nyheter/x/lege.jpg"] = &fstest.MapFile{Data: tc.file}
			}
			_, err := renderFS(t, m)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("want …%s…, got:\n%v", tc.want, err)
			}
		})
	}
}

// pngHeader is the start of a PNG that says it is w×h: enough for the
// size check, which reads only the header.
func pngHeader(w, h int) []byte {
	ihdr := []byte("IHDR")
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	ihdr = append(ihdr, 8, 2, 0, 0, 0)
	out := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0d")
	out = append(out, ihdr...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(ihdr))
}

// TestPhotoSetRelease: once written, a forgetting build's photos keep
// their names and sizes but not their bytes, and the photos a memo may
// share are left as they were.
func TestPhotoSetRelease(t *testing.T) {
	shared := &photo.Photo{Width: 800, Height: 600, Key: "abc", Variants: []photo.Variant{
		{Width: 400, Height: 300, Format: "webp", Data: []byte("w")},
		{Width: 800, Height: 600, Format: "jpeg", Data: []byte("j")},
	}}
	ps := &photoSet{byPath: map[string]*placedPhoto{"content/a.jpg": {Photo: shared, stem: "bilder/a-abc"}},
		files: []output.File{{Path: "bilder/a-abc-400.webp", Data: []byte("w")}}}
	ps.release()
	pp := ps.byPath["content/a.jpg"]
	if ps.files != nil || pp.stem != "bilder/a-abc" || pp.Width != 800 || len(pp.Variants) != 2 {
		t.Fatalf("release lost more than the bytes: %+v, %d files", pp, len(ps.files))
	}
	for i, v := range pp.Variants {
		if v.Data != nil || v.Width != shared.Variants[i].Width || v.Format != shared.Variants[i].Format {
			t.Errorf("variant %d after release: %+v", i, v)
		}
		if shared.Variants[i].Data == nil {
			t.Errorf("variant %d of the shared photo lost its bytes", i)
		}
	}
}
