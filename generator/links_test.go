package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A pull request can add symbolic links: to a credentials file, to the
// process's environment, to /etc/passwd. None is followed: each is an error
// at the link, nothing it leads to is printed, and nothing is published.
func TestLinksOutOfTheSiteAreNotFollowed(t *testing.T) {
	t.Setenv("LEITAI_TEST_TOKEN", "SECRET-ENV-4711")
	secret := filepath.Join(t.TempDir(), "credentials")
	if err := os.WriteFile(secret, []byte("aws_secret_access_key: SECRET-FILE-0815\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	links := map[string]string{
		"content/departments/leak.yaml": secret,
		"content/departments/env.yaml":  "/proc/self/environ",
		"content/articles/leak.en.md":   secret,
		"static/passwd.txt":             secret,
		"layouts/partials/x.html":       secret,
	}
	for link, target := range links {
		p := filepath.Join(root, filepath.FromSlash(link))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("GITHUB_ACTIONS", "true")
	for _, args := range [][]string{
		{"check", "--config", cfg},
		{"check", "--config", cfg, "--format", "json"},
		{"build", "--config", cfg},
	} {
		code, stdout, stderr := runCmd(args...)
		out := stdout + stderr
		if code != 1 {
			t.Errorf("%v: exit %d, want 1\n%s", args, code, out)
		}
		if strings.Contains(out, "SECRET") {
			t.Errorf("%v printed what a link leads to:\n%s", args, out)
		}
		for link := range links {
			if !strings.Contains(out, link+" is a symbolic link to ") {
				t.Errorf("%v: no problem at %s:\n%s", args, link, out)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(root, "public")); !os.IsNotExist(err) {
		t.Errorf("something was published: %v", err)
	}
}

// A link to a folder in static/ failed the build but passed check; check does
// what build does, so both refuse it, at the link. A link to a file inside the
// site is followed by both.
func TestCheckAndBuildAgreeOnLinks(t *testing.T) {
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	applyEdits(t, root, []edit{{"assets/logo.svg", "", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"}})
	if err := os.MkdirAll(filepath.Join(root, "static"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "assets"), filepath.Join(root, "static", "img")); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"check", "build"} {
		code, stdout, stderr := runCmd(cmd, "--config", cfg)
		if code != 1 || !strings.Contains(stderr, "static/img: error: static/img is a symbolic link to the folder ") {
			t.Errorf("%s: exit %d\n%s%s", cmd, code, stdout, stderr)
		}
	}
	if err := os.Remove(filepath.Join(root, "static", "img")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "assets", "logo.svg"), filepath.Join(root, "static", "logo.svg")); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"check", "build"} {
		if code, stdout, stderr := runCmd(cmd, "--config", cfg); code != 0 {
			t.Errorf("%s with a link to a file in the site: exit %d\n%s%s", cmd, code, stdout, stderr)
		}
	}
	if b, err := os.ReadFile(filepath.Join(root, "public", "logo.svg")); err != nil || !strings.Contains(string(b), "<svg") {
		t.Errorf("the linked file was not published: %q %v", b, err)
	}
}
