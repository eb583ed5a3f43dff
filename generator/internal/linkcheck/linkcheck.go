// Package linkcheck reads a built site from disk and finds links that lead
// nowhere: every href and src in every HTML file that points inside the site must
// name a file that exists. It knows nothing of how the site was built, so it
// checks the output as a reader's browser would meet it.
package linkcheck

import (
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Link is one link found in a page.
type Link struct {
	Page string // the page's file, relative to the site folder
	Attr string // href or src
	URL  string
}

// Broken is a link whose target does not exist.
type Broken struct {
	Link
	Reason string
}

func (b Broken) String() string { return fmt.Sprintf("%s: %s=%q: %s", b.Page, b.Attr, b.URL, b.Reason) }

var attrRE = regexp.MustCompile(`\s(href|src|content)="([^"]*)"`)

// Links lists the links in one HTML file. content= is read only for refresh
// redirects (url=…).
func Links(page string, data []byte) []Link {
	var out []Link
	for _, m := range attrRE.FindAllStringSubmatch(string(data), -1) {
		attr, val := m[1], html.UnescapeString(m[2])
		if attr == "content" {
			i := strings.Index(strings.ToLower(val), "url=")
			if i < 0 {
				continue
			}
			val = strings.TrimSpace(val[i+4:])
		}
		out = append(out, Link{Page: page, Attr: attr, URL: val})
	}
	return out
}

// Check walks dir (a built site served at base, e.g. https://example.org/pledges/)
// and returns every internal link whose target file is missing. Links to other
// hosts are not followed.
func Check(dir, base string) ([]Broken, error) {
	b, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	var broken []Broken
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		pageURL := b.ResolveReference(&url.URL{Path: pageDir(rel)})
		for _, l := range Links(rel, data) {
			if reason := resolve(dir, b, pageURL, l.URL); reason != "" {
				broken = append(broken, Broken{Link: l, Reason: reason})
			}
		}
		return nil
	})
	sort.Slice(broken, func(i, j int) bool { return broken[i].String() < broken[j].String() })
	return broken, err
}

// pageDir is the URL path a page file is served at, relative to the base.
func pageDir(rel string) string {
	if path.Base(rel) == "index.html" {
		d := path.Dir(rel)
		if d == "." {
			return ""
		}
		return d + "/"
	}
	return rel
}

// resolve says why ref, found on the page at pageURL, leads nowhere, or "".
func resolve(dir string, base, pageURL *url.URL, ref string) string {
	if ref == "" {
		return "empty link"
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "not a URL: " + err.Error()
	}
	target := pageURL.ResolveReference(u)
	if target.Scheme != "http" && target.Scheme != "https" {
		return "" // mailto:, tel: and the like
	}
	if target.Host != base.Host {
		return ""
	}
	if !strings.HasPrefix(target.Path, base.Path) {
		return "outside the site's base path " + base.Path
	}
	rel := strings.TrimPrefix(target.Path, base.Path)
	file := filepath.Join(dir, filepath.FromSlash(rel))
	if rel == "" || strings.HasSuffix(rel, "/") {
		file = filepath.Join(file, "index.html")
	}
	st, err := os.Stat(file)
	if err != nil {
		return "no such file " + filepath.ToSlash(strings.TrimPrefix(file, dir))
	}
	if st.IsDir() {
		return "a folder without index.html"
	}
	if target.Fragment != "" && strings.HasSuffix(file, ".html") {
		data, err := os.ReadFile(file)
		if err == nil && !strings.Contains(string(data), `id="`+target.Fragment+`"`) {
			return "no element with id " + target.Fragment
		}
	}
	return ""
}
