package main

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// Tests that need a tool (Chromium, Pagefind, axe-core, the W3C checker, Java,
// shellcheck) call requireTool when it is missing: they skip on a machine
// without it, and fail in CI, where a missing tool is a broken setup rather than
// a reason to pass.

// inCI reports whether the environment variable CI says the tests run in CI:
// any value but empty or a false-like one (false, 0, no, off, in any case).
// Services set it differently (true, True, 1), and every one of them must count.
func inCI(value string) bool {
	switch strings.ToLower(strings.TrimSpace(value)) {
	case "", "false", "0", "no", "off":
		return false
	}
	return true
}

// requireTool skips the test when a tool is missing, except in CI, where it
// fails.
func requireTool(t testing.TB, what, hint string) {
	t.Helper()
	if inCI(os.Getenv("CI")) {
		t.Fatalf("%s is missing in CI (CI=%q): %s", what, os.Getenv("CI"), hint)
	}
	t.Skipf("%s is missing (%s); skipping", what, hint)
}

func TestInCI(t *testing.T) {
	for value, want := range map[string]bool{
		"": false, "false": false, "FALSE": false, "False": false, "0": false, "no": false, "No": false, "off": false, "OFF": false, " false ": false,
		"true": true, "True": true, "TRUE": true, "1": true, "yes": true, "on": true, "github": true, "woodpecker": true,
	} {
		if got := inCI(value); got != want {
			t.Errorf("inCI(%q) = %v, want %v", value, got, want)
		}
	}
}

// checkRecorder is a test as a check sees it, which records what the check
// reports instead of reporting it: a test hands a check a case it must refuse
// and shows that it does. Fatal and Skip stop the check, as they stop a test.
type checkRecorder struct {
	testing.TB
	errs    []string
	skipped string
}

type stopped struct{}

func (r *checkRecorder) Helper()                   {}
func (r *checkRecorder) Error(a ...any)            { r.errs = append(r.errs, fmt.Sprint(a...)) }
func (r *checkRecorder) Errorf(f string, a ...any) { r.errs = append(r.errs, fmt.Sprintf(f, a...)) }
func (r *checkRecorder) Fatal(a ...any)            { r.Error(a...); panic(stopped{}) }
func (r *checkRecorder) Fatalf(f string, a ...any) { r.Errorf(f, a...); panic(stopped{}) }
func (r *checkRecorder) FailNow()                  { panic(stopped{}) }
func (r *checkRecorder) Skipf(f string, a ...any)  { r.skipped = fmt.Sprintf(f, a...); panic(stopped{}) }

// record runs check with a checkRecorder and returns what it reported.
func record(t testing.TB, check func(tb testing.TB)) (r *checkRecorder) {
	r = &checkRecorder{TB: t}
	defer func() {
		if p := recover(); p != nil {
			if _, ok := p.(stopped); !ok {
				panic(p)
			}
		}
	}()
	check(r)
	return r
}

func TestRequireToolFailsInCI(t *testing.T) {
	for _, c := range []struct {
		ci   string
		fail bool
	}{{"true", true}, {"1", true}, {"True", true}, {"yes", true}, {"", false}, {"false", false}, {"0", false}, {"Off", false}} {
		t.Setenv("CI", c.ci)
		r := record(t, func(tb testing.TB) { requireTool(tb, "a tool", "install it") })
		if failed := len(r.errs) > 0; failed != c.fail || failed == (r.skipped != "") {
			t.Errorf("CI=%q: failed %q, skipped %q; want a failure %v, else a skip", c.ci, r.errs, r.skipped, c.fail)
		}
	}
}
