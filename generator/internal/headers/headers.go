// Package headers holds the one definition of the HTTP headers the site is
// sent with: a Content-Security-Policy that the pages satisfy, long immutable
// caching for fingerprinted assets, short caching for everything whose name
// does not change when its bytes do, and each file's Content-Type. Two things
// read it: _headers, the file in which static hosts such as Netlify and
// Cloudflare Pages read the headers to send, and the deploy to object storage,
// which sets them on each object as it uploads it (For). Hosts that read
// neither get the README's table, which a test keeps equal to this file.
//
// headers knows the output's layout (assets at the root, pages under a folder
// per language), not how pages are made.
package headers

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strings"
)

// File is the name hosts look for at the root of the site.
const File = "_headers"

// CSP is the Content-Security-Policy of every page. Scripts and styles come only
// from the site's own files: no inline script, no inline style, no eval.
// 'wasm-unsafe-eval' lets the search page compile Pagefind's WebAssembly; it
// allows no JavaScript eval.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// Cache lifetimes.
const (
	// Immutable is for files whose name holds a hash of their bytes.
	Immutable = "public, max-age=31536000, immutable"
	// Short is for pages, data and the search index: a correction reaches
	// readers within minutes.
	Short = "public, max-age=300, must-revalidate"
)

// Site is what the file needs to know about the output.
type Site struct {
	BasePath      string   // "/" or "/pledges/"
	Languages     []string // folder of each language: "zh", "en"
	Fingerprinted []string // asset paths whose name holds their hash: "style.3f2a….css"
	Other         []string // other assets at their plain names: "favicon.svg"
}

// Rule is the headers sent for one path pattern.
type Rule struct {
	Path    string
	Headers [][2]string
}

// Rules lists the rules in file order. No two rules that can match one path set
// the same header: hosts join the values of a header set by several rules.
func Rules(s Site) []Rule {
	base := s.BasePath
	rules := []Rule{{Path: base + "*", Headers: [][2]string{
		{"Content-Security-Policy", CSP},
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "strict-origin-when-cross-origin"},
	}}}
	short := func(p string) Rule { return Rule{Path: p, Headers: [][2]string{{"Cache-Control", Short}}} }
	rules = append(rules, short(base), short(base+"index.html"), short(base+"404.html"),
		short(base+"sitemap.xml"), short(base+"robots.txt"))
	for _, l := range s.Languages {
		rules = append(rules, short(base+l+"/*"))
	}
	// Pagefind names its index chunks by hash, but not pagefind.js, which
	// names them: the folder is cached as briefly as the pages.
	rules = append(rules, short(base+"pagefind/*"))
	for _, a := range s.Other {
		rules = append(rules, short(base+a))
	}
	for _, a := range s.Fingerprinted {
		rules = append(rules, Rule{Path: base + a, Headers: [][2]string{{"Cache-Control", Immutable}}})
	}
	return rules
}

// Bytes is the _headers file.
func Bytes(s Site) []byte {
	var b bytes.Buffer
	b.WriteString("# HTTP headers for hosts that read _headers (Netlify, Cloudflare Pages). Written by the build.\n")
	for _, r := range Rules(s) {
		fmt.Fprintf(&b, "%s\n", r.Path)
		for _, h := range r.Headers {
			fmt.Fprintf(&b, "  %s: %s\n", h[0], h[1])
		}
	}
	return b.Bytes()
}

// Match reports whether a _headers path pattern matches the URL path p, as
// Netlify and Cloudflare Pages read it: "*" stands for any run of characters,
// "/" included.
func Match(pattern, p string) bool {
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(p, parts[0]) {
		return false
	}
	p = p[len(parts[0]):]
	for i, part := range parts[1:] {
		if i == len(parts)-2 {
			return strings.HasSuffix(p, part)
		}
		j := strings.Index(p, part)
		if j < 0 {
			return false
		}
		p = p[j+len(part):]
	}
	return p == ""
}

// Object is what a store that cannot read _headers is told about one file
// when it is uploaded.
type Object struct {
	ContentType  string
	CacheControl string
}

// For gives the headers of the file at rel (a path in the output, forward
// slashes, "zh/index.html") by reading the same rules _headers is written
// from, so an object in a bucket and a file on a host that reads _headers are
// sent with the same Cache-Control. A file no rule gives a lifetime is cached
// briefly: only a name that holds a hash may be cached for long.
func For(rules []Rule, basePath, rel string) Object {
	o := Object{ContentType: ContentType(rel), CacheControl: Short}
	for _, r := range rules {
		if !Match(r.Path, basePath+rel) {
			continue
		}
		for _, h := range r.Headers {
			if h[0] == "Cache-Control" {
				o.CacheControl = h[1]
			}
		}
	}
	return o
}

// fingerprint is how an asset's name holds the hash of its bytes:
// style.3f2a9c0d1e.css (render names them so).
var fingerprint = regexp.MustCompile(`\.[0-9a-f]{10}\.(css|js)$`)

// Fingerprinted reports whether a file at the site's root is named by the hash
// of its bytes, so that it may be cached forever. A built folder's assets can
// be told by their names alone, without the theme that made them.
func Fingerprinted(rel string) bool {
	return !strings.Contains(rel, "/") && fingerprint.MatchString(rel)
}

// contentTypes are the types of the files a site holds. Text is UTF-8 and says
// so, so that no browser or proxy guesses another encoding for Chinese text.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json; charset=utf-8",
	".csv":         "text/csv; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".xml":         "application/xml; charset=utf-8",
	".svg":         "image/svg+xml; charset=utf-8",
	".md":          "text/markdown; charset=utf-8",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/vnd.microsoft.icon",
	".pdf":         "application/pdf",
	".wasm":        "application/wasm",
	".woff2":       "font/woff2",
	".webmanifest": "application/manifest+json; charset=utf-8",
}

// ContentType is the Content-Type of the file at rel, by its name. The feeds
// are Atom; _headers is plain text; anything unknown (Pagefind's index chunks
// among them) is bytes.
func ContentType(rel string) string {
	name := path.Base(rel)
	switch {
	case name == "atom.xml":
		return "application/atom+xml; charset=utf-8"
	case name == File:
		return "text/plain; charset=utf-8"
	}
	if t, ok := contentTypes[strings.ToLower(path.Ext(name))]; ok {
		return t
	}
	return "application/octet-stream"
}
