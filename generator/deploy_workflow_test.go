package main

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
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

// The deploy to object storage, read from its parsed structure with its if:
// conditions evaluated: it never runs on a pull request, does nothing until the
// repository variable turns it on, deploys main only, and only once the tests
// (.ci/run, as publish.yml runs them) have passed.
func TestDeployWorkflowStructure(t *testing.T) {
	checkDeployWorkflow(t, parseWorkflow(t, deployWorkflow))
}

func checkDeployWorkflow(t testing.TB, wf *actionlint.Workflow) {
	t.Helper()
	for _, e := range wf.On {
		if name := e.EventName(); name != "push" && name != "workflow_dispatch" {
			t.Errorf("the workflow runs on %s; it runs on pushes to main and by hand only", name)
		}
	}
	for _, c := range []struct {
		tr           trigger
		test, deploy bool
	}{
		{pushMain.withVar("DEPLOY_TO_BUCKET", "true"), true, true},
		{dispatch.withVar("DEPLOY_TO_BUCKET", "true"), true, true},
		{dispatchBranch.withVar("DEPLOY_TO_BUCKET", "true"), true, false},
		{pushMain, false, false},
		{pushMain.withVar("DEPLOY_TO_BUCKET", "false"), false, false},
		{dispatch, false, false},
	} {
		ran := runs(t, wf, c.tr)
		if ran["test"] != c.test {
			t.Errorf("on %s the test job runs: %v, want %v", c.tr.name, ran["test"], c.test)
		}
		if ran["deploy"] != c.deploy {
			t.Errorf("on %s the deploy job runs: %v, want %v", c.tr.name, ran["deploy"], c.deploy)
		}
	}
	// The workflow has no pull_request trigger; were one added, the deploy
	// would still refuse to run on it.
	if runs(t, wf, pullRequest.withVar("DEPLOY_TO_BUCKET", "true"))["deploy"] {
		t.Error("the deploy job would run on a pull request")
	}

	checkTestJob(t, wf)
	deploy := wf.Jobs["deploy"]
	if deploy == nil {
		t.Fatal("no deploy job")
	}
	if needs := needsOf(deploy); !slices.Contains(needs, "test") {
		t.Errorf("deploy needs %v; it must wait for the tests", needs)
	}
	if lines := runLines(deploy); !slices.Contains(lines, "go run ./generator deploy") {
		t.Errorf("the deploy job does not run go run ./generator deploy: %q", lines)
	}
}

// The structure test must refuse a deploy workflow that breaks what it checks.
func TestDeployWorkflowStructureCatchesMistakes(t *testing.T) {
	catchesMistakes(t, deployWorkflow, checkDeployWorkflow, []workflowMistake{
		{"deploys without the tests", "    needs: test\n", "", "it must wait for the tests"},
		{"tests whatever the variable says", "  test:\n    if: vars.DEPLOY_TO_BUCKET == 'true'\n", "  test:\n", "on a push to main the test job runs: true, want false"},
		{"deploys whatever the variable says", "vars.DEPLOY_TO_BUCKET == 'true'", "true", "on a push to main the deploy job runs: true, want false"},
		{"deploys a branch run by hand", " && github.ref == 'refs/heads/main'", "", "on a run by hand on another branch with DEPLOY_TO_BUCKET=true the deploy job runs: true, want false"},
		{"runs on pull requests", "  workflow_dispatch:\n", "  pull_request:\n  workflow_dispatch:\n", "the workflow runs on pull_request"},
		{"tests without .ci/run", "run: bash .ci/run", "run: go test ./...", "does not run .ci/run"},
	})
}
