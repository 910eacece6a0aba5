// Package markdown owns the site's Markdown: goldmark configured once
// (GitHub-flavoured Markdown, Norwegian heading ids and quotation marks,
// raw HTML shown as text) with our own extensions — data-bound figures
// ({{< tall KEY >}}), chart blocks (```chart NAME), photos, tables that
// stack on a phone, and slide decks — and the checks that keep hostile or
// mistaken input from reaching a page: unsafe link schemes, malformed
// shortcodes, nesting too deep for goldmark. Every problem comes back as a
// diagnostic at its line and column in the article's file.
//
// The package knows nothing about pages or templates: what an article may
// refer to (figures, charts, photos, how a link is made relative) comes in
// an Env, and the caller checks the links that come back.
package markdown
