package render

import (
	"alisnord/generator/output"
	"alisnord/generator/site"
)

// Site renders the whole site with a fresh engine, as a build does, and
// returns its files, sorted by path: the tests' way to call Render.
func Site(s *site.Site, opt Options) ([]output.File, error) {
	var c Collector
	if err := NewEngine(Forget).Render(s, opt, &c); err != nil {
		return nil, err
	}
	return c.Files(), nil
}

// Stream renders the whole site into sink with a fresh engine.
func Stream(s *site.Site, opt Options, sink Sink) error {
	return NewEngine(Forget).Render(s, opt, sink)
}
