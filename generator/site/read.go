package site

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"syscall"
)

// Size limits: no article or data file of this site comes near them, and
// they keep a wrong file (a disk image, a log) from filling memory.
const (
	MaxArticleBytes = 5 << 20 // one Markdown file under content/
	MaxDataBytes    = 5 << 20 // one data/*.toml file
)

// readRegular reads the file name from fsys when it is a regular file of at
// most limit bytes. Anything else (a folder, a FIFO that would block the
// build, a device without end, a file too large) gives a Norwegian message
// that says what to do, and no bytes. fs.Stat follows symbolic links, so a
// link to /dev/zero is refused as the device it points at.
func readRegular(fsys fs.FS, name string, limit int64) ([]byte, string) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, fsErr(err)
	}
	if msg := notRegular(fi.Mode()); msg != "" {
		return nil, msg
	}
	if fi.Size() > limit {
		return nil, tooLarge(limit)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fsErr(err)
	}
	defer f.Close()
	src, err := readSized(f, fi.Size(), limit)
	if err != nil {
		return nil, fsErr(err)
	}
	if int64(len(src)) > limit {
		return nil, tooLarge(limit)
	}
	return src, ""
}

// notRegular says why a file of mode m cannot be read as text, or "" when
// it is a regular file.
func notRegular(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return "er en mappe, ikke en fil: flytt innholdet ut, eller gi mappen et annet navn"
	case m&fs.ModeSymlink != 0:
		return "er en symbolsk lenke: bygget følger ikke lenker; legg selve filen eller mappen her i stedet"
	case m&fs.ModeNamedPipe != 0:
		return "er et navngitt rør (FIFO), ikke en vanlig fil: slett det og legg en vanlig fil her"
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		return "er en enhetsfil, ikke en vanlig fil: slett den og legg en vanlig fil her"
	case m&fs.ModeSocket != 0:
		return "er en socket, ikke en vanlig fil: slett den og legg en vanlig fil her"
	}
	return "er ikke en vanlig fil: slett den og legg en vanlig fil her"
}

func tooLarge(limit int64) string {
	return fmt.Sprintf("filen er større enn grensen på %s: del den opp, eller sjekk at det er riktig fil", megabytes(limit))
}

// megabytes writes n bytes the Norwegian way: "5 MB", "5,2 MB".
func megabytes(n int64) string {
	s := strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<20)), ".0")
	return strings.Replace(s, ".", ",", 1) + " MB"
}

// fsErr puts a file-system error into Norwegian, saying what to do. The
// fallback keeps the system's own text after a Norwegian explanation.
func fsErr(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "filen finnes ikke: opprett den, eller sjekk navnet"
	case errors.Is(err, fs.ErrPermission):
		return "har ikke lov til å lese filen: gi lesetilgang (for eksempel chmod a+r)"
	case errors.Is(err, syscall.EISDIR):
		return "er en mappe, ikke en fil: flytt innholdet ut, eller gi mappen et annet navn"
	case errors.Is(err, syscall.ELOOP):
		return "er en symbolsk lenke som peker i ring: slett lenken"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Sprintf("kan ikke lese filen (%v): sjekk at den finnes og kan leses", err)
}

// readSized reads f, whose size Stat gave, into one buffer of that size
// and a byte more, not grown step by step as io.ReadAll grows it (which
// allocated 2.7 times the bytes of 10,000 articles, and kept up to a
// third more than the file). A file that grew meanwhile is still read
// whole, up to limit and a byte.
func readSized(f io.Reader, size, limit int64) ([]byte, error) {
	buf := make([]byte, min(size, limit)+1)
	n, err := io.ReadFull(f, buf)
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return buf[:n:n], nil
	case err != nil:
		return nil, err
	}
	rest, err := io.ReadAll(io.LimitReader(f, limit+1-int64(n)))
	return append(buf, rest...), err
}
