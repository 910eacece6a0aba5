// Package program runs html/template's templates without asking reflection
// for every name on every page.
//
// html/template parses a template, then rewrites its tree once so that every
// printed value passes through the escaper its HTML context needs (text,
// attribute, URL, srcset, CSS value). text/template then walks that tree for
// each page, and for each field, method and function looks the name up
// again by reflection. At 12,700 pages that lookup, and the reflective calls
// of the escapers, were over half of the templates' CPU time.
//
// A Program walks the same escaped tree with the same rules, but resolves
// each name once per type it meets, calls the escapers directly, and keeps
// html/template's escaping: the tree, and so the choice of escaper for each
// value, is html/template's own. What it does not know how to run exactly as
// text/template does (a construct it does not support, an error, a value of
// an unusual type), it does not guess: Execute returns ErrFallback, and the
// caller runs html/template on the same page, which gives the same output
// or the true error message. Tests compare the two, byte for byte, on every
// page of the site.
package program
