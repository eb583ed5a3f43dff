// Package opendata writes the site's content as data other newsrooms can reuse:
// per language, pledges.json (every department with its record and pledges, in
// a versioned shape described by pledges.schema.json, which is written beside
// it) and pledges.csv (one row per pledge, UTF-8 with a byte-order mark so that
// spreadsheet programs read Chinese correctly).
//
// It reads the validated content and the plan (for addresses); it renders no
// page and knows no template. The shape is documented in docs/open-data.md.
package opendata
