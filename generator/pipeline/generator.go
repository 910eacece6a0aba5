package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"sync"
)

// generatorID identifies the running generator's code: the SHA-256 of its
// executable, or "" when it cannot be read. Every page's key holds it, so
// a build takes no page from the last build's output that another version
// of the generator rendered (render.Options.Generator).
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
