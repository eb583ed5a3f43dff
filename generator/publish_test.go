package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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
}

// The workflow does what the README says, read from its parsed structure: on a
// push to main it tests, checks the content, builds for the Pages address with
// a search index, and deploys through the official Pages actions once the
// tests have passed; on a pull request it tests, checks and builds, and
// deploys nothing.
func TestPublishWorkflowStructure(t *testing.T) {
	wf := parseWorkflow(t, publishWorkflow)
	checkPublishWorkflow(t, wf)
}

func parseWorkflow(t testing.TB, path string) *actionlint.Workflow {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return parseWorkflowSource(t, path, src)
}

func parseWorkflowSource(t testing.TB, path string, src []byte) *actionlint.Workflow {
	t.Helper()
	wf, errs := actionlint.Parse(src)
	for _, e := range errs {
		t.Errorf("%s:%d:%d: %s", path, e.Line, e.Column, e.Message)
	}
	if wf == nil {
		t.FailNow()
	}
	return wf
}

// An event the workflow may run on, with the github context an expression sees
// and the repository's variables (vars; an unset one reads as "").
type trigger struct {
	name      string
	eventName string
	ref       string
	vars      map[string]string
}

var (
	pushMain       = trigger{name: "a push to main", eventName: "push", ref: "refs/heads/main"}
	pullRequest    = trigger{name: "a pull request", eventName: "pull_request", ref: "refs/pull/7/merge"}
	dispatch       = trigger{name: "a run by hand on main", eventName: "workflow_dispatch", ref: "refs/heads/main"}
	dispatchBranch = trigger{name: "a run by hand on another branch", eventName: "workflow_dispatch", ref: "refs/heads/draft"}
)

// withVar is tr with the repository variable name set to value.
func (tr trigger) withVar(name, value string) trigger {
	vars := map[string]string{name: value}
	for k, v := range tr.vars {
		if k != name {
			vars[k] = v
		}
	}
	tr.vars = vars
	tr.name += " with " + name + "=" + value
	return tr
}

func checkPublishWorkflow(t testing.TB, wf *actionlint.Workflow) {
	t.Helper()
	events := map[string]actionlint.Event{}
	for _, e := range wf.On {
		events[e.EventName()] = e
	}
	for _, name := range []string{"push", "pull_request", "workflow_dispatch"} {
		if events[name] == nil {
			t.Errorf("the workflow does not run on %s", name)
		}
	}
	if push, ok := events["push"].(*actionlint.WebhookEvent); ok {
		if push.Branches == nil || len(push.Branches.Values) != 1 || push.Branches.Values[0].Value != "main" {
			t.Errorf("push should be limited to main: %+v", push.Branches)
		}
	}

	// Which jobs and steps run on each trigger, by evaluating their if:
	// conditions; a job runs only when every job it needs ran.
	for _, tr := range []trigger{pushMain, pullRequest, dispatch} {
		ran := runs(t, wf, tr)
		for _, job := range []string{"test", "build"} {
			if !ran[job] {
				t.Errorf("on %s the %s job does not run", tr.name, job)
			}
		}
		if deploys := ran["deploy"]; deploys != (tr.eventName != "pull_request") {
			t.Errorf("on %s the deploy job runs: %v", tr.name, deploys)
		}
	}

	checkTestJob(t, wf)

	deploy := wf.Jobs["deploy"]
	if deploy == nil {
		t.Fatal("no deploy job")
	}
	if needs := needsOf(deploy); !slices.Contains(needs, "test") || !slices.Contains(needs, "build") {
		t.Errorf("deploy needs %v; it must wait for the tests and the build", needsOf(deploy))
	}
	if got := uses(deploy); !slices.Contains(got, "actions/deploy-pages") {
		t.Errorf("deploy uses %v, not actions/deploy-pages", got)
	}

	build := wf.Jobs["build"]
	if build == nil {
		t.Fatal("no build job")
	}
	lines := runLines(build)
	for _, want := range []string{
		"go run ./generator check",
		`go run ./generator build --baseURL "${BASE_URL%/}/"`,
		"npx --no-install pagefind --site public",
	} {
		if !slices.Contains(lines, want) {
			t.Errorf("the build job has no step running %q: %q", want, lines)
		}
	}
	for _, action := range []string{"actions/configure-pages", "actions/upload-pages-artifact"} {
		step := stepUsing(build, action)
		if step == nil {
			t.Errorf("the build job does not use %s", action)
			continue
		}
		if stepRuns(t, step, pullRequest) || !stepRuns(t, step, pushMain) {
			t.Errorf("%s should run on a push to main and not on a pull request", action)
		}
	}
}

