package build

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"leitai/generator/internal/config"
	"leitai/generator/internal/testsite"
)

// sameAsFullBuild checks the builder's memory against a fresh full build on disk,
// byte for byte, file for file.
func sameAsFullBuild(t *testing.T, dir string, b *Builder) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{Config: filepath.Join(dir, "config.yaml"), Overrides: config.Overrides{Destination: out}})
	if err != nil {
		t.Fatalf("full build: %v %v", err, res.Problems)
	}
	disk := testsite.Files(t, out)
	mem := b.Output().Paths()
	for _, p := range mem {
		got, _ := b.Output().File(p)
		want, ok := disk[p]
		if !ok {
			t.Errorf("%s: in the incremental output, not in a full build", p)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: incremental output differs from a full build:\n%s", p, firstDiff(string(want), string(got)))
		}
	}
	for p := range disk {
		if !slices.Contains(mem, p) {
			t.Errorf("%s: in a full build, missing from the incremental output", p)
		}
	}
}

func TestIncrementalEqualsFullBuild(t *testing.T) {
	dir := testsite.Copy(t)
	b := NewBuilder(Options{Config: filepath.Join(dir, "config.yaml")})
	if u := b.Full(); !u.OK() {
		t.Fatalf("full build: %v", u.Problems)
	}
	sameAsFullBuild(t, dir, b)
	depts := filepath.Join(dir, "content", "departments")

	steps := []struct {
		name   string
		change func() []string
		// written, when set, is exactly what the rebuild must render.
		written []string
	}{
		{"edit a pledge", func() []string {
			p := filepath.Join(depts, "finance.yaml")
			testsite.Edit(t, p, "确保新发行的40亿元债券年底前用完", "确保新发行的40亿元债券在年底前全部用完")
			return []string{p}
		}, []string{
			"en/departments/ecology-environment/index.html", "en/departments/finance/index.html", "en/departments/industry-it/index.html", "en/index.html",
			"zh/departments/ecology-environment/index.html", "zh/departments/finance/index.html", "zh/departments/industry-it/index.html", "zh/index.html",
		}},
		{"rename a department (neighbours show its name)", func() []string {
			p := filepath.Join(depts, "health.yaml")
			testsite.Edit(t, p, "en: Qingdao Municipal Health Commission", "en: Qingdao Health Commission")
			return []string{p}
		}, nil},
		{"reorder", func() []string {
			p := filepath.Join(depts, "education.yaml")
			testsite.Edit(t, p, "order: 2", "order: 11")
			return []string{p}
		}, nil},
		{"add a department", func() []string {
			src, _ := os.ReadFile(filepath.Join(depts, "finance.yaml"))
			src = bytes.Replace(src, []byte("order: 5"), []byte("order: 12"), 1)
			src = bytes.ReplaceAll(src, []byte("市财政局"), []byte("市审计局"))
			p := filepath.Join(depts, "audit.yaml")
			if err := os.WriteFile(p, src, 0o644); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}, nil},
		{"remove the added department", func() []string {
			p := filepath.Join(depts, "audit.yaml")
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}, nil},
		{"edit the article", func() []string {
			p := filepath.Join(dir, "content", "articles", "department-arena-2022.en.md")
			testsite.Edit(t, p, "lead: Only", "lead: Revised. Only")
			return []string{p}
		}, nil},
		{"edit a group title", func() []string {
			p := filepath.Join(dir, "content", "groups.yaml")
			testsite.Edit(t, p, "深挖需求潜力畅通供需循环", "深挖需求潜力 畅通供需循环")
			return []string{p}
		}, nil},
		{"edit the department template", func() []string {
			p := filepath.Join(dir, "themes", "default", "layouts", "department.html")
			testsite.Edit(t, p, `<article class="department"`, `<article class="department" data-edited="1"`)
			return []string{p}
		}, nil},
		{"edit the stylesheet", func() []string {
			p := filepath.Join(dir, "themes", "default", "static", "style.css")
			testsite.Edit(t, p, "--measure: 36rem;", "--measure: 38rem;")
			return []string{p}
		}, nil},
		{"edit config", func() []string {
			p := filepath.Join(dir, "config.yaml")
			testsite.Edit(t, p, "zh: 部门擂台 · 军令状", "zh: 部门擂台")
			return []string{p}
		}, nil},
	}
	for _, s := range steps {
		u := b.Apply(s.change())
		if !u.OK() {
			t.Fatalf("%s: %v", s.name, u.Problems)
		}
		if s.written != nil && !slices.Equal(u.Written, s.written) {
			t.Errorf("%s: rendered %v, want %v", s.name, u.Written, s.written)
		}
		if s.name == "edit the department template" {
			for _, w := range u.Written {
				if !strings.Contains(w, "/departments/") {
					t.Errorf("a department template change rendered %s", w)
				}
			}
		}
		t.Run(s.name, func(t *testing.T) { sameAsFullBuild(t, dir, b) })
	}
}

