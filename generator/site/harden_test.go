package site

import (
	"errors"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"alisnord/generator/diag"
)

// Every message in these tables is what a staff member reads: Norwegian,
// positioned, and saying what to do.

// TestContentFiles puts one file under content/ and expects exactly these
// diagnostics for it (none for a file that is built or allowed).
func TestContentFiles(t *testing.T) {
	md := []byte("+++\ntitle = \"x\"\ndate = 2019-01-01\n+++\nTekst\n")
	tests := []struct {
		name string
		path string
		file *fstest.MapFile
		want []string
	}{
		{"upper-case extension", "content/nyheter/sak.MD", &fstest.MapFile{Data: md},
			[]string{"content/nyheter/sak.MD:1:1: filendelsen .MD blir ikke bygget: gi filen endelsen .md (små bokstaver)"}},
		{"mixed-case extension", "content/om-oss.Md", &fstest.MapFile{Data: md},
			[]string{"content/om-oss.Md:1:1: filendelsen .Md blir ikke bygget: gi filen endelsen .md (små bokstaver)"}},
		{".markdown", "content/nyheter/sak.markdown", &fstest.MapFile{Data: md},
			[]string{"content/nyheter/sak.markdown:1:1: filendelsen .markdown blir ikke bygget: er det Markdown, gi filen endelsen .md"}},
		{"hidden file", "content/nyheter/.sak.md", &fstest.MapFile{Data: md},
			[]string{"content/nyheter/.sak.md:1:1: skjult navn (begynner med punktum) blir ikke med på nettstedet: gi det et navn uten punktum foran, eller flytt det ut av content/"}},
		{"hidden folder", "content/.utkast/sak.md", &fstest.MapFile{Data: md},
			[]string{"content/.utkast:1:1: skjult navn (begynner med punktum) blir ikke med på nettstedet: gi det et navn uten punktum foran, eller flytt det ut av content/"}},
		{"unknown file", "content/referat.docx", &fstest.MapFile{Data: []byte("PK")},
			[]string{"content/referat.docx:1:1: ukjent filtype; content/ kan bare ha Markdown (.md) og bilder (.jpg, .jpeg, .png, .webp): gi filen endelsen .md, eller flytt den ut av content/"}},
		{"no extension", "content/LESMEG", &fstest.MapFile{Data: []byte("x")},
			[]string{"content/LESMEG:1:1: ukjent filtype; content/ kan bare ha Markdown (.md) og bilder (.jpg, .jpeg, .png, .webp): gi filen endelsen .md, eller flytt den ut av content/"}},
		{"symlink", "content/nyheter/lenke.md", &fstest.MapFile{Data: []byte("../om.md"), Mode: fs.ModeSymlink | 0o777},
			[]string{"content/nyheter/lenke.md:1:1: er en symbolsk lenke: bygget følger ikke lenker; legg selve filen eller mappen her i stedet"}},
		{"fifo", "content/nyheter/ror.md", &fstest.MapFile{Mode: fs.ModeNamedPipe | 0o644},
			[]string{"content/nyheter/ror.md:1:1: er et navngitt rør (FIFO), ikke en vanlig fil: slett det og legg en vanlig fil her"}},
		{"device", "content/null.md", &fstest.MapFile{Mode: fs.ModeDevice | fs.ModeCharDevice | 0o666},
			[]string{"content/null.md:1:1: er en enhetsfil, ikke en vanlig fil: slett den og legg en vanlig fil her"}},
		{"too large", "content/stor.md", &fstest.MapFile{Data: append(append([]byte{}, md...), strings.Repeat("a", MaxArticleBytes)...)},
			[]string{"content/stor.md:1:1: filen er større enn grensen på 5 MB: del den opp, eller sjekk at det er riktig fil"}},
		{"photo", "content/nyheter/bilde.jpg", &fstest.MapFile{Data: []byte("\xff\xd8")}, nil},
		{"photo upper case", "content/nyheter/bilde.JPEG", &fstest.MapFile{Data: []byte("\xff\xd8")}, nil},
		{"webp", "content/bilde.webp", &fstest.MapFile{Data: []byte("RIFF")}, nil},
		{"vim swap file", "content/nyheter/.sak.md.swp", &fstest.MapFile{Data: []byte{0}}, nil},
		{"emacs lock", "content/.#om.md", &fstest.MapFile{Data: []byte("x")}, nil},
		{"backup", "content/om.md~", &fstest.MapFile{Data: []byte("x")}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := repoFS(t)
			m[tc.path] = tc.file
			_, ds := LoadAll(m, Options{Now: now})
			if got := lines(ds); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("want\n%s\ngot\n%s", strings.Join(tc.want, "\n"), strings.Join(got, "\n"))
			}
		})
	}
}

