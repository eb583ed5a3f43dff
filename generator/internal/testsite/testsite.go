// Package testsite gives tests a private, editable copy of the real site (its
// config.yaml, content/ and themes/) or of a fixture site, and writes small
// trees of files. Tests edit the copy, never the repository.
package testsite

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root is the repository's folder.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}

// Editions is the folder of a synthetic publication of three editions (2, 3
// and 4), for tests of what a site of several editions publishes: its
// departments and figures are made up, and it is never published.
func Editions() string {
	return filepath.Join(Root(), "generator", "internal", "testsite", "testdata", "editions")
}

// EditionsSite copies the publication of three editions (Editions) with the
// repository's themes/, as Fixture does, and returns the copy's config.yaml.
func EditionsSite(t testing.TB) string {
	t.Helper()
	return filepath.Join(CopyFrom(t, Editions()), "config.yaml")
}

// SecondEdition is the folder of a made-up fifth edition (edition.yaml and
// departments/), for tests that add a second edition to a copy of the real
// content. It is never published.
func SecondEdition() string {
	return filepath.Join(Root(), "generator", "internal", "testsite", "testdata", "second-edition")
}

// Copy copies the real site into a temporary folder and returns the folder.
func Copy(t testing.TB) string {
	t.Helper()
	return CopyFrom(t, Root())
}

// CopyFrom copies the site in src (its config.yaml, content/, and layouts/ and
// static/ when it has them) with the repository's themes/ into a temporary
// folder, and returns the folder.
func CopyFrom(t testing.TB, src string) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"content", "layouts", "static", "themes"} {
		from := filepath.Join(src, name)
		if name == "themes" {
			from = filepath.Join(Root(), name)
		}
		if _, err := os.Stat(from); os.IsNotExist(err) && name != "content" && name != "themes" {
			continue
		}
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(from)); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := os.ReadFile(filepath.Join(src, "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// WriteFiles writes files (slash-separated path → content) into a fresh
// temporary folder and returns the folder.
func WriteFiles(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Fixture copies the build package's fixture site (generator/internal/build/
// testdata/site) with the repository's themes/ and returns the copy's
// config.yaml. The fixture holds no themes/ of its own: a link to the
// repository's would lead out of its folder, which a build refuses.
func Fixture(t testing.TB) string {
	t.Helper()
	return filepath.Join(CopyFrom(t, filepath.Join(Root(), "generator", "internal", "build", "testdata", "site")), "config.yaml")
}

// Edit replaces the first old with new in the file at path; the test fails if the
// file does not contain old.
func Edit(t testing.TB, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	if err := os.WriteFile(path, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Files reads every file under dir, by its slash-separated path relative to dir.
func Files(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
