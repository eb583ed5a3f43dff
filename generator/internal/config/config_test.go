package config

import (
	"os"
	"path/filepath"
	"testing"
)

// markdown.unsafe is read, and only as true or false.
func TestMarkdownUnsafe(t *testing.T) {
	base := "baseURL: https://example.org/\ntitle: {zh: 甲, en: A}\nlanguages:\n  - {code: zh, lang: zh-Hans, name: 中文}\n  - {code: en, lang: en, name: English}\n"
	for _, c := range []struct {
		yaml     string
		want, ok bool
	}{
		{"", false, true},
		{"markdown: {unsafe: true}\n", true, true},
		{"markdown: {unsafe: false}\n", false, true},
		{"markdown: {unsafe: raw}\n", false, false},
	} {
		dir := t.TempDir()
		if err := os.MkdirAll(filepath.Join(dir, "themes", "default"), 0o755); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, "config.yaml")
		if err := os.WriteFile(p, []byte(base+c.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, problems := Load(p, Overrides{})
		if problems.HasErrors() != !c.ok {
			t.Errorf("%q: problems %v", c.yaml, problems)
		}
		if cfg != nil && cfg.UnsafeHTML != c.want {
			t.Errorf("%q: UnsafeHTML %v, want %v", c.yaml, cfg.UnsafeHTML, c.want)
		}
	}
}
