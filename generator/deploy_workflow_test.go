package main

import (
	"os"
	"strings"
	"testing"
)

const deployWorkflow = "../.github/workflows/deploy-bucket.yml"

// The deploy to object storage lints clean (actionlint, with shellcheck on its
// scripts), is off until a repository variable turns it on, builds what the
// Pages workflow builds, and hands the keys to the deploy only through the
// environment.
func TestDeployWorkflowLints(t *testing.T) {
	src, err := os.ReadFile(deployWorkflow)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range lintWorkflow(t, deployWorkflow, src) {
		t.Errorf("%s:%d:%d: %s [%s]", deployWorkflow, e.Line, e.Column, e.Message, e.Kind)
	}
	wf := string(src)
	for _, want := range []string{
		"if: vars.DEPLOY_TO_BUCKET == 'true'",
		"go run ./generator check",
		`go run ./generator build --baseURL "${BASE_URL%/}/"`,
		"npx --no-install pagefind --site public",
		"go run ./generator deploy",
		"AWS_ACCESS_KEY_ID: ${{ secrets.DEPLOY_ACCESS_KEY_ID }}",
		"AWS_SECRET_ACCESS_KEY: ${{ secrets.DEPLOY_SECRET_ACCESS_KEY }}",
		"cancel-in-progress: false",
		"branches: [main]",
	} {
		if !strings.Contains(wf, want) {
			t.Errorf("deploy-bucket.yml lacks %q", want)
		}
	}
	// A secret in a run: script would be pasted into the script's text.
	for i, line := range strings.Split(wf, "\n") {
		if strings.Contains(line, "secrets.") && !strings.Contains(line, ": ${{ secrets.") {
			t.Errorf("deploy-bucket.yml:%d: a secret used outside env: %s", i+1, line)
		}
	}
	// The linter sees this file's mistakes too.
	bad := strings.Replace(wf, "inputs.dry_run", "inputs.dryrun", 1)
	if len(lintWorkflow(t, deployWorkflow, []byte(bad))) == 0 {
		t.Error("actionlint found no mistake in an undefined input")
	}
}