// checkTestJob checks the workflow's test job runs what CI runs, .ci/run, in
// the Debian image .ci/run installs its tools into.
func checkTestJob(t testing.TB, wf *actionlint.Workflow) {
	t.Helper()
	test := wf.Jobs["test"]
	if test == nil {
		t.Fatal("no test job")
	}
	if got := runLines(test); !slices.Contains(got, "bash .ci/run") {
		t.Errorf("the test job does not run .ci/run: %q", got)
	}
	if test.Container == nil || test.Container.Image == nil || !strings.Contains(test.Container.Image.Value, "bookworm") {
		t.Error("the test job does not run in the Debian image .ci/run installs its tools into")
	}
}

// needsOf lists the jobs a job waits for.
func needsOf(j *actionlint.Job) []string {
	var out []string
	for _, n := range j.Needs {
		out = append(out, n.Value)
	}
	return out
}

// runs says which jobs run on a trigger.
func runs(t testing.TB, wf *actionlint.Workflow, tr trigger) map[string]bool {
	t.Helper()
	ran := map[string]bool{}
	var decide func(id string, seen map[string]bool) bool
	decide = func(id string, seen map[string]bool) bool {
		if r, ok := ran[id]; ok {
			return r
		}
		job := wf.Jobs[id]
		if job == nil || seen[id] {
			t.Fatalf("job %q does not exist or needs itself", id)
		}
		seen[id] = true
		ok := job.If == nil || evalIf(t, job.If.Value, tr)
		for _, n := range job.Needs {
			ok = decide(n.Value, seen) && ok
		}
		ran[id] = ok
		return ok
	}
	for id := range wf.Jobs {
		decide(id, map[string]bool{})
	}
	return ran
}

func stepRuns(t testing.TB, s *actionlint.Step, tr trigger) bool {
	return s.If == nil || evalIf(t, s.If.Value, tr)
}

// runLines is every line of every run: script of a job, trimmed.
func runLines(j *actionlint.Job) []string {
	var out []string
	for _, s := range j.Steps {
		if r, ok := s.Exec.(*actionlint.ExecRun); ok && r.Run != nil {
			for _, l := range strings.Split(r.Run.Value, "\n") {
				out = append(out, strings.TrimSpace(l))
			}
		}
	}
	return out
}

// uses lists the actions a job uses, without their versions.
func uses(j *actionlint.Job) []string {
	var out []string
	for _, s := range j.Steps {
		if a, ok := s.Exec.(*actionlint.ExecAction); ok && a.Uses != nil {
			name, _, _ := strings.Cut(a.Uses.Value, "@")
			out = append(out, name)
		}
	}
	return out
}

func stepUsing(j *actionlint.Job, action string) *actionlint.Step {
	for _, s := range j.Steps {
		if a, ok := s.Exec.(*actionlint.ExecAction); ok && a.Uses != nil && strings.HasPrefix(a.Uses.Value, action+"@") {
			return s
		}
	}
	return nil
}