func lines(ds diag.Diagnostics) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}

// TestText plants bytes no text file may hold and expects the first one's
// place, counted in characters.
func TestText(t *testing.T) {
	tests := []struct {
		name, path, src, want string
	}{
		{"bell in body", "content/nyheter/x.md", "+++\ntitle = \"x\"\ndate = 2019-01-01\n+++\nÆøå \a\n",
			"content/nyheter/x.md:5:5: kontrolltegnet U+0007 er ikke tillatt (bare tabulator og linjeskift): slett det"},
		{"several", "content/nyheter/x.md", "+++\ntitle = \"x\x00\"\ndate = 2019-01-01\n+++\n\x1b[0m\x7f\u0085\n",
			"content/nyheter/x.md:2:11: kontrolltegnet U+0000 er ikke tillatt (bare tabulator og linjeskift): slett det (filen har 4 kontrolltegn i alt)"},
		{"invalid utf-8", "content/om.md", "+++\ntitle = \"Om\"\n+++\nBl\xe5b\xe6r\n",
			"content/om.md:4:3: ugyldig UTF-8 (byte 0xe5): lagre filen som UTF-8 i editoren (filen har 2 ugyldige UTF-8-byte i alt)"},
		{"NUL in data", AreasFile, "[[area]]\nid = \"x\"\x00\n",
			"data/areas.toml:2:9: kontrolltegnet U+0000 er ikke tillatt (bare tabulator og linjeskift): slett det"},
		{"UTF-16 data", SiteFile, "\xff\xfet\x00i\x00",
			"data/site.toml:1:1: ugyldig UTF-8 (byte 0xff): lagre filen som UTF-8 i editoren (filen har 2 ugyldige UTF-8-byte i alt)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := repoFS(t)
			m[tc.path] = &fstest.MapFile{Data: []byte(tc.src)}
			ds := expectDiag(t, m, tc.want)
			if len(ds) != 1 && !strings.HasPrefix(tc.path, "data/") {
				t.Errorf("want one problem, got\n%v", ds)
			}
		})
	}
}

