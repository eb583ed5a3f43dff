package config

import (
	"path/filepath"
	"strings"
	"testing"

	"leitai/generator/internal/diag"
)

// loadYAML writes yaml as config.yaml (with themes/default/) into a fresh
// folder and loads it with o.
func loadYAML(t *testing.T, yaml string, o Overrides) (*Config, diag.List) {
	t.Helper()
	return Load(writeConfig(t, yaml), o)
}

func only(t *testing.T, problems diag.List, want string) {
	t.Helper()
	if len(problems) != 1 {
		t.Fatalf("problems %v, want one: %s", problems, want)
	}
	p := problems[0]
	if got := p.Pos.String() + ": " + p.Msg; !strings.Contains(got, string(filepath.Separator)+want) {
		t.Errorf("got  %s\nwant %s…", got, want)
	}
	if p.Hint == "" {
		t.Error("no hint")
	}
}

func TestFine(t *testing.T) {
	cfg, problems := loadYAML(t, baseConfig, Overrides{})
	if cfg == nil || len(problems) > 0 {
		t.Fatalf("config refused: %v", problems)
	}
}

// A theme that does not exist is reported on the line that names it.
func TestMissingThemeAtItsLine(t *testing.T) {
	cfg, problems := loadYAML(t, baseConfig+"\n# the look\ntheme: nosuch\n", Overrides{})
	if cfg != nil {
		t.Error("accepted")
	}
	only(t, problems, "config.yaml:8:8: theme folder ")
}

// A base URL with a user name or password is refused: it would be published
// in every page's links, feeds and sitemap.
func TestBaseURLWithCredentials(t *testing.T) {
	for _, u := range []string{"https://editor:hunter2@example.org/", "https://token@example.org/pledges/", "http://:pw@example.org/"} {
		cfg, problems := loadYAML(t, strings.Replace(baseConfig, "https://example.org/", u, 1), Overrides{})
		if cfg != nil {
			t.Errorf("%s accepted", u)
		}
		only(t, problems, "config.yaml:1:10: baseURL must not hold a user name or password")
		if strings.Contains(problems[0].Msg, "hunter2") {
			t.Errorf("the password is repeated in the message: %s", problems[0].Msg)
		}
		_, problems = loadYAML(t, baseConfig, Overrides{BaseURL: u})
		if len(problems) != 1 || problems[0].File != "--baseURL" || !strings.HasPrefix(problems[0].Msg, "baseURL must not hold a user name or password") {
			t.Errorf("--baseURL %s: %v", u, problems)
		}
	}
}

// markdown.unsafe is read, and only as true or false.
func TestMarkdownUnsafe(t *testing.T) {
	for _, c := range []struct {
		yaml     string
		want, ok bool
	}{
		{"", false, true},
		{"markdown: {unsafe: true}\n", true, true},
		{"markdown: {unsafe: false}\n", false, true},
		{"markdown: {unsafe: raw}\n", false, false},
	} {
		cfg, problems := loadYAML(t, baseConfig+c.yaml, Overrides{})
		if problems.HasErrors() != !c.ok {
			t.Errorf("%q: problems %v", c.yaml, problems)
		}
		if cfg != nil && cfg.UnsafeHTML != c.want {
			t.Errorf("%q: UnsafeHTML %v, want %v", c.yaml, cfg.UnsafeHTML, c.want)
		}
	}
}
