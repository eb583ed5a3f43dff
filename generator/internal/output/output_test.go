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

// tree writes files (relative path → content) under dir.
func tree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for f, data := range files {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// publish builds an output of one page, index.html, into dest.
func publish(t *testing.T, dest, page string) {
	t.Helper()
	tx, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.WriteFile("index.html", []byte(page)); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// Temporary folders of builds that were killed are removed by the next build;
// a build still running keeps its own, and nothing else is touched.
func TestBeginSweepsWhatDeadBuildsLeft(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	tree(t, dir, map[string]string{
		"public/index.html":                       "live",
		".public.tmp-0123456789ab/zh/index.html":  "a killed build",
		".public.tmp-abcdefabcdef.old/index.html": "a killed swap",
		".public.tmp-notours/keep":                "someone else's",
		".public.tmp-0123456789AB/keep":           "not a name Begin gives",
		".other.tmp-0123456789ab/keep":            "another output's",
		"public.tmp-0123456789ab/keep":            "not hidden",
	})
	running, err := Begin(dest) // a build still running
	if err != nil {
		t.Fatal(err)
	}
	defer running.Abort()
	if err := running.WriteFile("index.html", []byte("running")); err != nil {
		t.Fatal(err)
	}
	publish(t, dest, "new")
	for _, gone := range []string{".public.tmp-0123456789ab", ".public.tmp-abcdefabcdef.old"} {
		if _, err := os.Stat(filepath.Join(dir, gone)); !os.IsNotExist(err) {
			t.Errorf("%s: left behind (%v)", gone, err)
		}
	}
	for _, kept := range []string{".public.tmp-notours/keep", ".public.tmp-0123456789AB/keep", ".other.tmp-0123456789ab/keep", "public.tmp-0123456789ab/keep"} {
		if _, err := os.Stat(filepath.Join(dir, kept)); err != nil {
			t.Errorf("%s: %v", kept, err)
		}
	}
	if b, err := os.ReadFile(filepath.Join(running.Dir(), "index.html")); err != nil || string(b) != "running" {
		t.Errorf("the running build's folder was swept: %q %v", b, err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "new" {
		t.Errorf("public/index.html = %q", b)
	}
}

// A destination that is a symbolic link to a folder is built into the folder;
// the link stays a link. One that leads nowhere is refused.
func TestLinkedDestination(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	www := filepath.Join(dir, "www", "pledges")
	tree(t, dir, map[string]string{"www/pledges/index.html": "old", "www/pledges/stale.html": "old", "site/config.yaml": "x"})
	link := filepath.Join(site, "public")
	if err := os.Symlink(www, link); err != nil {
		t.Fatal(err)
	}
	if err := CheckDest(link, site); err != nil {
		t.Fatal(err)
	}
	publish(t, link, "new")
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("public is no longer a link: %v %v", st.Mode(), err)
	}
	if b, _ := os.ReadFile(filepath.Join(link, "index.html")); string(b) != "new" {
		t.Errorf("index.html through the link = %q", b)
	}
	if _, err := os.Stat(filepath.Join(www, "stale.html")); !os.IsNotExist(err) {
		t.Errorf("the old build's file survived: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "www"))
	if len(entries) != 1 {
		t.Errorf("www holds %d entries, want pledges alone", len(entries))
	}

	dangling := filepath.Join(site, "out")
	if err := os.Symlink(filepath.Join(dir, "nowhere"), dangling); err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{CheckDest(dangling, site), func() error { _, err := Begin(dangling); return err }()} {
		if err == nil || !strings.Contains(err.Error(), "symbolic link to") || !strings.Contains(err.Error(), "does not exist") {
			t.Errorf("dangling link: %v", err)
		}
	}
	if st, err := os.Lstat(dangling); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the dangling link was replaced: %v", err)
	}
}
