package main

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// A reader in mainland China must not wait on a host abroad, and no reader is
// counted by a third party: nothing a page loads comes from another host. No
// web font, no analytics, no script or stylesheet from a CDN. Links to other
// sites (<a href>, such as the filing systems') are fine: they load nothing
// until followed.

// fetchingRels are the <link rel> values that make a browser fetch or contact
// the address.
var fetchingRels = map[string]bool{
	"stylesheet": true, "icon": true, "shortcut": true, "apple-touch-icon": true, "mask-icon": true, "manifest": true,
	"preload": true, "modulepreload": true, "prefetch": true, "prerender": true, "preconnect": true, "dns-prefetch": true,
}

// fetchingAttrs are the attributes whose address an element loads.
var fetchingAttrs = map[string]bool{"src": true, "srcset": true, "poster": true, "data": true, "background": true, "ping": true}

var (
	cssURL    = regexp.MustCompile(`url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)`)
	jsImport  = regexp.MustCompile(`(?:\bimport\s*\(\s*|\bimport\s+[^'"]*?from\s*|\bimport\s+|\bfetch\s*\(\s*|new\s+(?:URL|Worker|WebSocket|EventSource)\s*\(\s*)['"]([^'"]+)['"]`)
	jsAbsURL  = regexp.MustCompile(`['"\x60]((?:https?:|wss?:)?//[^'"\x60\s]+)`)
	svgAttURL = regexp.MustCompile(`(?:href|src)\s*=\s*["']([^"']+)`)
)

// foreign reports whether u, as written in a file of the site, would be
// fetched from a host other than the site's own.
func foreign(u, ownHost string) bool {
	u = strings.TrimSpace(u)
	if strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "#") {
		return false
	}
	p, err := url.Parse(u)
	if err != nil {
		return true
	}
	return p.Host != "" && p.Host != ownHost || p.Scheme != "" && p.Scheme != "http" && p.Scheme != "https"
}

