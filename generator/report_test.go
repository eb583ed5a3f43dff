package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// What an editor reads in the terminal: position, message, the offending line
// with a caret under the column, and a hint; and what a pull request shows.
func TestCheckTextReport(t *testing.T) {
	cfg := copySite(t, checkSite)
	applyEdits(t, filepath.Dir(cfg), []edit{
		{"content/departments/alpha.yaml", "pledges:", "pledge:"},
		{"content/departments/alpha.yaml", "en: Completed 254.1", "en: Completed: 254.1"},
	})
	code, stdout, stderr := runCmd("check", "--config", cfg)
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	want := `content/departments/alpha.yaml:12:18: error: YAML syntax: mapping values are not allowed in this context
        en: Completed: 254.1 billion yuan of investment
                     ^
    hint: a value containing “: ” must be quoted, or written as a block with |
1 error
`
	if stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}
	if stdout != "" {
		t.Errorf("stdout outside GitHub Actions: %q", stdout)
	}
}

func TestCheckCaretUnderChinese(t *testing.T) {
	cfg := copySite(t, checkSite)
	applyEdits(t, filepath.Dir(cfg), []edit{{"content/departments/alpha.yaml", "(/departments/beta/)。", "(/departments/gamma/)。"}})
	_, _, stderr := runCmd("check", "--config", cfg)
	// The caret sits under “[”: four spaces of indent, then 要抓落实，见 (six wide
	// characters, two cells each).
	want := "        要抓落实，见[乙局](/departments/gamma/)。\n" +
		"    " + "    " + strings.Repeat("  ", 6) + "^\n"
	if !strings.Contains(stderr, want) {
		t.Errorf("caret not under the link:\n%s", stderr)
	}
}

func TestCheckGitHubAnnotations(t *testing.T) {
	t.Setenv("GITHUB_ACTIONS", "true")
	cfg := copySite(t, checkSite)
	applyEdits(t, filepath.Dir(cfg), []edit{
		{"content/departments/alpha.yaml", "pledges:", "pledge:"},
		{"content/departments/beta.yaml", "order: 2", "order: 1"},
	})
	code, stdout, stderr := runCmd("check", "--config", cfg)
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	want := `::error file=content/departments/alpha.yaml,line=13,col=1::unknown key "pledge" in the file (did you mean "pledges"? (valid keys here: order, group, name, leader, achievements, pledges, statement, corrections))
::error file=content/departments/beta.yaml,line=2,col=8::order 1 is already used by content/departments/alpha.yaml (each department needs its own order; the next free one is 2)
`
	if stdout != want {
		t.Errorf("annotations:\n%s\nwant:\n%s", stdout, want)
	}
	if !strings.Contains(stderr, "2 errors") {
		t.Errorf("the terminal report is missing:\n%s", stderr)
	}
}

func TestCheckJSONWhenFine(t *testing.T) {
	code, stdout, _ := runCmd("check", "--config", copySite(t, checkSite), "--format", "json")
	if code != 0 || strings.TrimSpace(stdout) != "[]" {
		t.Errorf("exit %d, stdout %q; want 0 and []", code, stdout)
	}
}
