package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// buildSite builds the site whose config is cfg into a fresh folder.
func buildSite(t *testing.T, cfg string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if code, stdout, stderr := runCmd("build", "--config", cfg, "--destination", out); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	return out
}

var stylesheetRE = regexp.MustCompile(`<link rel="stylesheet" href="/(style\.[0-9a-f]{10}\.css)">`)

// stylesheet returns the name of the one stylesheet in out, its bytes, and
// checks that every page links to it.
func stylesheet(t *testing.T, out string) (string, string) {
	t.Helper()
	sheets, err := filepath.Glob(filepath.Join(out, "style.*.css"))
	if err != nil || len(sheets) != 1 {
		t.Fatalf("want one stylesheet, got %v (%v)", sheets, err)
	}
	name := filepath.Base(sheets[0])
	for _, rel := range htmlPages(t, out) {
		m := stylesheetRE.FindStringSubmatch(read(t, filepath.Join(out, rel)))
		if m == nil || m[1] != name {
			t.Errorf("%s links to stylesheet %v, want %s", rel, m, name)
		}
	}
	return name, read(t, sheets[0])
}

// style.<hash>.css may be cached forever, so its name must change whenever the
// bytes readers get do, and only then.
func TestStylesheetNameFollowsItsBytes(t *testing.T) {
	cfg := copySite(t, checkSite)
	css := filepath.Join(filepath.Dir(cfg), "themes", "default", "static", "style.css")
	first, _ := stylesheet(t, buildSite(t, cfg))

	applyEdits(t, filepath.Dir(cfg), []edit{{"themes/default/static/style.css", "", read(t, css) + "\n.s-missed { font-weight: 700; }\n"}})
	second, body := stylesheet(t, buildSite(t, cfg))
	if second == first {
		t.Errorf("the stylesheet changed but kept its name %s", first)
	}
	if !strings.HasSuffix(strings.TrimSpace(body), ".s-missed{font-weight:700}") {
		t.Errorf("%s does not hold the new rule: ...%s", second, body[max(0, len(body)-60):])
	}

	// A comment reaches no reader (the stylesheet is minified): same bytes, same name.
	applyEdits(t, filepath.Dir(cfg), []edit{{"themes/default/static/style.css", "", read(t, css) + "/* a note for the theme's editors */\n"}})
	if third, _ := stylesheet(t, buildSite(t, cfg)); third != second {
		t.Errorf("a comment changed the name from %s to %s, though the bytes served are the same", second, third)
	}
}

// A file in the site's own static/ replaces the theme's file of the same name;
// the theme's other files are still copied.
func TestSiteStaticReplacesTheTheme(t *testing.T) {
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	const icon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>` + "\n"
	const sheet = "body { color: teal; }\n"
	applyEdits(t, root, []edit{
		{"static/favicon.svg", "", icon},
		{"static/style.css", "", sheet},
		{"static/press/contact.txt", "", "desk@example.org\n"},
	})
	out := buildSite(t, cfg)
	if got := read(t, filepath.Join(out, "favicon.svg")); got != icon {
		t.Errorf("favicon.svg is not the site's: %q", got)
	}
	if _, body := stylesheet(t, out); strings.TrimSpace(body) != "body{color:teal}" {
		t.Errorf("the stylesheet is not the site's: %d bytes, %q…", len(body), body[:min(len(body), 40)])
	}
	if got := read(t, filepath.Join(out, "press", "contact.txt")); got != "desk@example.org\n" {
		t.Errorf("press/contact.txt = %q", got)
	}
	if js, err := filepath.Glob(filepath.Join(out, "search.*.js")); err != nil || len(js) != 1 {
		t.Errorf("the theme's search.js is not copied beside the site's files: %v", js)
	}
}