// offsiteInHTML lists what an HTML page would load from elsewhere.
func offsiteInHTML(t *testing.T, page []byte, ownHost string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(string(page)))
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	check := func(what, u string) {
		if foreign(u, ownHost) {
			found = append(found, what+" "+u)
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attrs := map[string]string{}
			for _, a := range n.Attr {
				attrs[a.Key] = a.Val
			}
			for k, v := range attrs {
				switch {
				case k == "srcset" || k == "imagesrcset":
					for _, c := range strings.Split(v, ",") {
						if f := strings.Fields(c); len(f) > 0 {
							check("<"+n.Data+" "+k+">", f[0])
						}
					}
				case fetchingAttrs[k]:
					check("<"+n.Data+" "+k+">", v)
				case k == "style":
					for _, m := range cssURL.FindAllStringSubmatch(v, -1) {
						check("style url()", m[1]+m[2])
					}
				case k == "href" && (n.Data == "image" || n.Data == "use" || n.Data == "base"):
					check("<"+n.Data+" href>", v)
				}
			}
			if n.Data == "link" {
				for _, rel := range strings.Fields(strings.ToLower(attrs["rel"])) {
					if fetchingRels[rel] {
						check("<link rel="+rel+">", attrs["href"])
					}
				}
			}
			if n.Data == "style" && n.FirstChild != nil {
				for _, m := range cssURL.FindAllStringSubmatch(n.FirstChild.Data, -1) {
					check("<style> url()", m[1]+m[2])
				}
			}
			if n.Data == "script" && n.FirstChild != nil && attrs["type"] != "application/ld+json" {
				found = append(found, offsiteInJS(n.FirstChild.Data, ownHost)...)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return found
}

// offsiteInJS lists the imports and addresses a script would load from
// elsewhere; an address written in a comment counts too, which errs on the
// safe side.
func offsiteInJS(src, ownHost string) []string {
	var found []string
	for _, m := range jsImport.FindAllStringSubmatch(src, -1) {
		if foreign(m[1], ownHost) {
			found = append(found, "script import "+m[1])
		}
	}
	for _, m := range jsAbsURL.FindAllStringSubmatch(src, -1) {
		if foreign(m[1], ownHost) {
			found = append(found, "script address "+m[1])
		}
	}
	return found
}

func offsiteInCSS(src, ownHost string) []string {
	var found []string
	for _, m := range cssURL.FindAllStringSubmatch(src, -1) {
		if foreign(m[1]+m[2], ownHost) {
			found = append(found, "css "+m[1]+m[2])
		}
	}
	return found
}

// offsiteInSite checks every page, stylesheet, script and image of a built site.
func offsiteInSite(t *testing.T, out, ownHost string) (checked int, found []string) {
	t.Helper()
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if strings.HasPrefix(filepath.ToSlash(rel), "pagefind/") {
			return nil // Pagefind's own files, checked where they are built
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var f []string
		switch filepath.Ext(p) {
		case ".html":
			f = offsiteInHTML(t, b, ownHost)
		case ".css":
			f = offsiteInCSS(string(b), ownHost)
		case ".js":
			f = offsiteInJS(string(b), ownHost)
		case ".svg":
			for _, m := range svgAttURL.FindAllStringSubmatch(string(b), -1) {
				if foreign(m[1], ownHost) {
					f = append(f, "svg "+m[1])
				}
			}
		default:
			return nil
		}
		checked++
		for _, x := range f {
			found = append(found, filepath.ToSlash(rel)+": "+x)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return checked, found
}

func TestNothingLoadsFromAnotherHost(t *testing.T) {
	// The real site, and a copy with filing numbers, whose footer links to
	// the filing systems abroad of the site's own host.
	cfg, fixture := withConfig(t, "filing:\n  icp: 鲁ICP备12345678号-1\n  police: 鲁公网安备 37020202000123号\n")
	if code, stdout, stderr := runCmd("build", "--config", cfg); code != 0 {
		t.Fatalf("build: %s%s", stdout, stderr)
	}
	for _, out := range []string{buildReal(t), fixture} {
		checked, found := offsiteInSite(t, out, "example.org")
		for _, f := range found {
			t.Errorf("loads from another host: %s", f)
		}
		if checked < 28 {
			t.Errorf("checked only %d files", checked)
		}
	}
}

// The checks find what they look for: a page with a web font, analytics, a
// CDN script and an image from elsewhere fails on each.
func TestOffsiteChecksCatchWhatTheyLookFor(t *testing.T) {
	page := `<!DOCTYPE html><html><head>
<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Noto+Sans+SC">
<link rel="preconnect" href="https://fonts.gstatic.com">
<link rel="icon" href="//cdn.example.com/favicon.ico">
<link rel="canonical" href="https://example.org/zh/">
<link rel="stylesheet" href="/style.0123456789.css">
<script src="https://hm.baidu.com/hm.js?abc"></script>
<script>import("https://cdn.jsdelivr.net/npm/x.js")</script>
<script type="application/ld+json">{"@context":"https://schema.org"}</script>
</head><body>
<img src="https://img.example.com/a.png" srcset="/a.png 1x, https://img.example.com/a2.png 2x">
<div style="background: url('https://img.example.com/b.png')"></div>
<a href="https://beian.miit.gov.cn/">鲁ICP备12345678号</a>
</body></html>`
	found := offsiteInHTML(t, []byte(page), "example.org")
	for _, want := range []string{"fonts.googleapis.com", "fonts.gstatic.com", "cdn.example.com", "hm.baidu.com", "cdn.jsdelivr.net",
		"img.example.com/a.png", "img.example.com/a2.png", "img.example.com/b.png"} {
		if !strings.Contains(strings.Join(found, "\n"), want) {
			t.Errorf("not found: %s (found %v)", want, found)
		}
	}
	if s := strings.Join(found, "\n"); strings.Contains(s, "beian") || strings.Contains(s, "schema.org") || strings.Contains(s, "example.org/zh") {
		t.Errorf("a link, a data block or the site's own address counted: %v", found)
	}
	if f := offsiteInCSS(`@import "https://fonts.googleapis.com/x.css"; a{background:url(/a.png)} @font-face{src:url(https://fonts.gstatic.com/a.woff2)}`, "example.org"); len(f) != 2 {
		t.Errorf("css: %v", f)
	}
	if f := offsiteInJS(`import x from "https://esm.sh/x"; import("./pagefind/pagefind.js"); fetch('https://api.example.net/q')`, "example.org"); len(f) < 2 {
		t.Errorf("js: %v", f)
	}
}
