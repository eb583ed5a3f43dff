package main

import (
	"bytes"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"leitai/generator/internal/corpus"
	"leitai/generator/internal/testsite"
)

// TestNewEditionMovesTheSiteIntoEditions turns a copy of the real content into
// a site of editions as an editor would: `new edition 5` moves the present
// edition (第四期) into content/editions/4/ and writes edition 5's file; the
// moved edition alone builds byte for byte as before; `new department
// finance --edition 5` starts from the bureau's name and group and offers
// edition 4's pledges to link to; filled in, the site builds with the bureau's
// page spanning both editions.
func TestNewEditionMovesTheSiteIntoEditions(t *testing.T) {
	cfg := copySite(t, "..")
	root := filepath.Dir(cfg)
	before := filepath.Join(t.TempDir(), "before")
	if code, _, stderr := runCmd("build", "--config", cfg, "--destination", before); code != 0 {
		t.Fatal(stderr)
	}

	code, stdout, stderr := runCmd("new", "edition", "5", "--config", cfg)
	if code != 0 {
		t.Fatalf("new edition exited %d: %s", code, stderr)
	}
	for _, want := range []string{
		"moved content/edition.yaml to content/editions/4/edition.yaml\n",
		"moved content/departments to content/editions/4/departments\n",
		"moved content/articles to content/editions/4/articles\n",
		"wrote content/editions/5/edition.yaml\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	finance := filepath.Join(root, "content", "editions", "4", "departments", "finance.yaml")
	first, _, _ := strings.Cut(readFile(t, finance), "\n")
	ref := strings.TrimPrefix(first, "# yaml-language-server: $schema=")
	// The copy has no schema/ folder: the line must lead where the
	// repository's is.
	if got := filepath.Join(filepath.Dir(finance), ref); ref == first || got != filepath.Join(root, "schema", "department.schema.json") {
		t.Errorf("the moved file's schema line %q leads to %s", first, got)
	}
	if first, _, _ := strings.Cut(readFile(t, filepath.Join(root, "content", "editions", "4", "edition.yaml")), "\n"); first != "# yaml-language-server: $schema=../../../schema/edition.schema.json" {
		t.Errorf("the moved edition file's schema line is %q", first)
	}
	// What is left to do is edition 5's title and date: its series is the
	// one edition 4 had.
	ed5 := filepath.Join(root, "content", "editions", "5", "edition.yaml")
	src := readFile(t, ed5)
	if !strings.Contains(src, "number: 5 ") || !strings.Contains(src, "  zh: 作风能力提升年“部门擂台”\n") {
		t.Errorf("edition 5's file:\n%s", src)
	}
	code, problems := checkJSON(t, cfg)
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := []string{
		"content/editions/5/edition.yaml:6:7: error: date is not filled in yet",
		"content/editions/5/edition.yaml:8:7: error: title.zh is not filled in yet",
		"content/editions/5/edition.yaml:9:7: error: title.en is not filled in yet",
	}
	if code != 1 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("check on the new edition: exit %d\n%s\nwant\n%s", code, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Edition 4, moved, is the site it was: not a byte of its output changes.
	if err := os.Rename(filepath.Dir(ed5), filepath.Join(t.TempDir(), "ed5")); err != nil {
		t.Fatal(err)
	}
	moved := filepath.Join(t.TempDir(), "moved")
	if code, _, stderr := runCmd("build", "--config", cfg, "--destination", moved); code != 0 {
		t.Fatal(stderr)
	}
	a, b := testsite.Files(t, before), testsite.Files(t, moved)
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s changed when the edition moved into content/editions/4/", name)
		}
	}
	if len(a) != len(b) {
		t.Errorf("%d files before the move, %d after", len(a), len(b))
	}

	// A second edition, and the bureau in it.
	if code, _, stderr := runCmd("new", "edition", "5", "--config", cfg); code != 0 {
		t.Fatalf("new edition on a site of editions exited %d: %s", code, stderr)
	}
	if code, _, stderr := runCmd("new", "department", "finance", "--config", cfg); code == 0 || !strings.Contains(stderr, "--edition <id> (4, 5)") {
		t.Errorf("new department without --edition on a site of two: exit %d, %q", code, stderr)
	}
	code, stdout, stderr = runCmd("new", "department", "finance", "--edition", "5", "--config", cfg)
	if code != 0 || !strings.Contains(stdout, "wrote content/editions/5/departments/finance.yaml") {
		t.Fatalf("new department --edition 5: exit %d, %s%s", code, stdout, stderr)
	}
	path := filepath.Join(root, "content", "editions", "5", "departments", "finance.yaml")
	src = readFile(t, path)
	for _, want := range []string{
		"# yaml-language-server: $schema=../../../../schema/department.schema.json\n",
		"order: 1 ",
		"group: factors ",
		"  zh: 市财政局\n  en: Qingdao Municipal Bureau of Finance\n",
		"上次登台时为：鞠立果",                                // the leader to confirm
		"when it last stood in the arena: Ju Liguo", // in every language
		"    # follows: {edition: 4, pledge: N}",
		"    #   2: 确保新发行的40亿元债券年底前用完\n",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("the department's file lacks %q:\n%s", want, src)
		}
	}
	testsite.Edit(t, ed5, "date: TODO", "date: 2023-06-20 #")
	fillIn(t, ed5, "")
	fillIn(t, path, "")
	testsite.Edit(t, path, "    # follows: {edition: 4, pledge: N}", "    follows: {edition: 4, pledge: 2} #")
	if code, problems := checkJSON(t, cfg); code != 0 {
		t.Fatalf("filled in, the new edition is refused: %v\n%s", problems, readFile(t, path))
	}
	out := filepath.Join(t.TempDir(), "after")
	if code, _, stderr := runCmd("build", "--config", cfg, "--destination", out); code != 0 {
		t.Fatal(stderr)
	}
	page := read(t, filepath.Join(out, "zh", "departments", "finance", "index.html"))
	for _, want := range []string{"第五期", `id="edition-4-pledge-2"`, "确保新发行的40亿元债券年底前用完", `承接<a href="/zh/editions/4/departments/finance/#pledge-2">第四期第2项承诺</a>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the bureau's page across editions lacks %s", want)
		}
	}
}

func TestNewEditionRefuses(t *testing.T) {
	// A site whose one edition has no number cannot move it.
	cfg := copySite(t, checkSite)
	code, _, stderr := runCmd("new", "edition", "2", "--config", cfg)
	if code != 1 || !strings.Contains(stderr, "name it first in content/edition.yaml") {
		t.Errorf("new edition on an unnamed edition: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(cfg), "content", "editions")); err == nil {
		t.Error("new edition wrote content/editions/ while refusing")
	}
	cfg = copySite(t, testsite.Editions())
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"new", "edition", "3"}, "edition 3 already exists"},
		{[]string{"new", "edition", "Five"}, "not a valid edition id"},
		{[]string{"new", "department", "zeta", "--edition", "9"}, `there is no edition "9" (editions: 2, 3, 4)`},
		{[]string{"new", "article", "arena-2", "--edition", "3"}, "content/editions/2/articles/arena-2.zh.md already exists"},
	} {
		code, _, stderr := runCmd(append(c.args, "--config", cfg)...)
		if code != 1 || !strings.Contains(stderr, c.msg) {
			t.Errorf("%v: exit %d, %q; want %q", c.args, code, stderr, c.msg)
		}
	}
}

// sitemapPaths reads a built site's sitemap and returns the path of every
// address it lists, from the host's root.
func sitemapPaths(t *testing.T, out string) []string {
	t.Helper()
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(read(t, filepath.Join(out, "sitemap.xml"))), &sm); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, u := range sm.URLs {
		p, err := url.Parse(u.Loc)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p.Path)
	}
	if len(paths) == 0 {
		t.Fatal("the sitemap lists nothing")
	}
	return paths
}

var (
	refreshRE   = regexp.MustCompile(`<meta http-equiv="refresh" content="0; url=([^"]+)">`)
	canonicalRE = regexp.MustCompile(`<link rel="canonical" href="([^"]+)">`)
)

