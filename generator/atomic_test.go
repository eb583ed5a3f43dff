package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fileState is what a reader or an upload tool sees of a built file.
type fileState struct {
	data  []byte
	mtime time.Time
	mode  fs.FileMode
}

func snapshot(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	m := map[string]fileState{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		st, err := os.Lstat(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		var data []byte
		if !d.IsDir() {
			if data, err = os.ReadFile(p); err != nil {
				return err
			}
		}
		m[rel] = fileState{data, st.ModTime(), st.Mode()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func sameSnapshot(t *testing.T, before, after map[string]fileState) {
	t.Helper()
	for p, b := range before {
		a, ok := after[p]
		switch {
		case !ok:
			t.Errorf("%s: gone", p)
		case !bytes.Equal(a.data, b.data):
			t.Errorf("%s: bytes changed", p)
		case !a.mtime.Equal(b.mtime) && !b.mode.IsDir():
			t.Errorf("%s: modification time changed", p)
		case a.mode != b.mode:
			t.Errorf("%s: mode changed", p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s: appeared", p)
		}
	}
}

// onlyPublic asserts that the site folder holds no temporary or old output.
func onlyPublic(t *testing.T, root string) {
	t.Helper()
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestFailedBuildLeavesPublicUntouched(t *testing.T) {
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	public := filepath.Join(root, "public")
	if code, _, stderr := runCmd("build", "--config", cfg); code != 0 {
		t.Fatalf("good build failed:\n%s", stderr)
	}
	// Push the files' times into the past, so a rewrite would show even within
	// the filesystem's timestamp resolution.
	past := time.Date(2022, 11, 25, 8, 0, 0, 0, time.UTC)
	err := filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			err = os.Chtimes(p, past, past)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, public)
	if len(before) < 10 {
		t.Fatalf("good build wrote only %d files", len(before))
	}

	t.Run("content error", func(t *testing.T) {
		applyEdits(t, root, []edit{{"content/departments/alpha.yaml", "pledges:", "pledge:"}})
		defer applyEdits(t, root, []edit{{"content/departments/alpha.yaml", "pledge:", "pledges:"}})
		code, _, stderr := runCmd("build", "--config", cfg)
		if code != 1 || !strings.Contains(stderr, "the previous site was left as it was") {
			t.Errorf("exit %d:\n%s", code, stderr)
		}
		sameSnapshot(t, before, snapshot(t, public))
		onlyPublic(t, root)
	})

	t.Run("template error while pages are being written", func(t *testing.T) {
		// Content is fine, so the build starts writing; the department template
		// then fails, after other pages are already in the temporary folder.
		applyEdits(t, root, []edit{{"layouts/department.html", "", `{{ define "main" }}{{ .NoSuchField }}{{ end }}`}})
		defer func() {
			if err := os.RemoveAll(filepath.Join(root, "layouts")); err != nil {
				t.Fatal(err)
			}
		}()
		code, _, stderr := runCmd("build", "--config", cfg)
		if code != 1 || !strings.Contains(stderr, "NoSuchField") {
			t.Errorf("exit %d:\n%s", code, stderr)
		}
		sameSnapshot(t, before, snapshot(t, public))
		onlyPublic(t, root)
	})

	t.Run("rebuild without changes keeps every file's time", func(t *testing.T) {
		if code, _, stderr := runCmd("build", "--config", cfg); code != 0 {
			t.Fatalf("rebuild failed:\n%s", stderr)
		}
		sameSnapshot(t, before, snapshot(t, public))
		onlyPublic(t, root)
	})

	t.Run("a removed department's pages disappear", func(t *testing.T) {
		applyEdits(t, root, []edit{
			{"content/departments/beta.yaml", "", "-"},
			{"content/departments/alpha.yaml", "见[乙局](/departments/beta/)", "见[报道](/articles/report/)"},
			{"content/departments/alpha.yaml", "see [Beta](/departments/beta/)", "see [the report](/articles/report/)"},
		})
		if code, _, stderr := runCmd("build", "--config", cfg); code != 0 {
			t.Fatalf("build failed:\n%s", stderr)
		}
		after := snapshot(t, public)
		for p := range after {
			if strings.Contains(p, "beta") {
				t.Errorf("stale page survived: %s", p)
			}
		}
		for _, l := range []string{"zh", "en"} {
			if _, ok := after[filepath.Join(l, "departments", "alpha", "index.html")]; !ok {
				t.Errorf("%s alpha page missing", l)
			}
			if bytes.Contains(after[filepath.Join(l, "index.html")].data, []byte("beta")) {
				t.Errorf("%s summary still mentions beta", l)
			}
		}
		onlyPublic(t, root)
	})
}

func TestBuildRefusesDangerousOutput(t *testing.T) {
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	before := snapshot(t, filepath.Join(root, "content"))
	for _, dest := range []string{
		filepath.Join(root, "content"),
		filepath.Join(root, "content", "departments"),
		filepath.Join(root, "themes"),
		filepath.Join(root, "layouts"),
		root,
		filepath.Dir(root),
		"/",
	} {
		code, _, stderr := runCmd("build", "--config", cfg, "--destination", dest)
		if code != 1 || !strings.Contains(stderr, "refusing to use") {
			t.Errorf("--destination %s: exit %d, %s", dest, code, stderr)
		}
	}
	sameSnapshot(t, before, snapshot(t, filepath.Join(root, "content")))
	if _, err := os.Stat(filepath.Join(root, "themes", "default", "layouts", "baseof.html")); err != nil {
		t.Error(err)
	}
	onlyPublic(t, root)
}

// A folder of other files (the project's documentation, say) is not replaced by
// the site; an earlier build is, and so is an empty folder.
func TestBuildRefusesAFolderOfOtherFiles(t *testing.T) {
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	docs := filepath.Join(root, "docs")
	applyEdits(t, root, []edit{{"docs/guide.md", "", "# How we edit\n"}})
	before := snapshot(t, docs)
	code, _, stderr := runCmd("build", "--config", cfg, "--destination", docs)
	if code != 1 || !strings.Contains(stderr, "not a built site (guide.md)") || !strings.Contains(stderr, "choose an empty or new folder") {
		t.Errorf("--destination docs: exit %d, %s", code, stderr)
	}
	sameSnapshot(t, before, snapshot(t, docs))

	out := filepath.Join(t.TempDir(), "site")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ { // empty, then holding the first build
		if code, stdout, stderr := runCmd("build", "--config", cfg, "--destination", out); code != 0 {
			t.Fatalf("build %d into %s: exit %d\n%s%s", i+1, out, code, stdout, stderr)
		}
	}
}

// A destination that is a file is refused, whether it is the site's own
// config.yaml or a note, and so is a folder that is a git work tree: a build
// replaces its destination whole. Nothing is deleted or changed.
func TestBuildRefusesAFileOrAWorkTree(t *testing.T) {
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	applyEdits(t, root, []edit{
		{"notes.txt", "", "remember the milk\n"},
		{"pages/.git/HEAD", "", "ref: refs/heads/gh-pages\n"},
		{"pages/index.html", "", "<!doctype html><title>old</title>\n"},
	})
	base, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	applyEdits(t, root, []edit{{"notes.yaml", "", string(base) + "output: notes.txt\n"}})
	before := snapshot(t, root)
	for _, c := range []struct{ dest, why string }{
		{cfg, "it is a file"},
		{filepath.Join(root, "notes.txt"), "it is a file"},
		{filepath.Join(root, "pages"), "git work tree"},
	} {
		code, _, stderr := runCmd("build", "--config", cfg, "--destination", c.dest)
		if code != 1 || !strings.Contains(stderr, "refusing to use") || !strings.Contains(stderr, c.why) {
			t.Errorf("--destination %s: exit %d, %s", c.dest, code, stderr)
		}
	}
	// output: in a config, relative to the site.
	code, _, stderr := runCmd("build", "--config", filepath.Join(root, "notes.yaml"))
	if code != 1 || !strings.Contains(stderr, "it is a file") {
		t.Errorf("output: notes.txt: exit %d, %s", code, stderr)
	}
	sameSnapshot(t, before, snapshot(t, root))
}
