package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"leitai/generator/internal/diag"
)

// load writes a config.yaml (and themes/default/) into a fresh folder and loads it.
func load(t *testing.T, yaml string, o Overrides) (*Config, diag.List) {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "themes", "default"), 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(p, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return Load(p, o)
}

const base = `# a site
baseURL: https://example.org/
title: {zh: 测试, en: Test}
languages:
  - {code: zh, lang: zh-Hans, name: 中文}
  - {code: en, lang: en, name: English}
`

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
	cfg, problems := load(t, base, Overrides{})
	if cfg == nil || len(problems) > 0 {
		t.Fatalf("config refused: %v", problems)
	}
}

// A theme that does not exist is reported on the line that names it.
func TestMissingThemeAtItsLine(t *testing.T) {
	cfg, problems := load(t, base+"\n# the look\ntheme: nosuch\n", Overrides{})
	if cfg != nil {
		t.Error("accepted")
	}
	only(t, problems, "config.yaml:9:8: theme folder ")
}

// A base URL with a user name or password is refused: it would be published
// in every page's links, feeds and sitemap.
func TestBaseURLWithCredentials(t *testing.T) {
	for _, u := range []string{"https://editor:hunter2@example.org/", "https://token@example.org/pledges/", "http://:pw@example.org/"} {
		cfg, problems := load(t, strings.Replace(base, "https://example.org/", u, 1), Overrides{})
		if cfg != nil {
			t.Errorf("%s accepted", u)
		}
		only(t, problems, "config.yaml:2:10: baseURL must not hold a user name or password")
		if strings.Contains(problems[0].Msg, "hunter2") {
			t.Errorf("the password is repeated in the message: %s", problems[0].Msg)
		}
		_, problems = load(t, base, Overrides{BaseURL: u})
		if len(problems) != 1 || problems[0].File != "--baseURL" || !strings.HasPrefix(problems[0].Msg, "baseURL must not hold a user name or password") {
			t.Errorf("--baseURL %s: %v", u, problems)
		}
	}
}