// stillAnswers serves the built folder with a file server and asks for every
// path: each answers 200, and a page that moved is a redirect page (a meta
// refresh, and a canonical link to the same place) to a page that answers 200.
// It returns the paths that moved, and each page's body.
func stillAnswers(t *testing.T, out string, paths []string) (moved map[string]string, bodies map[string]string) {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	get := func(p string) (int, string) {
		resp, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	moved, bodies = map[string]string{}, map[string]string{}
	for _, p := range paths {
		code, body := get(p)
		if code != http.StatusOK {
			t.Errorf("%s answers %d after the second edition", p, code)
			continue
		}
		bodies[p] = body
		m := refreshRE.FindStringSubmatch(body)
		if m == nil {
			continue
		}
		moved[p] = m[1]
		c := canonicalRE.FindStringSubmatch(body)
		if c == nil || !strings.HasSuffix(c[1], m[1]) {
			t.Errorf("%s leads to %s but its canonical link is %v", p, m[1], c)
		}
		if strings.Contains(body, "<script>") {
			t.Errorf("%s: a redirect page with a script", p)
		}
		if code, _ := get(m[1]); code != http.StatusOK {
			t.Errorf("%s leads to %s, which answers %d", p, m[1], code)
		}
	}
	return moved, bodies
}

var pledgeText = regexp.MustCompile(`(?s)<li id="pledge-[^"]+">\s*<span class="badge[^"]*">[^<]*</span>\s*([^<\n]+)`)

// TestSecondEditionKeepsEveryAddress builds the real content, then a copy of
// it moved into content/editions/4/ with a made-up fifth edition beside it,
// and asks the second build for every address in the first one's sitemap: all
// answer, and a department's address still has the pledges it had. None of the
// real content's addresses moves.
func TestSecondEditionKeepsEveryAddress(t *testing.T) {
	first := buildReal(t)
	paths := sitemapPaths(t, first)

	cfg := copySite(t, "..")
	root := filepath.Dir(cfg)
	ed4 := filepath.Join(root, "content", "editions", "4")
	if err := os.MkdirAll(ed4, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"edition.yaml", "departments", "articles"} {
		if err := os.Rename(filepath.Join(root, "content", name), filepath.Join(ed4, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.CopyFS(filepath.Join(root, "content", "editions", "5"), os.DirFS(testsite.SecondEdition())); err != nil {
		t.Fatal(err)
	}
	second := filepath.Join(t.TempDir(), "second")
	if code, stdout, stderr := runCmd("build", "--config", cfg, "--destination", second); code != 0 {
		t.Fatalf("the second edition does not build: %s%s", stdout, stderr)
	}
	moved, bodies := stillAnswers(t, second, paths)
	if len(moved) > 0 {
		t.Errorf("addresses of the real content moved: %v", moved)
	}
	// A department's address is now its page across editions: the pledges
	// it had are still there.
	departments := 0
	for _, p := range paths {
		if !strings.Contains(p, "/departments/") {
			continue
		}
		departments++
		was := read(t, filepath.Join(first, filepath.FromSlash(strings.TrimPrefix(p, "/")), "index.html"))
		for _, m := range pledgeText.FindAllStringSubmatch(was, -1) {
			if !strings.Contains(bodies[p], strings.TrimSpace(m[1])) {
				t.Errorf("%s no longer shows the pledge %q", p, m[1])
			}
		}
	}
	if departments != 20 {
		t.Errorf("%d department addresses in the first sitemap, want 20", departments)
	}
	// And the second build has what the second edition adds.
	for _, p := range []string{"zh/editions/index.html", "zh/editions/4/index.html", "zh/editions/5/departments/finance/index.html", "en/departments/audit/index.html"} {
		if _, err := os.Stat(filepath.Join(second, filepath.FromSlash(p))); err != nil {
			t.Errorf("the second build has no %s", p)
		}
	}
}

// TestSecondEditionRedirectsMovedGroupPages does the same for a site too big
// for one summary, whose groups had their own pages: with a second edition
// each group's pages belong to an edition, and the old addresses lead there.
func TestSecondEditionRedirectsMovedGroupPages(t *testing.T) {
	cfg := pagedSite(t)
	first := filepath.Join(t.TempDir(), "first")
	if code, _, stderr := runCmd("build", "--config", cfg, "--destination", first); code != 0 {
		t.Fatal(stderr)
	}
	paths := sitemapPaths(t, first)
	addSecondEdition(t, cfg)
	out := filepath.Join(t.TempDir(), "second")
	if code, stdout, stderr := runCmd("build", "--config", cfg, "--destination", out); code != 0 {
		t.Fatalf("%s%s", stdout, stderr)
	}
	moved, _ := stillAnswers(t, out, paths)
	groups := 0
	for _, p := range paths {
		if !strings.Contains(p, "/groups/") {
			continue
		}
		groups++
		to, ok := moved[p]
		if want := strings.Replace(p, "/groups/", "/editions/1/groups/", 1); !ok || to != want {
			t.Errorf("%s leads to %q, want %s: its cards are edition 1's", p, to, want)
		}
	}
	if groups < 6 || len(moved) != groups {
		t.Errorf("%d group pages in the first sitemap, %d addresses moved: %v", groups, len(moved), moved)
	}
}

// pagedSite writes a synthetic site of 120 departments, too many for one
// summary, as one edition named by content/edition.yaml, and returns its
// config.
func pagedSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := corpus.New(corpus.Options{Departments: 120, Seed: 1}).WriteLeitai(dir, filepath.Join("..", "themes", "default")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "edition.yaml"), []byte(pagedEdition), 0o644); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "config.yaml")
}

const pagedEdition = "number: 1\ndate: 2022-01-10\ntitle: {zh: 第一期, en: The first}\nseries: {zh: 测试擂台, en: Test arena}\n"

// addSecondEdition gives the site pagedSite wrote a second edition of one
// department, with `new edition`, which moves the first into content/editions/1/.
func addSecondEdition(t *testing.T, cfg string) {
	t.Helper()
	if code, _, stderr := runCmd("new", "edition", "2", "--config", cfg); code != 0 {
		t.Fatal(stderr)
	}
	content := filepath.Join(filepath.Dir(cfg), "content")
	ed2 := filepath.Join(content, "editions", "2")
	second := strings.NewReplacer("number: 1", "number: 2", "2022-01-10", "2022-06-10", "第一期", "第二期", "The first", "The second").Replace(pagedEdition)
	if err := os.WriteFile(filepath.Join(ed2, "edition.yaml"), []byte(second), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(content, "editions", "1", "departments", "finance.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(ed2, "departments"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ed2, "departments", "finance.yaml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
}
