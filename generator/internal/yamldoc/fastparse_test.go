package yamldoc_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"leitai/generator/internal/content"
	"leitai/generator/internal/corpus"
	"leitai/generator/internal/testsite"
	"leitai/generator/internal/yamldoc"
)

// decode is what yamldoc.Parse gets from yaml.v3: the first document, and whether
// it is the only one.
func decode(data []byte) (doc yaml.Node, single bool, err error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err = dec.Decode(&doc); err != nil {
		return doc, false, err
	}
	var next yaml.Node
	return doc, errors.Is(dec.Decode(&next), io.EOF), nil
}

// sameAsYAMLv3 returns "" when the fast path declines data or builds the tree
// yaml.v3 builds, else what differs; accepted says whether it took the file.
func sameAsYAMLv3(data []byte) (accepted bool, diff string) {
	fast, ok := yamldoc.FastParse(strings.Split(string(data), "\n"))
	if !ok {
		return false, ""
	}
	want, single, err := decode(data)
	switch {
	case err != nil:
		return true, fmt.Sprintf("fast path accepted a file yaml.v3 refuses: %v", err)
	case !single:
		return true, "fast path accepted a file with a second document"
	}
	return true, firstDifference("doc", &want, fast)
}

// firstDifference walks both trees and names the first field that differs, with
// the path to it, or returns "".
func firstDifference(path string, want, got *yaml.Node) string {
	if (want == nil) != (got == nil) {
		return fmt.Sprintf("%s: yaml.v3 %v, fast %v", path, want, got)
	}
	if want == nil {
		return ""
	}
	fields := []struct {
		name      string
		want, got any
	}{
		{"Kind", want.Kind, got.Kind}, {"Style", want.Style, got.Style}, {"Tag", want.Tag, got.Tag},
		{"Value", want.Value, got.Value}, {"Anchor", want.Anchor, got.Anchor},
		{"Line", want.Line, got.Line}, {"Column", want.Column, got.Column},
		{"HeadComment", want.HeadComment, got.HeadComment}, {"LineComment", want.LineComment, got.LineComment},
		{"FootComment", want.FootComment, got.FootComment},
		{"Alias", want.Alias != nil, got.Alias != nil},
		{"len(Content)", len(want.Content), len(got.Content)},
		{"Content==nil", want.Content == nil, got.Content == nil},
	}
	for _, f := range fields {
		if f.want != f.got {
			return fmt.Sprintf("%s (line %d col %d): %s: yaml.v3 %#v, fast %#v", path, want.Line, want.Column, f.name, f.want, f.got)
		}
	}
	for i := range want.Content {
		name := fmt.Sprintf("%s[%d]", path, i)
		if want.Kind == yaml.MappingNode && i%2 == 1 {
			name = path + "." + want.Content[i-1].Value
		}
		if d := firstDifference(name, want.Content[i], got.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

// repoYAML is every YAML text in the repository: .yaml and .yml files, and the
// front matter of Markdown files (testdata included, broken files too).
func repoYAML(t testing.TB) map[string][]byte {
	files := map[string][]byte{}
	root := testsite.Root()
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			if name := d.Name(); rel != "." && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "public") {
				return filepath.SkipDir
			}
			return nil
		}
		ext := filepath.Ext(p)
		if ext != ".yaml" && ext != ".yml" && ext != ".md" {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if ext == ".md" {
			// Front matter, with its opening "---" as yamldoc gets it.
			rest, ok := bytes.CutPrefix(b, []byte("---\n"))
			end := bytes.Index(rest, []byte("\n---\n"))
			if !ok || end < 0 {
				return nil
			}
			b = b[:4+end+1]
		}
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// corpusYAML is the YAML of a synthetic site of n departments, as benchmarks
// build it, and the skeletons `generator new` writes.
func corpusYAML(t testing.TB, n int) map[string][]byte {
	dir := t.TempDir()
	if err := corpus.New(corpus.Options{Departments: n, Seed: 1}).WriteLeitai(dir, filepath.Join(testsite.Root(), "themes", "default")); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for name, b := range testsite.Files(t, filepath.Join(dir, "content")) {
		if strings.HasSuffix(name, ".yaml") {
			files["corpus/"+name] = b
		}
	}
	files["skeleton/department.yaml"] = content.DepartmentSkeleton(3, []string{"demand", "factors"}, []string{"zh", "en"})
	for _, l := range []string{"zh", "en"} {
		files["skeleton/article."+l+".md"] = content.ArticleSkeleton(l, time.Date(2022, 11, 25, 0, 0, 0, 0, time.UTC))
	}
	return files
}

// The fast path must never build a tree yaml.v3 would not: for every YAML file
// in the repository and a synthetic corpus, it declines or matches exactly. And it
// must take the department files, or it speeds nothing up.
func TestFastParseMatchesYAMLv3(t *testing.T) {
	files := repoYAML(t)
	for name, b := range corpusYAML(t, 200) {
		files[name] = b
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	type tally struct{ accepted, total int }
	kinds := map[string]*tally{}
	for _, name := range names {
		accepted, diff := sameAsYAMLv3(files[name])
		if diff != "" {
			t.Errorf("%s: %s", name, diff)
		}
		kind := filepath.Dir(name)
		if strings.Contains(name, "testdata") {
			kind = "testdata"
		}
		if kinds[kind] == nil {
			kinds[kind] = &tally{}
		}
		kinds[kind].total++
		if accepted {
			kinds[kind].accepted++
		} else {
			t.Logf("declined: %s", name)
		}
		isDepartment := strings.HasPrefix(name, "content/departments/") || strings.HasPrefix(name, "corpus/departments/")
		if isDepartment && !accepted {
			t.Errorf("%s: the fast path declines a department file", name)
		}
	}
	for _, kind := range slicesSorted(kinds) {
		t.Logf("%-40s fast path takes %d of %d", kind, kinds[kind].accepted, kinds[kind].total)
	}
}

func slicesSorted[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// FuzzFastParse: for any input, the fast path declines or builds yaml.v3's tree.
func FuzzFastParse(f *testing.F) {
	for _, b := range repoYAML(f) {
		f.Add(b)
	}
	for _, b := range corpusYAML(f, 20) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, diff := sameAsYAMLv3(data); diff != "" {
			t.Errorf("%q: %s", data, diff)
		}
	})
}
