// Package serve is the live preview: it serves a Builder's in-memory site over
// HTTP on loopback, watches the site's files, rebuilds what changed, and tells open
// pages to reload (Server-Sent Events) once the new pages are in place. While the
// content has errors it keeps serving the last good site with an overlay naming
// file, line and message.
//
// The live-reload script and the overlay are added to HTML as it is served; the
// pages themselves, and anything `build` writes, never contain them.
package serve
