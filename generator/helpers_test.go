package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"leitai/generator/internal/testsite"
)

// copySite copies a site (config.yaml and content/ from src, themes/ from the
// repository) into a fresh folder, so a test can break it without touching the
// original. It returns the path of the copy's config.yaml.
func copySite(t *testing.T, src string) string {
	t.Helper()
	return filepath.Join(testsite.CopyFrom(t, src), "config.yaml")
}

// runCmd runs the generator as the command line would and returns its exit
// status and output.
func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// jsonProblem is one problem as `--format json` prints it.
type jsonProblem struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
}

func (p jsonProblem) String() string {
	return strings.Join([]string{p.File, itoa(p.Line), itoa(p.Col), " " + p.Severity, " " + p.Message}, ":")
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// checkJSON runs `check --format json` on the site whose config is cfg.
func checkJSON(t *testing.T, cfg string) (int, []jsonProblem) {
	t.Helper()
	code, stdout, stderr := runCmd("check", "--config", cfg, "--format", "json")
	var ps []jsonProblem
	if err := json.Unmarshal([]byte(stdout), &ps); err != nil {
		t.Fatalf("check --format json printed no JSON (%v):\n%s%s", err, stdout, stderr)
	}
	return code, ps
}

// edit changes a site file: replaces old (which must occur exactly once) by new,
// or, when old is empty, writes new as the whole file; a nil-like "-" removes it.
type edit struct{ file, old, new string }

func applyEdits(t *testing.T, root string, edits []edit) {
	t.Helper()
	for _, e := range edits {
		p := filepath.Join(root, filepath.FromSlash(e.file))
		if e.new == "-" && e.old == "" {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		data := e.new
		if e.old != "" {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(string(b), e.old); n != 1 {
				t.Fatalf("%s: %q occurs %d times, want once", e.file, e.old, n)
			}
			data = strings.Replace(string(b), e.old, e.new, 1)
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// pages reads the pages of a site built into out, and reports on t what they
// lack or should not have.
type pages struct {
	t   *testing.T
	out string
}

// page is the file at the slash-separated path rel of the built site.
func (c pages) page(rel string) string {
	c.t.Helper()
	return read(c.t, filepath.Join(c.out, filepath.FromSlash(rel)))
}

// has reports s, the text of where, when it lacks want.
func (c pages) has(where, s, want string) {
	c.t.Helper()
	if !strings.Contains(s, want) {
		c.t.Errorf("%s lacks %q", where, want)
	}
}

// hasNot reports s, the text of where, when it has unwanted.
func (c pages) hasNot(where, s, unwanted string) {
	c.t.Helper()
	if strings.Contains(s, unwanted) {
		c.t.Errorf("%s has %q", where, unwanted)
	}
}
