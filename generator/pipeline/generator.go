package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"sync"
)

// generatorID identifies the running generator's code: the SHA-256 of its
// executable, or "" when it cannot be read. Every page's key holds it and
// the bundle's hash (Builder.generator), so a build takes no page from the
// last build's output that another version of the generator or of ECharts
// rendered (render.Options.Generator).
var generatorID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
})

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
