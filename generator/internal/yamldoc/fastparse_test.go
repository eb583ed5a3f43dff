package yamldoc_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
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
	fast, ok, release := yamldoc.FastParse(strings.Split(string(data), "\n"))
	defer release()
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
	for _, c := range edgeCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, diff := sameAsYAMLv3(data); diff != "" {
			t.Errorf("%q: %s", data, diff)
		}
	})
}

// edgeCases are small files at the edges of the subset, inside and out. They seed
// FuzzFastParse: its mutations of a short file stay near the fast path's
// decisions, where those of a whole department file mostly fall outside it.
var edgeCases = []string{
	"a: 1\n", "a: 1", "a:\n", "a:", "a: \n\n", "- a\n- b", "a:\n- b\n- c\nd: e\n",
	"a:\n  - b: 1\n    c: 2\n  - d\n", "a:\n    - x\n    -   y: 1\n        z:\n", "- a:\n  - x\n- b\n",
	"a: |\n  x\n", "a: |-\n  x\n\n", "a: |+\n  x\n\n  \n", "a: |\n\n  x\n", "a: |\n   \n  x\n",
	"a: |\n  x\n   y\n  z\n", "- |\n  x\n- y", "a:\n  b: |\n    x\n  c: 1\n", "a: |\n  x\n    \n  y",
	"a: |+\n  x\n\n", "a: |\n  x\n  ", "a: |-\n  x", "a: |\n x\nb: 1", "- a: |\n    x\n  b: 1\n",
	"a: 'it''s'\n", "a: \"x\\ty\\u00e9\\x41\\U0001F600\"\n", "a: \"\\/\"", "a: \"\\N\\_\\L\\P\"", "a: \"\\e\\0\"",
	"a: \"\\ud800\"", "a: \"\\x8\"", "a: \"\\\"\"\n", "a: ''\n", "a: \"\"\n",
	"a: {b: 1, c: [x, 'y', \"z\"], d: {}}\n", "a: [ ]\n", "a: {b: c d}\n", "a: {b: -1}", "a: [-, a]",
	"a: {b: c,}", "a: [a: b]", "a: {b: c:d}", "a: {b: http://x}", "a: { b : c }  \n", "a: {b: c} d",
	"# c\na: 1\n", "# c\n\na: 1\n", "\n# c\n# d\na: 1", "# c\n- a\n", "# c \na:\n  b: 1\n", "a: 1\n# c\n",
	"a: 1 # c\n", "a:\n  # c\n  b: 1\n", "#c\n\n#d\na: 1\n",
	"a: 2022-12-31\nb: 2022-02-30\nc: 1.5\nd: 0x1F\ne: true\nf: ~\ng: null\nh: 012\ni: 09\nj: -5\nk: +5\nl: .inf\nm: 1_000\nn: 99999999999999999999\n",
	"a: 2022-1-2\nb: 2022-12-31T10:00:00Z\nc: 1e3\nd: TRUE\ne: yes\nf: No\ng: 0o17\nh: -0b101\ni: .5\nj: 00\n",
	"a: b: c", "a: b #c", "a #b: c", "a: b#c", "a:b", "-a: 1", "a : 1", "a: -", "a: - b", "a: -1",
	"a:\n  b: 1\n c: 2", "a:\n  b: 1\n   c: 2", "a: 1\n  b: 2", "a:\n  x\n", "- a\n  - b", "- a: 1\n - b",
	"  a: 1\n  b: 2\n", "中文: 值\n键: {中: 文, en: x}\n列表:\n- 一: “二”\n", "a: \"x\" \n", "a: 'x' y",
	"a:\n- b\n  c\n", "a: x\n\n\n", "a: \"unterminated\n", "a: 'two\n  lines'\n", "a: plain\n  more\n",
	"<<: 1", "a: <<", "a: &x 1\nb: *x\n", "a: !!str 1", "? a\n: b", "a: >\n  x\n", "---\na: 1\n", "a: 1\n...\n",
	"%YAML 1.2\n---\na: 1", "a:\r\n  b: 1\r\n", "a:\tb", "\ta: 1", "a: \"\u0085\"", "\ufeffa: 1", "a: x\u2028y",
	"a: {b: 😀x, c: 🀄}\n😀: [x, 😀]", "k" + strings.Repeat(" ", 1030) + ": v", "a: {k" + strings.Repeat(" ", 1030) + ": v}",
	strings.Repeat("长", 400) + ": v", "- " + strings.Repeat("x", 1030) + ": v",
	"a: @b", "a: `b`", "a: [b", "a: {b", "- - a", "-\n  a", "a:\n-\n", "- ", "-", "", "\n", "#", "a", "a\n",
}

func TestFastParseEdgeCases(t *testing.T) {
	accepted := 0
	for _, c := range edgeCases {
		ok, diff := sameAsYAMLv3([]byte(c))
		if diff != "" {
			t.Errorf("%q: %s", c, diff)
		}
		if ok {
			accepted++
		}
	}
	t.Logf("fast path takes %d of %d edge cases", accepted, len(edgeCases))
}

