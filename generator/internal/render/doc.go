// Package render turns a planned page into HTML: it parses the theme's templates
// once (a file in the site's own layouts/ replaces the theme's file of the same
// name), builds each page's view (pages.go; the views' types are in view.go),
// has html/template execute the page's template with it, renders Markdown per
// language, and fingerprints static assets.
//
// A Renderer is read-only after New, so many goroutines may render pages at once.
// render writes no files; it returns bytes.
package render