// evalIf evaluates an if: condition the way GitHub does for the parts of the
// expression language the workflow uses: the github context's event_name and
// ref, the repository's variables, string literals, ==, !=, &&, ||, ! and
// success(). Anything else fails the test rather than guessing.
func evalIf(t testing.TB, cond string, tr trigger) bool {
	t.Helper()
	src := strings.TrimSpace(cond)
	src = strings.TrimSuffix(strings.TrimPrefix(src, "${{"), "}}")
	node, err := actionlint.NewExprParser().Parse(actionlint.NewExprLexer(src + "}}"))
	if err != nil {
		t.Fatalf("if: %s: %v", cond, err)
	}
	ctx := map[string]string{"github.event_name": tr.eventName, "github.ref": tr.ref}
	var eval func(n actionlint.ExprNode) any
	eval = func(n actionlint.ExprNode) any {
		switch n := n.(type) {
		case *actionlint.StringNode:
			return n.Value
		case *actionlint.BoolNode:
			return n.Value
		case *actionlint.ObjectDerefNode:
			if v, ok := n.Receiver.(*actionlint.VariableNode); ok {
				if v.Name == "vars" { // names are matched ignoring case, as GitHub does
					for name, val := range tr.vars {
						if strings.EqualFold(name, n.Property) {
							return val
						}
					}
					return ""
				}
				if val, ok := ctx[v.Name+"."+n.Property]; ok {
					return val
				}
			}
		case *actionlint.NotOpNode:
			return !truthy(eval(n.Operand))
		case *actionlint.LogicalOpNode:
			l := eval(n.Left)
			if (n.Kind == actionlint.LogicalOpNodeKindAnd) != truthy(l) {
				return l
			}
			return eval(n.Right)
		case *actionlint.CompareOpNode:
			l, r := eval(n.Left), eval(n.Right)
			ls, lok := l.(string)
			rs, rok := r.(string)
			if lok && rok { // GitHub compares strings ignoring case
				switch n.Kind {
				case actionlint.CompareOpNodeKindEq:
					return strings.EqualFold(ls, rs)
				case actionlint.CompareOpNodeKindNotEq:
					return !strings.EqualFold(ls, rs)
				}
			}
		case *actionlint.FuncCallNode:
			if n.Callee == "success" && len(n.Args) == 0 {
				return true
			}
		}
		t.Fatalf("if: %s: the test cannot evaluate %T", cond, n)
		return nil
	}
	return truthy(eval(node))
}

func truthy(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case string:
		return v != ""
	}
	return v != nil
}

// The linter must catch a mistake, or a passing lint proves nothing.
func TestPublishWorkflowLintCatchesMistakes(t *testing.T) {
	src, err := os.ReadFile(publishWorkflow)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, old, new string }{
		{"unquoted variable in a script (shellcheck)", `--baseURL "${BASE_URL%/}/"`, `--baseURL ${BASE_URL%/}/`},
		{"unknown action input", "path: public", "folder: public"},
		{"unknown step output", "steps.pages.outputs.base_url", "steps.pages.outputs.base_address"},
		{"job that does not exist", "needs: [build, test]", "needs: [compile, test]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if strings.Contains(c.name, "shellcheck") {
				if _, err := exec.LookPath("shellcheck"); err != nil {
					requireTool(t, "shellcheck", "apt-get install shellcheck")
				}
			}
			bad := strings.Replace(string(src), c.old, c.new, 1)
			if bad == string(src) {
				t.Fatalf("publish.yml does not contain %q", c.old)
			}
			if errs := lintWorkflow(t, filepath.Base(publishWorkflow), []byte(bad)); len(errs) == 0 {
				t.Error("actionlint found nothing")
			}
		})
	}
}

// The structure test must refuse a workflow that breaks what it checks, or its
// passing proves nothing.
func TestPublishWorkflowStructureCatchesMistakes(t *testing.T) {
	catchesMistakes(t, publishWorkflow, checkPublishWorkflow, []workflowMistake{
		{"deploys on a pull request", "    if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'\n", "", "on a pull request the deploy job runs"},
		{"deploys without the tests", "needs: [build, test]", "needs: build", "it must wait for the tests"},
		{"tests without .ci/run", "run: bash .ci/run", "run: go test ./...", "does not run .ci/run"},
		{"uploads from a pull request", "      - name: Upload the site\n        if: github.event_name != 'pull_request'\n", "      - name: Upload the site\n", "actions/upload-pages-artifact should run on a push to main and not on a pull request"},
		{"tests only on pushes", "  test:\n    runs-on", "  test:\n    if: github.event_name == 'push'\n    runs-on", "on a pull request the test job does not run"},
	})
}

// A workflowMistake replaces old with new, wherever it occurs, in a
// workflow; its structure test must then say says.
type workflowMistake struct{ name, old, new, says string }

func catchesMistakes(t *testing.T, path string, check func(testing.TB, *actionlint.Workflow), mistakes []workflowMistake) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range mistakes {
		bad := strings.ReplaceAll(string(src), c.old, c.new)
		if bad == string(src) {
			t.Fatalf("%s: %s does not contain %q", c.name, filepath.Base(path), c.old)
		}
		r := record(t, func(tb testing.TB) { check(tb, parseWorkflowSource(tb, c.name, []byte(bad))) })
		if !strings.Contains(strings.Join(r.errs, "\n"), c.says) {
			t.Errorf("%s: the structure test said %q, want %q", c.name, r.errs, c.says)
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
