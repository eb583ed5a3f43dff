package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// escapes is what a hostile file name or value holds: a title change (OSC 0)
// ended by a bell, then a screen clear.
const escapes = "\x1b]0;owned\x07\x1b[2J"

// terminalControl returns the first character in s that a terminal would act on,
// other than the line breaks and tabs the output is laid out with.
func terminalControl(s string) (string, bool) {
	for i, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
			return fmt.Sprintf("%q at byte %d", r, i), true
		case r == utf8.RuneError:
			return fmt.Sprintf("an invalid byte at %d", i), true
		}
	}
	return "", false
}

// A file name and a YAML value holding terminal escapes are reported with the
// escapes written out, in text, in JSON and in GitHub's annotations.
func TestCheckPrintsNoTerminalEscapes(t *testing.T) {
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	applyEdits(t, root, []edit{
		{"content/departments/alpha.yaml", "  en: Alpha Bureau", "  en: Alpha " + escapes + "Bureau"},
		{"content/departments/evil" + escapes + ".yaml", "", "order: 3\n"},
	})
	t.Setenv("GITHUB_ACTIONS", "true")
	for _, format := range []string{"text", "json"} {
		code, stdout, stderr := runCmd("check", "--config", cfg, "--format", format)
		if code != 1 {
			t.Fatalf("%s: exit %d, want 1\n%s%s", format, code, stdout, stderr)
		}
		for name, out := range map[string]string{"stdout": stdout, "stderr": stderr} {
			if c, bad := terminalControl(out); bad {
				t.Errorf("%s, %s: prints %s:\n%q", format, name, c, out)
			}
		}
		all := stdout + stderr
		if format == "text" {
			for _, want := range []string{
				`content/departments/evil\x1b]0;owned\x07\x1b[2J.yaml`,
				`  en: Alpha \x1b]0;owned\x07\x1b[2JBureau`,
				`::error file=content/departments/evil\x1b]0;owned\x07\x1b[2J.yaml,line=`,
			} {
				if !strings.Contains(all, want) {
					t.Errorf("text output lacks %s:\n%s", want, all)
				}
			}
		} else if !strings.Contains(stdout, `"file": "content/departments/evil\u001b]0;owned\u0007\u001b[2J.yaml"`) {
			t.Errorf("JSON does not keep the file name, escaped:\n%s", stdout)
		}
	}
}
