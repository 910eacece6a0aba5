package pipeline

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"io"
	"os"
	"sync"
)

// generatorID identifies the running generator's code, or is "" when it
// cannot be had. Every page's key holds it and the bundle's hash
// (Builder.generator), so a build takes no page from the last build's
// output that another version of the generator or of ECharts rendered
// (render.Options.Generator).
var generatorID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	return executableID(exe)
})

// executableID is "go:" and the Go build ID of the executable at path,
// read from its ELF note, or else the SHA-256 of the whole file. The go
// command computes the build ID from the binary's content (and the link's
// inputs), so it changes whenever the file does; reading it takes a few
// small reads where hashing a 30 MB file took about 100 ms of CPU time at
// the start of every build.
func executableID(path string) string {
	if id := goBuildID(path); id != "" {
		return "go:" + id
	}
	return hashFile(path)
}

// hashFile is the SHA-256 of the file at path in hex, or "".
func hashFile(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// goBuildID reads the Go build ID from an ELF executable's .note.go.buildid
// section: a note named "Go" of type 4 whose description is the ID. It is
// "" for a file that is not ELF or has no such note (a binary linked with
// an empty -buildid).
func goBuildID(path string) string {
	f, err := elf.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil || sec.Type != elf.SHT_NOTE || sec.Size > 4096 {
		return ""
	}
	note, err := sec.Data()
	if err != nil || len(note) < 16 {
		return ""
	}
	order := f.ByteOrder
	nameSize, descSize, typ := order.Uint32(note), order.Uint32(note[4:]), order.Uint32(note[8:])
	const goBuildIDNote = 4
	if nameSize != 4 || typ != goBuildIDNote || !bytes.Equal(note[12:16], []byte("Go\x00\x00")) {
		return ""
	}
	desc := note[16:]
	if uint64(descSize) > uint64(len(desc)) || descSize == 0 {
		return ""
	}
	return string(desc[:descSize])
}

// generator is what render.Options.Generator holds for this builder: the
// generator's and the ECharts bundle's hashes, or "" when the generator's
// cannot be had (no page is then taken from the last build).
func (b *Builder) generator() string {
	exe := generatorID()
	if exe == "" {
		return ""
	}
	bundle := sha256.Sum256(b.bundle)
	return exe + " " + hex.EncodeToString(bundle[:])
}
