package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"

	"leitai/generator/internal/headers"
)

const publishWorkflow = "../.github/workflows/publish.yml"

// lintWorkflow runs actionlint on a workflow: syntax, expressions, the inputs
// and outputs of well-known actions, job dependencies, and (when shellcheck is
// installed) the run: scripts.
func lintWorkflow(t *testing.T, path string, src []byte) []*actionlint.Error {
	t.Helper()
	opts := &actionlint.LinterOptions{LogWriter: io.Discard}
	if sc, err := exec.LookPath("shellcheck"); err == nil {
		opts.Shellcheck = sc
	}
	l, err := actionlint.NewLinter(io.Discard, opts)
	if err != nil {
		t.Fatal(err)
	}
	errs, err := l.Lint(path, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	return errs
}

func TestPublishWorkflowLints(t *testing.T) {
	src, err := os.ReadFile(publishWorkflow)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range lintWorkflow(t, publishWorkflow, src) {
		t.Errorf("%s:%d:%d: %s [%s]", publishWorkflow, e.Line, e.Column, e.Message, e.Kind)
	}

	// The workflow publishes what the README says: checked content, built for
	// the Pages address, with a search index, through the official Pages actions.
	wf := string(src)
	for _, want := range []string{
		"go run ./generator check",
		`go run ./generator build --baseURL "${BASE_URL%/}/"`,
		"npx --no-install pagefind --site public",
		"actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@",
		"branches: [main]",
	} {
		if !strings.Contains(wf, want) {
			t.Errorf("publish.yml lacks %q", want)
		}
	}
}

// The linter must catch a mistake, or a passing lint proves nothing.
func TestPublishWorkflowLintCatchesMistakes(t *testing.T) {
	src, err := os.ReadFile(publishWorkflow)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, old, new string }{
		{"unknown action input", "path: public", "folder: public"},
		{"unknown step output", "steps.pages.outputs.base_url", "steps.pages.outputs.base_address"},
		{"job that does not exist", "needs: build", "needs: compile"},
	} {
		bad := strings.Replace(string(src), c.old, c.new, 1)
		if bad == string(src) {
			t.Fatalf("%s: publish.yml does not contain %q", c.name, c.old)
		}
		if errs := lintWorkflow(t, filepath.Base(publishWorkflow), []byte(bad)); len(errs) == 0 {
			t.Errorf("%s: actionlint found nothing", c.name)
		}
	}
}

// The README tells hosts without _headers which policy to set; it must be the
// one the build ships.
func TestReadmeStatesTheShippedPolicy(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{headers.CSP, headers.Immutable, headers.Short} {
		if !strings.Contains(string(readme), want) {
			t.Errorf("README.md does not state %q", want)
		}
	}
}