// TestDataChecks edits one line of the shipped data and expects exactly
// this diagnostic at that line.
func TestDataChecks(t *testing.T) {
	runEdits(t, []editCase{
		{"applications too many", AreasFile, "applications = 8\n", "applications = 80000000\n", 1,
			"applications må være fra 0 til 10000000, ikke 80000000: sjekk tallet"},
		{"population negative", AreasFile, "population = 61142", "population = -61142", 1,
			"population kan ikke være negativ (-61142)"},
		{"population overflow", AreasFile, "population = 61142", "population = 9223372036854775807", 1,
			"population må være fra 0 til 10000000, ikke 9223372036854775807: sjekk tallet"},
		{"municipalities inf", AreasFile, "municipalities = 9\n", "municipalities = inf\n", 1,
			"municipalities må være et vanlig tall (ikke inf eller nan), ikke tallet +Inf"},
		{"municipalities nan", AreasFile, "municipalities = 9\n", "municipalities = nan\n", 1,
			"municipalities må være et vanlig tall (ikke inf eller nan), ikke tallet NaN"},
		{"municipalities too many", AreasFile, "municipalities = 9\n", "municipalities = 900\n", 1,
			"municipalities må være et helt eller halvt tall fra 0 til 500 (som 9 eller 19.5), ikke 900"},
		{"empty name", AreasFile, `name = "Finnmark"`, `name = ""`, 1,
			"name er tom: skriv inn en verdi (feltet er påkrevd)"},
		{"blank id", ParticipantsFile, `id = "vadso"`, `id = "  "`, 1,
			"id er tom: skriv inn en verdi (feltet er påkrevd)"},
		{"empty list", ParticipantsFile, `municipalities = ["Vadsø"]`, `municipalities = []`, 1,
			"municipalities er en tom liste: skriv inn minst én verdi (feltet er påkrevd)"},
		{"share of zero", ProjectFile, "northern_municipalities = 87", "northern_municipalities = 0", 1,
			"northern_municipalities må være fra 1 til 500 (antall kommuner i Nord-Norge, nevneren i andelen), ikke 0"},
		{"share over 100", ProjectFile, "northern_municipalities = 87", "northern_municipalities = 40", 1,
			"northern_municipalities (40) er mindre enn totals.municipalities (45): andelen ville bli over 100 %"},
		{"year 0001", SourcesFile, "date = 2018-01-01", "date = 0001-01-01", 1,
			"date har året 0001: en dato må ligge mellom år 2000 og 2100; sjekk årstallet"},
		{"year 9999", EventsFile, "date = 2019-04-01", "date = 9999-04-01", 1,
			"date har året 9999: en dato må ligge mellom år 2000 og 2100; sjekk årstallet"},
		{"year in front matter", "content/om.md", `title = "Om ALIS-Nord"`, "publishDate = 1999-12-31\ntitle = \"Om ALIS-Nord\"", 1,
			"publishDate har året 1999: en dato må ligge mellom år 2000 og 2100; sjekk årstallet"},
		{"event kind typo", EventsFile, `kind = "konferanse"`, `kind = "konferance"`, 1,
			`kind må være "møte", "frist", "ansettelse", "mål" eller "konferanse", ikke "konferance"`},
		{"role typo", OrganisationFile, `role = "leder"`, `role = "Leder"`, 1,
			`role må være "leder", ikke "Leder"`},
		{"grant year", ProjectFile, "years = [2019, 2020]", "years = [2019, 20200]", 1,
			"years må være fra 2000 til 2100, ikke 20200: sjekk tallet"},
		{"staff percent", OrganisationFile, "percent = 30", "percent = 300", 1,
			"percent må være fra 0 til 100, ikke 300: sjekk tallet"},
	})
}

// TestNoFollowOn breaks one thing and expects exactly the one diagnostic
// that names it, not the cascade it would cause in the files that refer to
// it.
func TestNoFollowOn(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		old, new string
		want     string // with %d for the edited line
	}{
		{"empty areas.toml", AreasFile, "", "",
			"data/areas.toml:1:1: filen har ingen [[area]]: legg inn minst én (se kommentaren øverst i filen)"},
		{"duplicate area id", AreasFile, `id = "unn"`, `id = "finnmark"`,
			`data/areas.toml:%d:1: id "finnmark" er brukt før, på linje 18: gi hver oppføring sin egen id`},
		{"broken sources.toml", SourcesFile, "[[source]]\nid", "[[source]\nid",
			"data/sources.toml:%d:9: tabellnavnet er ikke skrevet riktig: skriv [navn] eller [[navn]] på en linje for seg"},
		{"broken participants.toml", ParticipantsFile, "positions = 1\n", "positions = \n",
			"data/participants.toml:%d:13: her mangler en verdi (fant '\\n'): tekst skal stå i anførselstegn, tall og datoer uten"},
		{"missing areas.toml", AreasFile, "-", "",
			"data/areas.toml:1:1: filen finnes ikke: opprett den, eller sjekk navnet"},
		{"population overflow", AreasFile, "population = 61142", "population = 9223372036854775807",
			"data/areas.toml:%d:1: population må være fra 0 til 10000000, ikke 9223372036854775807: sjekk tallet"},
		{"area name a list", AreasFile, `name = "Finnmark"`, `name = ["Finnmark"]`,
			`data/areas.toml:%d:1: name må være tekst i anførselstegn, ikke en liste`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := repoFS(t)
			want := tc.want
			switch tc.old {
			case "":
				m[tc.file] = &fstest.MapFile{Data: []byte("# Bare en kommentar.\n")}
			case "-":
				delete(m, tc.file)
			default:
				want = strings.Replace(want, "%d", strconv.Itoa(edit(t, m, tc.file, tc.old, tc.new)), 1)
			}
			_, ds := LoadAll(m, Options{Now: now})
			if got := strings.Join(lines(ds), "\n"); got != want {
				t.Errorf("want\n%s\ngot\n%s", want, got)
			}
		})
	}
}

