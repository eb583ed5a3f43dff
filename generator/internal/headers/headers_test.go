package headers

import (
	"strings"
	"testing"
)

// match is how Netlify and Cloudflare Pages read a _headers path: "*" matches
// any run of characters, "/" included.
func match(pattern, p string) bool {
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

// headersFor collects the headers every matching rule sets for p, as a host
// does; values of a header set twice are joined, which is what Rules avoids.
func headersFor(rules []Rule, p string) map[string][]string {
	got := map[string][]string{}
	for _, r := range rules {
		if match(r.Path, p) {
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
