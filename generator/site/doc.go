// Package site loads ALIS-Nord's data (data/*.toml) and content
// (content/**/*.md) from an fs.FS, checks them, and builds the model every
// page is rendered from. It reports every input problem as a positioned
// Diagnostic and never writes anything.
package site