// randomDocument writes a small YAML file from the shapes content files use,
// with tricky scalars and, now and then, an indentation off by one or a stray
// comment, so that both the fast path's acceptances and its refusals are tried.
func randomDocument(r *rand.Rand) string {
	scalars := []string{"x", "hello world", "1", "-1", "0.5", "012", "2022-12-31", "2022-13-01", "true", "False", "null",
		"~", "'q'", "'it''s'", `"a\nb"`, `"\u00e9\t"`, "[1, 2]", "{a: b}", "中文", "“引号”", "a  b  ", "x: y",
		`{value: 577, unit: 亿元, label: {zh: "退减缓降税费", en: "Tax and fee relief"}}`, "https://example.org/a?b=c#d"}
	tricky := []string{`"\q"`, "a: b", "a #b", "a#b", "[1, 2]", "{a: b}",
		"{a: [1, {b: c}], d: 'e'}", "[]", "{}", "- x", "http://x.y/z?q=1", "中文", "“引号”", "a  b  ", `"x" `, "*a",
		"&a b", "!t x", ">", "@x", "`x`", ",x", "x,y", "x]", "-", "--", "-x", "%x", "?x", "? x", ":x", "x:", "x :y",
		"{a: b", "[a, b,]", "{a: 1, a: 2}", "<<", "1_000", "0x1F", ".inf", "+5", "1e3"}
	keys := []string{"a", "zh", "en", "name", "中文", "a b", "-x", "a:b", "true", "1", "null", "k ", "x{y}"}
	trickyKeys := []string{"a #b", "'q'", "<<", "? k", "[a]", "&a b", "- a"}
	literal := []string{"text", "  indented", "", "   ", "    ", "# not a comment", "- item", "key: value", "中文，标点。"}
	chance := func(n int) bool { return r.IntN(n) == 0 }
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	// Mostly what the fast path takes, sometimes what it must decline.
	scalar := func() string {
		if chance(15) {
			return pick(tricky)
		}
		return pick(scalars)
	}
	key := func() string {
		if chance(15) {
			return pick(trickyKeys)
		}
		return pick(keys)
	}
	var b strings.Builder
	line := func(indent int, s string) {
		if chance(100) {
			indent = max(indent+r.IntN(3)-1, 0) // off by one
		}
		b.WriteString(strings.Repeat(" ", indent) + s)
		if chance(20) {
			b.WriteString("  ") // trailing spaces
		}
		b.WriteString("\n")
		if chance(10) {
			b.WriteString(strings.Repeat(" ", r.IntN(4)) + "\n") // a blank line
		}
		if chance(200) {
			b.WriteString(strings.Repeat(" ", indent) + "# c\n")
		}
	}
	var block func(indent, depth int, seq bool)
	// value writes what follows "key:" or "- " on a line, and the lines below it.
	value := func(head string, indent, depth int) {
		switch n := r.IntN(10); {
		case n < 5 || depth > 3:
			line(indent, head+" "+scalar())
		case n == 5:
			chomp := []string{"", "-", "+", "", "-", "+", "2", " # c"}[r.IntN(8)]
			line(indent, head+" |"+chomp)
			extra := 2 + r.IntN(2)
			for range 1 + r.IntN(4) {
				line(indent+extra, pick(literal))
			}
		case n == 6 && strings.HasSuffix(head, ":"):
			line(indent, head) // null
		default:
			line(indent, head)
			step := []int{2, 2, 4, 1, 0}[r.IntN(5)]
			block(indent+step, depth+1, step == 0 || chance(2))
		}
	}
	block = func(indent, depth int, seq bool) {
		for range 1 + r.IntN(4) {
			switch {
			case !seq:
				value(key()+":", indent, depth)
			case chance(2):
				// "- key: value" and the keys lined up under it
				dash := "-" + strings.Repeat(" ", 1+r.IntN(2))
				value(dash+key()+":", indent, depth)
				for range r.IntN(3) {
					value(key()+":", indent+len(dash), depth)
				}
			default:
				value("-", indent, depth)
			}
		}
	}
	if chance(3) {
		b.WriteString("# yaml-language-server: $schema=x\n")
		if chance(2) {
			b.WriteString("\n")
		}
	}
	block(0, 0, chance(4))
	return b.String()
}

// Thousands of random files in the shapes of the subset: the fast path declines
// or matches yaml.v3, and it takes a fair share, so the comparison means something.
func TestFastParseRandomDocuments(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = 20000
	accepted := 0
	for range n {
		doc := randomDocument(r)
		ok, diff := sameAsYAMLv3([]byte(doc))
		if diff != "" {
			t.Fatalf("%q: %s", doc, diff)
		}
		if ok {
			accepted++
		}
	}
	t.Logf("fast path takes %d of %d random files", accepted, n)
	if accepted < n/10 {
		t.Errorf("fast path takes only %d of %d random files: the test tries too little of it", accepted, n)
	}
}