func TestIncrementalKeepsLastGoodOutputOnError(t *testing.T) {
	dir := testsite.Copy(t)
	b := NewBuilder(Options{Config: filepath.Join(dir, "config.yaml")})
	if u := b.Full(); !u.OK() {
		t.Fatal(u.Problems)
	}
	before, _ := b.Output().File("zh/departments/finance/index.html")
	p := filepath.Join(dir, "content", "departments", "finance.yaml")
	testsite.Edit(t, p, "pledges:", "pledge:")
	u := b.Apply([]string{p})
	if u.OK() {
		t.Fatal("a broken file built without errors")
	}
	if got := u.Problems[0]; got.File != "content/departments/finance.yaml" || got.Line == 0 || !strings.Contains(got.Msg, `unknown key "pledge"`) {
		t.Errorf("first problem = %s", got.Format())
	}
	after, _ := b.Output().File("zh/departments/finance/index.html")
	if !bytes.Equal(before, after) {
		t.Error("the last good page was replaced while the content is broken")
	}
	testsite.Edit(t, p, "pledge:", "pledges:")
	if u := b.Apply([]string{p}); !u.OK() {
		t.Fatalf("fixed file still has problems: %v", u.Problems)
	}
	sameAsFullBuild(t, dir, b)

	// While one file is broken, an editor goes on: edits another, then fixes
	// the first with other words than it had. Every edit made while the site
	// could not be built reaches the output once it can.
	testsite.Edit(t, p, "pledges:", "pledge:")
	if u := b.Apply([]string{p}); u.OK() {
		t.Fatal("a broken file built without errors")
	}
	other := filepath.Join(dir, "content", "departments", "health.yaml")
	testsite.Edit(t, other, "en: Qingdao Municipal Health Commission", "en: Qingdao Health Commission")
	if u := b.Apply([]string{other}); u.OK() {
		t.Fatal("the site built while finance.yaml is broken")
	}
	testsite.Edit(t, p, "pledge:", "pledges:")
	testsite.Edit(t, p, "确保新发行的40亿元债券年底前用完", "确保新发行的40亿元债券在年底前全部用完")
	if u := b.Apply([]string{p}); !u.OK() {
		t.Fatalf("fixed file still has problems: %v", u.Problems)
	}
	sameAsFullBuild(t, dir, b)
}

