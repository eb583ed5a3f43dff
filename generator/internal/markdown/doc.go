// Package markdown turns editors' Markdown (Chinese and English news text)
// into HTML for the site generator.
//
// It holds the goldmark configuration the site relies on (GFM tables,
// strikethrough and footnotes, CJK line breaks, CJK-friendly emphasis,
// heading IDs that keep Chinese characters) and reports what a page needs
// besides its HTML: the headings, for tables of contents, and the internal
// links whose targets do not exist, for validation.
//
// The package knows nothing about the site's content types, files, URLs or
// templates. Whatever it must know about the site comes in through Options,
// such as the ResolveLink callback, so it can be used and tested on its own.
package markdown
