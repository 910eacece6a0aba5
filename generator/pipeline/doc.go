// Package pipeline is the pipeline, assembled once: it loads and checks the
// site (package site), readies the chart renderer and the caches of drawn
// charts and processed photos, and renders through one render.Engine into
// a sink. The build writes to a staging folder (output.Staging), the check
// to nothing, the offline bundle to memory and then a zip, and the dev
// server to memory, keeping one Builder for its life and telling it what
// changed. What an edit renders again is decided here and in the engine,
// nowhere else.
package pipeline
