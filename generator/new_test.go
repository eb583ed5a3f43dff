package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// fillIn replaces every placeholder of a skeleton with text, as an editor would:
// the group with an id from groups.yaml, everything else with some words.
func fillIn(t *testing.T, path, group string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := regexp.MustCompile(`(?m)^group: TODO`).ReplaceAllString(string(b), "group: "+group)
	s = regexp.MustCompile(`TODO[^\n]*`).ReplaceAllString(s, "Written by the editor.")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestNewDepartmentSkeleton(t *testing.T) {
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	code, stdout, stderr := runCmd("new", "department", "urban-renewal", "--config", cfg)
	if code != 0 {
		t.Fatalf("new exited %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "wrote content/departments/urban-renewal.yaml") {
		t.Errorf("stdout %q does not name the file", stdout)
	}
	path := filepath.Join(root, "content", "departments", "urban-renewal.yaml")
	src := readFile(t, path)
	for _, want := range []string{
		"# yaml-language-server: $schema=../../schema/department.schema.json\n",
		"order: 3 ",                   // after alpha (1) and beta (2)
		"# one of: demand, wellbeing", // the groups to choose from
	} {
		if !strings.Contains(src, want) {
			t.Errorf("skeleton lacks %q:\n%s", want, src)
		}
	}

	// Everything check finds is a text still to fill in, in the new file, one per
	// placeholder.
	code, problems := checkJSON(t, cfg)
	if code != 1 || len(problems) == 0 {
		t.Fatalf("check on a fresh skeleton: exit %d, %d problems", code, len(problems))
	}
	for _, p := range problems {
		if p.File != "content/departments/urban-renewal.yaml" || !strings.HasSuffix(p.Message, "is not filled in yet") || p.Line == 0 || p.Col == 0 {
			t.Errorf("unexpected problem: %s", p)
		}
	}
	if n := strings.Count(src, "TODO") - strings.Count(src, "Replace every TODO"); len(problems) != n {
		t.Errorf("%d problems for %d placeholders", len(problems), n)
	}

	// Filled in, it builds, and the new department is published.
	fillIn(t, path, "wellbeing")
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCmd("build", "--config", cfg, "--destination", out); code != 0 {
		t.Fatalf("filled-in skeleton does not build:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "en", "departments", "urban-renewal", "index.html")); err != nil {
		t.Error(err)
	}
}

// The optional lines a new department file shows as comments are what check
// accepts, once uncommented in a file whose texts have the words they quote.
func TestNewDepartmentSkeletonExamples(t *testing.T) {
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	if code, _, stderr := runCmd("new", "department", "urban-renewal", "--config", cfg); code != 0 {
		t.Fatalf("new exited %d: %s", code, stderr)
	}
	path := filepath.Join(root, "content", "departments", "urban-renewal.yaml")
	fillIn(t, path, "wellbeing")
	src := readFile(t, path)
	// The pledge says 年底前 and 超过2500亿元; the record has the corrected reading.
	src = strings.Replace(src, "  - zh: Written by the editor.\n    en: Written by the editor.\n    # Optional",
		"  - zh: 年底前新增贷款超过2500亿元\n    en: More than 250 billion yuan of new loans by the end of the year\n    # Optional", 1)
	src = strings.Replace(src, "achievements:            # 亮绩: this year's record, one claim per item\n  - zh: Written by the editor.",
		"achievements:            # 亮绩: this year's record, one claim per item\n  - zh: 干字为先", 1)
	uncommented := 0
	for _, key := range []string{"    # id:", "    # target:", "    # scope:", "    # due:", "# corrections:", "#   - printed:", "#     corrected:", "#     note:"} {
		i := strings.Index(src, key)
		if i < 0 {
			t.Fatalf("the skeleton has no %q line:\n%s", key, src)
		}
		src = src[:i] + strings.Replace(src[i:], "# ", "", 1)
		uncommented++
	}
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, problems := checkJSON(t, cfg); code != 0 {
		t.Errorf("the skeleton's examples, uncommented, are refused (%d lines):\n%v\n%s", uncommented, problems, src)
	}
}

func TestNewArticleSkeleton(t *testing.T) {
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	code, stdout, stderr := runCmd("new", "--config", cfg, "article", "year-end")
	if code != 0 {
		t.Fatalf("new exited %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "content/articles/year-end.zh.md, content/articles/year-end.en.md") {
		t.Errorf("stdout %q does not name both files", stdout)
	}
	code, problems := checkJSON(t, cfg)
	if code != 1 {
		t.Fatalf("check exit %d", code)
	}
	// Title, lead and body in each language.
	if len(problems) != 6 {
		t.Errorf("%d problems, want 6: %v", len(problems), problems)
	}
	for _, p := range problems {
		if !strings.HasPrefix(p.File, "content/articles/year-end.") || !strings.Contains(p.Message, "not filled in yet") {
			t.Errorf("unexpected problem: %s", p)
		}
	}
	for _, l := range []string{"zh", "en"} {
		fillIn(t, filepath.Join(root, "content", "articles", "year-end."+l+".md"), "")
	}
	if code, problems := checkJSON(t, cfg); code != 0 {
		t.Errorf("filled-in article: exit %d, %v", code, problems)
	}
}

func TestNewRefuses(t *testing.T) {
	cfg := copySite(t, checkSite)
	alpha := filepath.Join(filepath.Dir(cfg), "content", "departments", "alpha.yaml")
	before := readFile(t, alpha)
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"new", "department", "alpha", "--config", cfg}, 1, "content/departments/alpha.yaml already exists"},
		{[]string{"new", "department", "Urban_Renewal", "--config", cfg}, 1, "not a valid slug"},
		{[]string{"new", "department", "../escape", "--config", cfg}, 1, "not a valid slug"},
		{[]string{"new", "article", "report", "--config", cfg}, 1, "content/articles/report.zh.md already exists"},
		{[]string{"new", "page", "x", "--config", cfg}, 2, "Usage:"},
		{[]string{"new", "department", "--config", cfg}, 2, "Usage:"},
	}
	for _, c := range cases {
		code, _, stderr := runCmd(c.args...)
		if code != c.code || !strings.Contains(stderr, c.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args[1:3], code, stderr, c.code, c.msg)
		}
	}
	if readFile(t, alpha) != before {
		t.Error("new changed an existing file")
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(cfg), "escape.yaml")); err == nil {
		t.Error("new wrote outside content/")
	}
}
