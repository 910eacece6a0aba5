package render

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"

	"golang.org/x/sync/errgroup"

	"alisnord/generator/diag"
	"alisnord/generator/output"
	"alisnord/generator/photo"
	"alisnord/generator/site"
)

// photoDir is where processed photos are written; their names carry a
// hash of the source and settings, so a changed photo gets a new URL.
const photoDir = "bilder/"

// photoSet is the processed photos of one build, by source path below
// the root, and their files.
type photoSet struct {
	byPath map[string]*placedPhoto
	files  []output.File
}

// placedPhoto is a processed photo and the stem of its output files.
type placedPhoto struct {
	*photo.Photo
	stem string // e.g. "bilder/legekontoret-3f9a1c2b7d4e"
}

// file is the output path of a variant.
func (pp *placedPhoto) file(v photo.Variant) string {
	ext := v.Format
	if ext == "jpeg" {
		ext = "jpg"
	}
	return fmt.Sprintf("%s-%d.%s", pp.stem, v.Width, ext)
}

// preparePhotos processes every photo the articles use, in parallel, and
// reports missing, unreadable and refused files at each place they are
// used. Each photo lands in its own slot, so the output never depends on
// scheduling.
func (r *renderer) preparePhotos() diag.Diagnostics {
	articles := append(append([]*site.Article{}, r.site.Articles...), r.site.Pages...)
	refs, ds := photoRefs(articles, func(a *site.Article) articlePhotos { return r.memo.photosIn(r.md, a) })
	byPath := map[string][]diag.Pos{}
	var paths []string
	for _, ref := range refs {
		if byPath[ref.fsPath] == nil {
			paths = append(paths, ref.fsPath)
		}
		byPath[ref.fsPath] = append(byPath[ref.fsPath], ref.pos)
	}
	sort.Strings(paths)
	done := make([]*photo.Photo, len(paths))
	errs := make([]error, len(paths))
	memo := r.memo.processedPhotos()
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, p := range paths {
		g.Go(func() error {
			done[i], errs[i] = r.processPhoto(p, memo)
			return nil
		})
	}
	_ = g.Wait()
	memo.done()
	set := &photoSet{byPath: map[string]*placedPhoto{}}
	for i, p := range paths {
		if errs[i] != nil {
			for _, pos := range byPath[p] {
				ds.Add(pos, "%s: %v", path.Base(p), errs[i])
			}
			continue
		}
		pp := &placedPhoto{Photo: done[i], stem: photoDir + photoStem(p) + "-" + done[i].Key[:12]}
		set.byPath[p] = pp
		for _, v := range pp.Variants {
			set.files = append(set.files, output.File{Path: pp.file(v), Data: v.Data})
		}
	}
	set.files = append(dedupeFiles(set.files), r.cardFile())
	*r.photos = *set
	return ds
}

// processPhoto reads one source file and processes it, or takes it from
// memo when the file is as the last build read it.
func (r *renderer) processPhoto(p string, memo *photoMemo) (*photo.Photo, error) {
	if st, err := fs.Stat(r.opt.Root, p); err == nil && st.Size() > photo.MaxBytes {
		return nil, fmt.Errorf("bildet er %.1f MB; største tillatte er %d MB", float64(st.Size())/(1<<20), photo.MaxBytes>>20)
	}
	src, err := fs.ReadFile(r.opt.Root, p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("finner ikke bildet (leter etter %s)", p)
	}
	if err != nil {
		return nil, fmt.Errorf("kan ikke lese bildet: %v", err)
	}
	return memo.process(p, src, r.opt.Photos)
}

// photoStem is the slug of a source file's name, without extension.
func photoStem(p string) string {
	stem := site.Slugify(strings.TrimSuffix(path.Base(p), path.Ext(p)))
	if stem == "" {
		stem = "bilde"
	}
	return stem
}

// dedupeFiles drops repeated paths: two source files with the same name
// and the same bytes give the same output files.
func dedupeFiles(files []output.File) []output.File {
	seen := map[string]bool{}
	out := files[:0]
	for _, f := range files {
		if !seen[f.Path] {
			seen[f.Path] = true
			out = append(out, f)
		}
	}
	return out
}

// key sums the keys of the set's photos, for the dev server's page
// fingerprints: a changed photo changes the pages that show it.
func (ps *photoSet) key() uint64 {
	h := fnv.New64a()
	for _, p := range sortedNames(ps.byPath) {
		h.Write([]byte(p + "\x00" + ps.byPath[p].Key + "\x00"))
	}
	return h.Sum64()
}

// release lets the bytes of the photos' variants go once they are
// written: pages need only their names and sizes. The photos are copied,
// not changed, since a memo may share them.
func (ps *photoSet) release() {
	ps.files = nil
	for p, pp := range ps.byPath {
		ph := *pp.Photo
		ph.Variants = slices.Clone(ph.Variants)
		for i := range ph.Variants {
			ph.Variants[i].Data = nil
		}
		ps.byPath[p] = &placedPhoto{Photo: &ph, stem: pp.stem}
	}
}
