package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"leitai/generator/internal/testsite"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// The golden tests hold the output byte for byte: every file of three sites
// against a copy checked in under testdata. After an intended change of the
// output, run
//
//	go test ./generator/internal/build -run Golden -update
//
// and read the diff before committing it. Together the three sites show every
// kind of page: the fixture (the site's own layouts override the theme's), the
// real content (a report read in parts) and a synthetic site of 160
// departments (a paged summary, group pages in parts, the list of reports).

// TestGolden compares every file of the fixture site with testdata/golden, and
// checks each against goldenSays, which -update does not rewrite.
func TestGolden(t *testing.T) {
	out, _ := buildFixture(t)
	got := testsite.Files(t, out)
	// What each file must say, whatever the golden copy holds.
	for name := range got {
		if s := says(name); s != nil {
			s(t, name, got)
		} else {
			t.Errorf("%s has no entry in goldenSays: say what it must hold", name)
		}
	}
	compareTree(t, out, filepath.Join("testdata", "golden"))
}

// TestGoldenRealContent compares every file of the real content's site with
// testdata/golden-real. An edit of content/ changes it too: run with -update
// and check that only the pages the edit should touch changed.
func TestGoldenRealContent(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, filepath.Join(testsite.Root(), "config.yaml"), out)
	compareTree(t, out, filepath.Join("testdata", "golden-real"))
}

// TestGoldenCorpus compares the SHA-256 of every file of a synthetic site of
// 160 departments with testdata/golden-corpus.sha256: the pages that only a
// larger site has (group pages and their pager, the list of reports), without
// checking in megabytes of them. The corpus is generated, so a change to the generator
// (generator/internal/corpus) changes the list too.
func TestGoldenCorpus(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, corpusSite(t, 160), out)
	var kinds []string
	var list strings.Builder
	files := testsite.Files(t, out)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		sum := sha256.Sum256(files[name])
		fmt.Fprintf(&list, "%s  %s\n", hex.EncodeToString(sum[:]), name)
		for _, k := range []string{"/groups/", "/page/2/", "/articles/index.html"} {
			if strings.Contains(name, k) && !slices.Contains(kinds, k) {
				kinds = append(kinds, k)
			}
		}
	}
	if len(kinds) != 3 {
		t.Fatalf("the corpus has pages under %v only; it should show group pages and a list of reports in pages", kinds)
	}
	golden := filepath.Join("testdata", "golden-corpus.sha256")
	if *update {
		if err := os.WriteFile(golden, []byte(list.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := list.String(); got != string(want) {
		t.Errorf("the synthetic site's files differ from %s (run with -update after an intended change):\n%s", golden, firstDiff(string(want), got))
	}
}

// compareTree compares every file under out with the copy under golden, which
// -update replaces with out's.
func compareTree(t *testing.T, out, golden string) {
	t.Helper()
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		if err := os.CopyFS(golden, os.DirFS(out)); err != nil {
			t.Fatal(err)
		}
	}
	got := testsite.Files(t, out)
	want := testsite.Files(t, golden)
	for name, w := range want {
		g, ok := got[name]
		if !ok {
			t.Errorf("%s: not built", name)
			continue
		}
		if !bytes.Equal(g, w) {
			t.Errorf("%s differs from %s (run with -update and review the diff):\n%s", name, golden, firstDiff(string(w), string(g)))
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: built but not in %s", name, golden)
		}
	}
}
