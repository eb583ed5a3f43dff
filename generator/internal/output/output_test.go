package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckDest(t *testing.T) {
	site := t.TempDir()
	for _, d := range []string{"content/departments", "themes/default", "layouts", "static"} {
		if err := os.MkdirAll(filepath.Join(site, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	elsewhere := t.TempDir()
	// Folders that exist: the project's documentation, an earlier build (this
	// generator's or another's), an empty folder.
	for _, f := range []string{"docs/architecture.md", "docs/guide/intro.md", "built/index.html", "built/zh/index.html", "hugo-out/sitemap.xml", "hugo-out/css/x.css"} {
		p := filepath.Join(site, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(site, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	// A file, a link to one, and a git work tree that holds a built site.
	for _, f := range []string{"notes.txt", "pages/.git/HEAD", "pages/index.html", "worktree/.git"} {
		p := filepath.Join(site, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(site, "notes.txt"), filepath.Join(elsewhere, "notes-link")); err != nil {
		t.Fatal(err)
	}
	// A link that looks like an output folder but leads into content/.
	link := filepath.Join(elsewhere, "public-link")
	if err := os.Symlink(filepath.Join(site, "content"), link); err != nil {
		t.Fatal(err)
	}
	home, _ := os.UserHomeDir()
	wd, _ := os.Getwd()
	cases := []struct {
		dest string
		why  string // "" means allowed
	}{
		{filepath.Join(site, "public"), ""},
		{filepath.Join(site, "build", "site"), ""},
		{filepath.Join(elsewhere, "out"), ""},
		{"/", "filesystem root"},
		{home, "home folder"},
		{site, "site's folder"},
		{filepath.Dir(site), "site's folder"},
		{wd, "current folder"},
		{filepath.Join(site, "content"), "content/"},
		{filepath.Join(site, "content", "departments"), "content/"},
		{filepath.Join(site, "content", "public"), "content/"},
		{filepath.Join(site, "themes"), "themes/"},
		{filepath.Join(site, "themes", "default", "out"), "themes/"},
		{filepath.Join(site, "layouts"), "layouts/"},
		{filepath.Join(site, "static"), "static/"},
		{filepath.Join(site, ".git"), ".git/"},
		{filepath.Join(site, "public", ".."), "site's folder"},
		{link, "content/"},
		{filepath.Join(link, "sub"), "content/"},
		{filepath.Join(site, "docs"), "not a built site (architecture.md, guide)"},
		{filepath.Join(site, "docs", "guide"), "not a built site (intro.md)"},
		{filepath.Join(site, "built"), ""},
		{filepath.Join(site, "hugo-out"), ""},
		{filepath.Join(site, "empty"), ""},
		{filepath.Join(site, "notes.txt"), "it is a file"},
		{filepath.Join(elsewhere, "notes-link"), "it is a file"},
		{filepath.Join(site, "pages"), "git work tree"},
		{filepath.Join(site, "worktree"), "git work tree"},
	}
	for _, c := range cases {
		err := CheckDest(c.dest, site)
		switch {
		case c.why == "" && err != nil:
			t.Errorf("%s: refused: %v", c.dest, err)
		case c.why != "" && err == nil:
			t.Errorf("%s: allowed, want refused (%s)", c.dest, c.why)
		case c.why != "" && !strings.Contains(err.Error(), c.why):
			t.Errorf("%s: %v; want the reason to name %s", c.dest, err, c.why)
		}
	}
}

// A path a page would be written at never leaves the temporary folder.
func TestWriteStaysInside(t *testing.T) {
	dir := t.TempDir()
	tx, err := Begin(filepath.Join(dir, "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Abort()
	for _, rel := range []string{"../x.html", "/etc/x", "a/../../x", "..", ""} {
		if err := tx.WriteFile(rel, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q) succeeded", rel)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files beside the output: %v", entries)
	}
}

func TestAbortLeavesLiveOutput(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	write := func(content string) *Tx {
		tx, err := Begin(dest)
		if err != nil {
			t.Fatal(err)
		}
		if err := tx.WriteFile("zh/index.html", []byte(content)); err != nil {
			t.Fatal(err)
		}
		return tx
	}
	if err := write("one").Commit(); err != nil {
		t.Fatal(err)
	}
	write("two").Abort()
	if b, _ := os.ReadFile(filepath.Join(dest, "zh", "index.html")); string(b) != "one" {
		t.Errorf("after Abort the page is %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary folders left: %v", entries)
	}
	if err := write("three").Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "zh", "index.html")); string(b) != "three" {
		t.Errorf("after Commit the page is %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("old output left beside the new: %v", entries)
	}
}
