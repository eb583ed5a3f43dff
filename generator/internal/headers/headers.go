// Package headers writes _headers, the file in which static hosts such as
// Netlify and Cloudflare Pages read the HTTP headers to send: a
// Content-Security-Policy that the pages satisfy, long immutable caching for
// fingerprinted assets, short caching for everything whose name does not
// change when its bytes do. Hosts that do not read the file ignore it; the
// README says how to set the same headers elsewhere.
//
// headers knows the output's layout (assets at the root, pages under a folder
// per language), not how pages are made.
package headers

import (
	"bytes"
	"fmt"
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
	rules = append(rules, short(base), short(base+"index.html"), short(base+"404.html"))
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