// A site too big for one summary has group pages of cards: a department edit
// must reach its group's page too, and still equal a full build.
func TestIncrementalEqualsFullBuildPaged(t *testing.T) {
	cfg := corpusSite(t, 120)
	dir := filepath.Dir(cfg)
	b := NewBuilder(Options{Config: cfg})
	if u := b.Full(); !u.OK() {
		t.Fatalf("full build: %v", u.Problems)
	}
	file := filepath.Join(dir, "content", "departments", "finance.yaml")
	testsite.Edit(t, file, "pledges:\n  - zh: ", "pledges:\n  - zh: 修改后：")
	u := b.Apply([]string{file})
	if !u.OK() {
		t.Fatal(u.Problems)
	}
	group := 0
	for _, w := range u.Written {
		if strings.Contains(w, "/groups/") {
			group++
		}
	}
	if group != 2 {
		t.Errorf("rendered %d group pages, want the one that lists it, in each language: %v", group, u.Written)
	}
	if len(u.Written) > 12 {
		t.Errorf("one edit rendered %d pages: %v", len(u.Written), u.Written)
	}
	sameAsFullBuild(t, dir, b)

	// A session of edits to one department after another: texts, a name its
	// neighbours and its group page show, a pledge more for the summaries to count, and
	// the same department twice. Enough edits that the plan folds the pages it
	// rebound into its index on the way.
	names, err := filepath.Glob(filepath.Join(dir, "content", "departments", "*.yaml"))
	if err != nil || len(names) < 12 {
		t.Fatalf("departments: %v %v", names, err)
	}
	edits := []struct {
		file, from, to string
	}{
		{names[0], "pledges:\n  - zh: ", "pledges:\n  - zh: 第二次："},
		{names[1], "\n  en: ", "\n  en: Renamed "},
		{names[2], "pledges:\n", "pledges:\n  - zh: 新增一项\n    en: One more\n    status: not-rated\n"},
		{names[0], "第二次：", "第三次："},
	}
	for i := 3; i < 12; i++ {
		edits = append(edits, struct{ file, from, to string }{names[i], "pledges:\n  - en: ", "pledges:\n  - en: Edited: "})
		edits = append(edits, struct{ file, from, to string }{names[i], "pledges:\n  - zh: ", "pledges:\n  - zh: 改："})
	}
	applied := 0
	for _, e := range edits {
		src, err := os.ReadFile(e.file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(src, []byte(e.from)) {
			continue // this department's file is written the other way round
		}
		testsite.Edit(t, e.file, e.from, e.to)
		if u := b.Apply([]string{e.file}); !u.OK() {
			t.Fatalf("%s: %v", e.file, u.Problems)
		}
		applied++
	}
	if applied < 12 {
		t.Fatalf("only %d of %d edits applied: the corpus's files changed shape", applied, len(edits))
	}
	sameAsFullBuild(t, dir, b)
}

// TestIncrementalEqualsFullBuildEditions edits the publication of three
// editions as an editor would, in every edition and in the links between
// them, breaking and fixing: after each step the preview's output equals a
// full build, and an edit inside one department renders only the pages that
// show it.
func TestIncrementalEqualsFullBuildEditions(t *testing.T) {
	dir := testsite.CopyFrom(t, testsite.Editions())
	b := NewBuilder(Options{Config: filepath.Join(dir, "config.yaml")})
	if u := b.Full(); !u.OK() {
		t.Fatalf("full build: %v", u.Problems)
	}
	sameAsFullBuild(t, dir, b)
	ed := func(id, rest string) string {
		return filepath.Join(dir, "content", "editions", id, filepath.FromSlash(rest))
	}
	both := func(paths ...string) []string {
		var out []string
		for _, l := range []string{"en", "zh"} {
			for _, p := range paths {
				out = append(out, l+"/"+p)
			}
		}
		slices.Sort(out)
		return out
	}
	write := func(p, data string) { writeFile(t, p, data) }
	steps := []struct {
		name   string
		change func() []string
		// written, when set, is exactly what the rebuild must render;
		// broken, that the content then has errors.
		written []string
		broken  bool
	}{
		{"edit a pledge of edition 2 that edition 4 makes again", func() []string {
			p := ed("2", "departments/alpha.yaml")
			testsite.Edit(t, p, "en: More than 200 billion yuan of new loans over the year", "en: Over 200 billion yuan of new loans in the year")
			return []string{p}
			// Its own pages, its neighbour's, its edition's summary, the
			// archive, the home page; not edition 4's page of the pledge that
			// renews it, which shows its number and status, not its words.
		}, both("departments/alpha/index.html", "editions/2/departments/alpha/index.html", "editions/2/departments/beta/index.html",
			"editions/2/index.html", "editions/index.html", "index.html"), false},
		{"an id for a pledge another edition follows by its number: the link there leads to the new anchor", func() []string {
			p := ed("3", "departments/gamma.yaml")
			testsite.Edit(t, p, "en: Assign a service officer to every firm}", "en: Assign a service officer to every firm, id: officer}")
			return []string{p}
		}, nil, false},
		{"relink a pledge: the old and the new other end change", func() []string {
			p := ed("4", "departments/alpha.yaml")
			testsite.Edit(t, p, "follows: {edition: 3, department: gamma, pledge: 1}", "follows: {edition: 3, department: beta, pledge: 1}")
			return []string{p}
		}, both("departments/alpha/index.html", "departments/beta/index.html", "departments/delta/index.html", "departments/gamma/index.html",
			"editions/3/departments/beta/index.html", "editions/3/departments/gamma/index.html", "editions/4/departments/alpha/index.html",
			"editions/4/departments/delta/index.html", "editions/4/index.html", "editions/index.html", "index.html"), false},
		{"rename a department another edition's link names", func() []string {
			p := ed("3", "departments/beta.yaml")
			testsite.Edit(t, p, "name: {zh: 乙局, en: Beta Bureau}", "name: {zh: 乙局（新）, en: New Beta Bureau}")
			return []string{p}
		}, nil, false},
		{"a link to a pledge that does not exist", func() []string {
			p := ed("4", "departments/alpha.yaml")
			testsite.Edit(t, p, "department: beta, pledge: 1}", "department: beta, pledge: 9}")
			return []string{p}
		}, nil, true},
		{"fixed", func() []string {
			p := ed("4", "departments/alpha.yaml")
			testsite.Edit(t, p, "department: beta, pledge: 9}", "department: beta, pledge: 1}")
			return []string{p}
		}, nil, false},
		{"a pledge's status changes; the pledge that renews it shows it", func() []string {
			p := ed("2", "departments/alpha.yaml")
			testsite.Edit(t, p, "        status: achieved\n  - {zh", "        status: partly-achieved\n  - {zh")
			testsite.Edit(t, p, "    status: achieved\n", "    status: partly-achieved\n")
			return []string{p}
		}, nil, false},
		{"add a department to edition 3", func() []string {
			src, err := os.ReadFile(ed("3", "departments/gamma.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			s := strings.Replace(string(src), "order: 2", "order: 3", 1)
			s = strings.ReplaceAll(s, "丙局", "戊局")
			p := ed("3", "departments/epsilon.yaml")
			write(p, s)
			return []string{p}
		}, nil, false},
		{"remove it", func() []string {
			p := ed("3", "departments/epsilon.yaml")
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}, nil, false},
		{"edit edition 2's report", func() []string {
			p := ed("2", "articles/arena-2.en.md")
			testsite.Edit(t, p, "lead: Two departments", "lead: Revised. Two departments")
			return []string{p}
		}, nil, false},
		{"retitle edition 3", func() []string {
			p := ed("3", "edition.yaml")
			testsite.Edit(t, p, "en: Tackling the hard problems", "en: Taking on the hard problems")
			return []string{p}
		}, nil, false},
		{"a department file left outside the editions", func() []string {
			p := filepath.Join(dir, "content", "departments", "zeta.yaml")
			src, _ := os.ReadFile(ed("4", "departments/delta.yaml"))
			write(p, string(src))
			return []string{p}
		}, nil, true},
		{"moved into edition 4", func() []string {
			from := filepath.Join(dir, "content", "departments", "zeta.yaml")
			to := ed("4", "departments/zeta.yaml")
			src, _ := os.ReadFile(from)
			write(to, strings.Replace(string(src), "order: 2", "order: 3", 1))
			if err := os.Remove(from); err != nil {
				t.Fatal(err)
			}
			return []string{from, to}
		}, nil, false},
		{"a new edition, with no department yet", func() []string {
			write(ed("5", "edition.yaml"), "number: 5\ndate: 2023-06-01\ntitle: {zh: 新的一期, en: A new session}\nseries: {zh: 测试年“部门擂台”, en: the test year’s “Department Arena”}\n")
			return []string{ed("5", "edition.yaml")}
		}, nil, false},
		{"a new edition, whose department renews a pledge of edition 4", func() []string {
			write(ed("5", "edition.yaml"), "number: 5\ndate: 2023-06-01\ntitle: {zh: 新的一期, en: A new session}\nseries: {zh: 测试年“部门擂台”, en: the test year’s “Department Arena”}\n")
			src, _ := os.ReadFile(ed("4", "departments/delta.yaml"))
			s := strings.Replace(string(src), "  - {zh: 新增学位8000个, en: Add 8000 school places}",
				"  - zh: 新增学位8000个\n    en: Add 8000 school places\n    again: {edition: 4, pledge: 1}", 1)
			write(ed("5", "departments/delta.yaml"), s)
			return []string{ed("5", "edition.yaml"), ed("5", "departments/delta.yaml")}
		}, nil, false},
		{"edit edition 5's department", func() []string {
			p := ed("5", "departments/delta.yaml")
			testsite.Edit(t, p, "  - {zh: 办好家门口的好学校", "  - {zh: 办好每一所家门口的好学校")
			return []string{p}
		}, nil, false},
		{"remove edition 5", func() []string {
			if err := os.RemoveAll(ed("5", "")); err != nil {
				t.Fatal(err)
			}
			return []string{ed("5", "edition.yaml"), ed("5", "departments/delta.yaml")}
		}, nil, false},
	}
	for _, s := range steps {
		u := b.Apply(s.change())
		if u.OK() == s.broken {
			t.Fatalf("%s: ok = %v, want %v: %v", s.name, u.OK(), !s.broken, u.Problems)
		}
		if s.written != nil && !slices.Equal(u.Written, s.written) {
			t.Errorf("%s: rendered\n%v\nwant\n%v", s.name, u.Written, s.written)
		}
		if !s.broken {
			t.Run(s.name, func(t *testing.T) { sameAsFullBuild(t, dir, b) })
		}
	}
}

// TestIncrementalEditionsRendersWhatItTouches edits one department of a
// publication of editions at two sizes, 10 editions of 20 and 40 of 50: the
// rebuild renders the same pages at both (its own, its neighbours', its
// page across editions, its edition's summary, the home page, the archive
// page that lists its edition, and the pages of the department's other
// edition, whose pledge it makes again), not more as the publication grows;
// and equals a full build.
func TestIncrementalEditionsRendersWhatItTouches(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a publication of 2,000 department appearances")
	}
	var counts []int
	// The archive lists 20 editions a page, newest first: edition 5 is on
	// its first page at 10 editions, on its second at 40.
	for _, size := range []struct {
		editions, n    int
		archive, other string
	}{{10, 200, "zh/editions/index.html", ""}, {40, 2000, "zh/editions/page/2/index.html", "zh/editions/index.html"}} {
		cfg := editionsSite(t, size.editions, size.n)
		dir := filepath.Dir(cfg)
		b := NewBuilder(Options{Config: cfg})
		if u := b.Full(); !u.OK() {
			t.Fatalf("full build: %v", u.Problems)
		}
		// A department of edition 5 (from 1) that stood in edition 4 too: its
		// first pledge makes edition 4's again.
		files, _ := filepath.Glob(filepath.Join(dir, "content", "editions", "5", "departments", "*.yaml"))
		var file string
		for _, f := range files {
			if strings.Contains(readString(t, f), "again: {edition: 4, pledge: 1}") {
				file = f
				break
			}
		}
		if file == "" {
			t.Fatal("no department of edition 5 renews a pledge of edition 4")
		}
		testsite.Edit(t, file, "pledges:\n  - zh: ", "pledges:\n  - zh: 修改后：")
		u := b.Apply([]string{file})
		if !u.OK() {
			t.Fatal(u.Problems)
		}
		// The archive page that lists edition 5 counts its departments and
		// pledges; the page of editions 21 to 40 shows none of them.
		if size.other != "" && slices.Contains(u.Written, size.other) {
			t.Errorf("%d editions: the edit rendered %s, which does not list edition 5", size.editions, size.other)
		}
		n := 0
		for _, w := range u.Written {
			if !regexp.MustCompile(`^[a-z]+/editions/(page/\d+/)?index\.html$`).MatchString(w) {
				n++
			}
		}
		counts = append(counts, n)
		slug := strings.TrimSuffix(filepath.Base(file), ".yaml")
		for _, want := range []string{"zh/editions/5/departments/" + slug + "/index.html", "en/departments/" + slug + "/index.html",
			"zh/editions/5/index.html", size.archive, "zh/index.html"} {
			if !slices.Contains(u.Written, want) {
				t.Errorf("%d editions: the edit did not render %s: %v", size.editions, want, u.Written)
			}
		}
		if size.editions == 10 {
			sameAsFullBuild(t, dir, b)
		}
	}
	if counts[0] != counts[1] || counts[0] > 20 {
		t.Errorf("one department's edit rendered %d pages besides the archive at 10 editions of 20 and %d at 40 of 50", counts[0], counts[1])
	}
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
