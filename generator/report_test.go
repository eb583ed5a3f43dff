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
	want := `::error file=content/departments/alpha.yaml,line=13,col=1::unknown key "pledge" in the file (did you mean "pledges"? (valid keys here: order, group, name, leader, achievements, pledges, statement, corrections, series))
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

// build, like check, prints every problem as a workflow annotation under GitHub
// Actions (GITHUB_ACTIONS=true, which GitHub sets), errors and warnings alike,
// so a pull request shows them on its changed lines; elsewhere it prints none.
func TestBuildGitHubAnnotations(t *testing.T) {
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	out := filepath.Join(t.TempDir(), "public")
	applyEdits(t, root, []edit{{"content/departments/alpha.yaml", "pledges:", "pledge:"}})
	const annotation = `::error file=content/departments/alpha.yaml,line=13,col=1::unknown key "pledge" in the file (did you mean "pledges"? (valid keys here: order, group, name, leader, achievements, pledges, statement, corrections, series))` + "\n"

	t.Setenv("GITHUB_ACTIONS", "true")
	code, stdout, stderr := runCmd("build", "--config", cfg, "--destination", out)
	if code != 1 || stdout != annotation || !strings.Contains(stderr, "1 error") {
		t.Errorf("under GitHub Actions: exit %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", code, stdout, annotation, stderr)
	}
	t.Setenv("GITHUB_ACTIONS", "")
	if code, stdout, _ := runCmd("build", "--config", cfg, "--destination", out); code != 1 || stdout != "" {
		t.Errorf("outside GitHub Actions: exit %d, stdout %q; want 1 and nothing", code, stdout)
	}

	// A warning does not stop the build, and is annotated too.
	applyEdits(t, root, []edit{
		{"content/departments/alpha.yaml", "pledge:", "pledges:"},
		{"config.yaml", "languages:", "translations: {pending: true}\nlanguages:"},
		{"content/departments/alpha.yaml", "  en: Alpha Bureau\n", ""},
	})
	t.Setenv("GITHUB_ACTIONS", "true")
	code, stdout, stderr = runCmd("build", "--config", cfg, "--destination", out)
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if code != 0 || len(lines) != 2 || !strings.HasPrefix(lines[0], "::warning file=content/departments/alpha.yaml,line=5,col=3::name has no en translation yet") ||
		!strings.HasPrefix(lines[1], "built ") {
		t.Errorf("a warning under GitHub Actions: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}
