package headers

import (
	"strings"
	"testing"
)

// headersFor collects the headers every matching rule sets for p, as a host
// does; values of a header set twice are joined, which is what Rules avoids.
func headersFor(rules []Rule, p string) map[string][]string {
	got := map[string][]string{}
	for _, r := range rules {
		if Match(r.Path, p) {
			for _, h := range r.Headers {
				got[h[0]] = append(got[h[0]], h[1])
			}
		}
	}
	return got
}

func TestRulesGiveEachPathOneValuePerHeader(t *testing.T) {
	for _, base := range []string{"/", "/pledges/"} {
		s := Site{
			BasePath:      base,
			Languages:     []string{"zh", "en"},
			Fingerprinted: []string{"style.0123456789.css", "search.abcdef0123.js"},
			Other:         []string{"favicon.svg"},
		}
		rules := Rules(s)
		cases := map[string]string{
			base:                                     Short,
			base + "index.html":                      Short,
			base + "404.html":                        Short,
			base + "zh/":                             Short,
			base + "en/departments/finance/":         Short,
			base + "zh/data/pledges.csv":             Short,
			base + "pagefind/pagefind.js":            Short,
			base + "favicon.svg":                     Short,
			base + "style.0123456789.css":            Immutable,
			base + "search.abcdef0123.js":            Immutable,
			base + "zh/search/index.html":            Short,
			base + "pagefind/index/en_ab12.pf_index": Short,
		}
		for p, cache := range cases {
			h := headersFor(rules, p)
			for name, vals := range h {
				if len(vals) > 1 {
					t.Errorf("%s: %s set by %d rules: %q", p, name, len(vals), vals)
				}
			}
			if got := h["Cache-Control"]; len(got) != 1 || got[0] != cache {
				t.Errorf("%s: Cache-Control = %q, want %q", p, got, cache)
			}
			if got := h["Content-Security-Policy"]; len(got) != 1 || got[0] != CSP {
				t.Errorf("%s: no Content-Security-Policy", p)
			}
		}
	}
}

func TestCSPAllowsNoInlineCode(t *testing.T) {
	for _, bad := range []string{"'unsafe-inline'", "'unsafe-eval'", "*", "http:"} {
		if strings.Contains(CSP, bad) {
			t.Errorf("CSP contains %s", bad)
		}
	}
	for _, want := range []string{"script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "object-src 'none'"} {
		if !strings.Contains(CSP, want) {
			t.Errorf("CSP lacks %s", want)
		}
	}
}

func TestBytesFormat(t *testing.T) {
	b := string(Bytes(Site{BasePath: "/", Languages: []string{"zh"}, Fingerprinted: []string{"style.0123456789.css"}}))
	if !strings.Contains(b, "\n/style.0123456789.css\n  Cache-Control: "+Immutable+"\n") {
		t.Errorf("_headers:\n%s", b)
	}
	for i, line := range strings.Split(strings.TrimSuffix(b, "\n"), "\n") {
		if !(strings.HasPrefix(line, "#") || strings.HasPrefix(line, "/") || strings.HasPrefix(line, "  ") && strings.Contains(line, ": ")) {
			t.Errorf("line %d is neither a comment, a path nor an indented header: %q", i+1, line)
		}
	}
}

func TestMatchReadsPatternsAsHostsDo(t *testing.T) {
	for _, c := range []struct {
		pattern, path string
		want          bool
	}{
		{"/*", "/zh/index.html", true},
		{"/zh/*", "/zh/departments/finance/", true},
		{"/zh/*", "/en/index.html", false},
		{"/style.0123456789.css", "/style.0123456789.css", true},
		{"/style.0123456789.css", "/style.0123456789.css.map", false},
		{"/pledges/", "/pledges/", true},
		{"/pledges/", "/pledges/zh/", false},
		{"/a*b*c", "/axxbyyc", true},
		{"/a*b*c", "/axxcyyb", false},
	} {
		if got := Match(c.pattern, c.path); got != c.want {
			t.Errorf("Match(%q, %q) = %v, want %v", c.pattern, c.path, got, c.want)
		}
	}
}

// For reads the rules _headers is written from: whatever a host that reads
// the file sends as Cache-Control, an object is given the same.
func TestForAgreesWithTheRules(t *testing.T) {
	s := Site{BasePath: "/", Languages: []string{"zh", "en"}, Fingerprinted: []string{"style.0123456789.css"}, Other: []string{"favicon.svg"}}
	rules := Rules(s)
	for _, rel := range []string{"index.html", "404.html", "zh/index.html", "en/departments/finance/index.html", "zh/data/pledges.csv",
		"en/data/pledges.json", "en/atom.xml", "style.0123456789.css", "favicon.svg", "sitemap.xml", "robots.txt", "pagefind/pagefind.js"} {
		got := For(rules, "/", rel)
		want := headersFor(rules, "/"+rel)["Cache-Control"]
		if len(want) != 1 || got.CacheControl != want[0] {
			t.Errorf("%s: For gives Cache-Control %q, the rules %q", rel, got.CacheControl, want)
		}
	}
	if got := For(rules, "/", "style.0123456789.css").CacheControl; got != Immutable {
		t.Errorf("fingerprinted stylesheet: %q", got)
	}
	// Only a name with a hash in it is cached for long, also where no rule speaks.
	if got := For(rules, "/", "unknown.bin").CacheControl; got != Short {
		t.Errorf("a file no rule names: %q, want %q", got, Short)
	}
}

func TestContentTypes(t *testing.T) {
	for rel, want := range map[string]string{
		"index.html":                "text/html; charset=utf-8",
		"style.0123456789.css":      "text/css; charset=utf-8",
		"search.0123456789.js":      "text/javascript; charset=utf-8",
		"zh/data/pledges.json":      "application/json; charset=utf-8",
		"zh/data/pledges.csv":       "text/csv; charset=utf-8",
		"en/atom.xml":               "application/atom+xml; charset=utf-8",
		"sitemap.xml":               "application/xml; charset=utf-8",
		"robots.txt":                "text/plain; charset=utf-8",
		"favicon.svg":               "image/svg+xml; charset=utf-8",
		"_headers":                  "text/plain; charset=utf-8",
		"pagefind/wasm.en.pagefind": "application/octet-stream",
		"PHOTO.JPG":                 "image/jpeg",
	} {
		if got := ContentType(rel); got != want {
			t.Errorf("ContentType(%q) = %q, want %q", rel, got, want)
		}
	}
}

func TestFingerprintedByName(t *testing.T) {
	for rel, want := range map[string]bool{
		"style.0123456789.css": true, "search.abcdef0123.js": true,
		"style.css": false, "style.0123456789.css.map": false, "style.012345678.css": false,
		"zh/style.0123456789.css": false, "favicon.svg": false, "style.ABCDEF0123.css": false,
	} {
		if got := Fingerprinted(rel); got != want {
			t.Errorf("Fingerprinted(%q) = %v, want %v", rel, got, want)
		}
	}
}