// TestLoadAll breaks a data file, another data file's required field and an
// article at once: every problem comes back in one run (the checks of the
// files that decoded still run), with a model that still holds what loaded.
func TestLoadAll(t *testing.T) {
	m := repoFS(t)
	line := edit(t, m, AreasFile, "applications = 8\n", "applications = = 8\n")
	m["content/nyheter/x.md"] = &fstest.MapFile{Data: []byte("+++\ndate = 2019-01-01\n+++\nTekst\n")}
	evLine := edit(t, m, EventsFile, `title = "Søknadsfrist for kommunene"`, `titel = "Søknadsfrist for kommunene"`)
	s, ds := LoadAll(m, Options{Now: now})
	want := []string{
		`content/nyheter/x.md:1:1: mangler påkrevd felt "title"`,
		"data/areas.toml:" + strconv.Itoa(line) + ":16: her mangler en verdi (fant '='): tekst skal stå i anførselstegn, tall og datoer uten",
		"data/events.toml:" + strconv.Itoa(evLine-2) + `:1: mangler påkrevd felt "title"`,
		"data/events.toml:" + strconv.Itoa(evLine) + `:1: ukjent felt "titel" (mente du "title"?)`,
	}
	if got := lines(ds); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("want\n%s\ngot\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
	if s == nil {
		t.Fatal("LoadAll returned no site")
	}
	if !s.Broken[AreasFile] || len(s.Broken) != 1 {
		t.Errorf("Broken = %v, want only %s", s.Broken, AreasFile)
	}
	// The participants name areas that did not load: they are left out, so
	// later stages can rely on every reference resolving.
	if len(s.Areas) != 0 || len(s.Participants) != 0 || len(s.Events) == 0 || s.Settings.Title == "" || s.Settings.PageSize != 10 {
		t.Errorf("model: %d areas, %d participants, %d events, title %q", len(s.Areas), len(s.Participants), len(s.Events), s.Settings.Title)
	}
	if _, err := Load(m, Options{Now: now}); !errors.As(err, new(diag.Diagnostics)) {
		t.Errorf("Load: want the same diagnostics as an error, got %v", err)
	}
}

// TestDataFileRead replaces a data file with something that cannot be read
// as text and expects exactly one diagnostic for it.
func TestDataFileRead(t *testing.T) {
	tests := []struct {
		name string
		set  func(m fstest.MapFS)
		want string
	}{
		{"folder", func(m fstest.MapFS) { delete(m, SiteFile); m[SiteFile+"/x"] = &fstest.MapFile{} },
			"data/site.toml:1:1: er en mappe, ikke en fil: flytt innholdet ut, eller gi mappen et annet navn"},
		{"fifo", func(m fstest.MapFS) { m[SiteFile] = &fstest.MapFile{Mode: fs.ModeNamedPipe} },
			"data/site.toml:1:1: er et navngitt rør (FIFO), ikke en vanlig fil: slett det og legg en vanlig fil her"},
		{"too large", func(m fstest.MapFS) {
			m[SiteFile] = &fstest.MapFile{Data: []byte(strings.Repeat("# kommentar\n", MaxDataBytes/12+1))}
		}, "data/site.toml:1:1: filen er større enn grensen på 5 MB: del den opp, eller sjekk at det er riktig fil"},
		{"missing", func(m fstest.MapFS) { delete(m, SiteFile) },
			"data/site.toml:1:1: filen finnes ikke: opprett den, eller sjekk navnet"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := repoFS(t)
			tc.set(m)
			_, ds := LoadAll(m, Options{Now: now})
			if got := strings.Join(lines(ds), "\n"); got != tc.want {
				t.Errorf("want\n%s\ngot\n%s", tc.want, got)
			}
		})
	}
}

