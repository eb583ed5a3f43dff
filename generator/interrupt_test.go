package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"leitai/generator/internal/corpus"
	"leitai/generator/internal/testsite"
)

// generatorBinary builds the command, for tests that must signal a process.
func generatorBinary(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("no go command to build the generator with")
		}
		t.Skip("no go command to build the generator with")
	}
	bin := filepath.Join(t.TempDir(), "leitai")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// temporaryFolders lists the build's temporary folders beside public/.
func temporaryFolders(t *testing.T, root string) []string {
	t.Helper()
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.tmp-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// startBuild starts a build and waits until it is writing pages into its
// temporary folder.
func startBuild(t *testing.T, bin, root string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, "build")
	cmd.Dir = root
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		for _, d := range temporaryFolders(t, root) {
			if entries, _ := os.ReadDir(filepath.Join(root, d)); len(entries) > 0 {
				return cmd
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	cmd.Process.Kill()
	t.Fatal("the build never started writing")
	return nil
}

// An interrupted build (Ctrl-C, SIGTERM) removes its temporary folder and
// leaves public/ as it was; a killed one cannot, and the next build removes
// what it left.
func TestInterruptedBuildLeavesNoTemporaryFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large site several times")
	}
	bin := generatorBinary(t)
	root := t.TempDir()
	if err := corpus.New(corpus.Options{Departments: 500, Seed: 1}).WriteLeitai(root, filepath.Join(testsite.Root(), "themes", "default")); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "build", "--config", filepath.Join(root, "config.yaml")).CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	before := snapshot(t, filepath.Join(root, "public"))
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		cmd := startBuild(t, bin, root)
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		var exit *exec.ExitError
		if err := cmd.Wait(); !errors.As(err, &exit) || exit.ExitCode() != 130 {
			t.Errorf("%v: build ended with %v, want exit status 130", sig, err)
		}
		if left := temporaryFolders(t, root); len(left) > 0 {
			t.Errorf("%v: left behind %v", sig, left)
		}
		sameSnapshot(t, before, snapshot(t, filepath.Join(root, "public")))
	}

	cmd := startBuild(t, bin, root)
	cmd.Process.Kill()
	cmd.Wait()
	if len(temporaryFolders(t, root)) == 0 {
		t.Fatal("a killed build left no folder: the test proves nothing")
	}
	if out, err := exec.Command(bin, "build", "--config", filepath.Join(root, "config.yaml")).CombinedOutput(); err != nil {
		t.Fatalf("build after a killed one: %v\n%s", err, out)
	}
	if left := temporaryFolders(t, root); len(left) > 0 {
		t.Errorf("the next build left behind %v", left)
	}
}