// TestSizeUnknown reads a file whose size Stat gives as 0 (as for files
// in /proc) and which never ends: the read must stop just past the limit.
func TestSizeUnknown(t *testing.T) {
	m := repoFS(t)
	endless := &endlessFile{}
	_, ds := LoadAll(zeroSizeFS{m, SiteFile, endless}, Options{Now: now})
	want := "data/site.toml:1:1: filen er større enn grensen på 5 MB: del den opp, eller sjekk at det er riktig fil"
	if got := strings.Join(lines(ds), "\n"); got != want {
		t.Errorf("want\n%s\ngot\n%s", want, got)
	}
	if endless.read > MaxDataBytes+64<<10 {
		t.Errorf("read %d bytes of an endless file; the limit is %d", endless.read, MaxDataBytes)
	}
}

// zeroSizeFS says every file is empty when asked for its size, and serves
// endless under the name endlessName.
type zeroSizeFS struct {
	fstest.MapFS
	endlessName string
	endless     *endlessFile
}

func (z zeroSizeFS) Stat(name string) (fs.FileInfo, error) {
	fi, err := z.MapFS.Stat(name)
	return zeroSize{fi}, err
}

func (z zeroSizeFS) Open(name string) (fs.File, error) {
	if name == z.endlessName {
		return z.endless, nil
	}
	return z.MapFS.Open(name)
}

type zeroSize struct{ fs.FileInfo }

func (zeroSize) Size() int64 { return 0 }

// endlessFile gives comment lines for ever (up to 64 MB, so that a test of
// a loader without a limit fails instead of filling memory).
type endlessFile struct{ read int }

func (e *endlessFile) Read(p []byte) (int, error) {
	if e.read > 64<<20 {
		return 0, io.EOF
	}
	for i := range p {
		p[i] = "# x\n"[(e.read+i)%4]
	}
	e.read += len(p)
	return len(p), nil
}

func (e *endlessFile) Stat() (fs.FileInfo, error) { return nil, fs.ErrInvalid }
func (e *endlessFile) Close() error               { return nil }

// TestFSErrors puts the file-system errors the loader meets into Norwegian.
func TestFSErrors(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "x", Err: fs.ErrNotExist}, "filen finnes ikke: opprett den, eller sjekk navnet"},
		{&fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}, "har ikke lov til å lese filen: gi lesetilgang (for eksempel chmod a+r)"},
		{&fs.PathError{Op: "read", Path: "x", Err: syscall.EISDIR}, "er en mappe, ikke en fil: flytt innholdet ut, eller gi mappen et annet navn"},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.ELOOP}, "er en symbolsk lenke som peker i ring: slett lenken"},
		{&fs.PathError{Op: "read", Path: "x", Err: syscall.EIO}, "kan ikke lese filen (input/output error): sjekk at den finnes og kan leses"},
	}
	for _, tc := range tests {
		if got := fsErr(tc.err); got != tc.want {
			t.Errorf("fsErr(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
}
