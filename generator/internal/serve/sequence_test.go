package serve

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"leitai/generator/internal/build"
	"leitai/generator/internal/config"
	"leitai/generator/internal/diag"
	"leitai/generator/internal/testsite"
)

// TestEditSequence uses the preview as an editor does, at random: breaks a
// file's YAML and fixes it, adds, removes and renames departments, breaks and
// fixes links, edits texts, orders, groups, templates, the stylesheet and the
// config. After each edit has been rebuilt, the server must hold what a fresh
// build of the same files writes, file for file, byte for byte; or, when that
// build fails, the last good build's files, with every page showing the
// overlay and the same errors the build reports (what check reports: build is
// check and a write). Pages are fetched over HTTP.
//
// The sequence is seeded: LEITAI_SEQUENCE_SEED picks another one and
// LEITAI_SEQUENCE_STEPS its length (default 200), e.g.
//
//	LEITAI_SEQUENCE_SEED=7 LEITAI_SEQUENCE_STEPS=2000 go test -run TestEditSequence ./generator/internal/serve
func TestEditSequence(t *testing.T) { editSequence(t, testsite.Copy(t), false) }

// TestEditSequenceEditions does the same on the publication of three
// editions, in every edition's folder, with more edits: links between
// pledges of different editions made, moved to nothing and dropped, and
// editions' files retitled, renumbered and redated. The seed and the number
// of steps are read as for TestEditSequence.
func TestEditSequenceEditions(t *testing.T) {
	editSequence(t, testsite.CopyFrom(t, testsite.Editions()), true)
}

func editSequence(t *testing.T, dir string, editions bool) {
	seed, steps := uint64(1), 200
	if v := os.Getenv("LEITAI_SEQUENCE_SEED"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatalf("LEITAI_SEQUENCE_SEED=%q: %v", v, err)
		}
		seed = n
	}
	if v := os.Getenv("LEITAI_SEQUENCE_STEPS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			t.Fatalf("LEITAI_SEQUENCE_STEPS=%q: %v", v, err)
		}
		steps = n
	}
	if testing.Short() {
		steps = min(steps, 40)
	}
	t.Logf("seed %d, %d steps", seed, steps)

	e := &editor{t: t, dir: dir, editions: editions, rng: rand.New(rand.NewPCG(seed, 0)), original: map[string][]byte{}}
	e.srv = start(t, e.dir, 0)
	e.settle(nil)
	if !e.compare("start") || e.lastGood == nil {
		t.Fatal("the site does not build")
	}
	for i := 1; i <= steps; i++ {
		what, touched := e.edit()
		e.log = append(e.log, fmt.Sprintf("%d: %s", i, what))
		e.settle(touched)
		if !e.compare(fmt.Sprintf("step %d (%s)", i, what)) {
			t.Fatalf("seed %d: the preview differs from a build after:\n%s", seed, strings.Join(e.log, "\n"))
		}
	}
	// Put every file back: the site is fine again and served whole.
	for len(e.original) > 0 {
		what, touched := e.fix()
		e.log = append(e.log, "at the end, "+what)
		e.settle(touched)
		if !e.compare("at the end, " + what) {
			t.Fatalf("seed %d: the preview differs from a build after:\n%s", seed, strings.Join(e.log, "\n"))
		}
	}
	if !e.compare("after every fix") || len(errorsOf(e.srv.Problems())) > 0 {
		t.Fatalf("seed %d: the site put back is not served whole:\n%s", seed, strings.Join(e.log, "\n"))
	}
	t.Logf("%d of %d states built without errors", e.good, len(e.log)+2)
}

// editor edits a copy of the site and checks the preview against builds.
type editor struct {
	t   *testing.T
	dir string
	// editions is true for a site of several editions: its departments and
	// reports are in content/editions/<id>/, and links and editions' files
	// are edited too.
	editions bool
	rng      *rand.Rand
	srv      *Server
	// original holds each file's content before the sequence first changed it
	// (nil: it did not exist), so that fix can put it back.
	original map[string][]byte
	lastGood map[string][]byte // the files of the last build that succeeded
	added    int
	log      []string
	good     int // steps after which the build succeeded
}

// departments lists the department files there are now.
func (e *editor) departments() []string { return e.glob("departments", "*.yaml") }

// glob lists the files matching pattern in every edition's folder (content/
// itself on a site of one edition).
func (e *editor) glob(folder, pattern string) []string {
	dir := filepath.Join(e.dir, "content")
	if e.editions {
		dir = filepath.Join(dir, "editions", "*")
	}
	files, _ := filepath.Glob(filepath.Join(dir, folder, pattern))
	sort.Strings(files)
	return files
}

func (e *editor) pick(list []string) string { return list[e.rng.IntN(len(list))] }

// remember keeps path's content before its first change.
func (e *editor) remember(path string) {
	if _, ok := e.original[path]; ok {
		return
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		b = nil
	} else if err != nil {
		e.t.Fatal(err)
	} else if b == nil {
		b = []byte{}
	}
	e.original[path] = b
}

// write replaces path's content as editors save: a hidden temporary file
// renamed over it, so the watcher sees the file whole.
func (e *editor) write(path string, data []byte) {
	e.remember(path)
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		e.t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		e.t.Fatal(err)
	}
}

func (e *editor) read(path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		e.t.Fatal(err)
	}
	return b
}

// replace writes path with old replaced by new, and reports whether old was there.
func (e *editor) replace(path, old, new string) bool {
	b := e.read(path)
	if !bytes.Contains(b, []byte(old)) {
		return false
	}
	e.write(path, bytes.Replace(b, []byte(old), []byte(new), 1))
	return true
}

func (e *editor) remove(path string) {
	e.remember(path)
	if err := os.Remove(path); err != nil {
		e.t.Fatal(err)
	}
}

// edit makes one change at random and returns what it did and the files it
// touched (absolute).
func (e *editor) edit() (string, []string) {
	// Fix more often the more is broken, so the walk keeps coming back to
	// content that builds.
	if len(e.original) > 0 && e.rng.IntN(100) < 20+10*min(len(e.original), 5) {
		return e.fix()
	}
	depts := e.departments()
	articles := e.glob("articles", "*.md")
	rel := func(p string) string { r, _ := filepath.Rel(e.dir, p); return filepath.ToSlash(r) }
	ops := 13
	if e.editions {
		ops = 16
	}
	switch op := e.rng.IntN(ops); {
	case op == 0 && len(depts) > 0: // break a file's YAML
		f := e.pick(depts)
		b := string(e.read(f))
		breaks := [][2]string{
			{"pledges:", "pledges: ["},
			{"\nname:", "\nnmae:"},
			{"\norder:", "\norder: first\nx:"},
			{"\ngroup:", "\n\tgroup:"},
			{"\nstatement:", "\nstatement: {zh: x\nother:"},
			{"\nachievements:", "\norder: 99\nachievements:"},
		}
		br := breaks[e.rng.IntN(len(breaks))]
		e.write(f, []byte(strings.Replace(b, br[0], br[1], 1)))
		return fmt.Sprintf("break %s: %q → %q", rel(f), br[0], br[1]), []string{f}
	case op == 1 && len(depts) > 0: // add a department
		src := e.read(e.pick(depts))
		e.added++
		slug := fmt.Sprintf("added-%d", e.added)
		f := filepath.Join(filepath.Dir(e.pick(depts)), slug+".yaml")
		out := regexp.MustCompile(`(?m)^order: .*$`).ReplaceAll(src, []byte(fmt.Sprintf("order: %d", 20+e.added)))
		out = regexp.MustCompile(`(?m)^(  zh: )(.*)$`).ReplaceAll(out, []byte(fmt.Sprintf("${1}新增%d${2}", e.added)))
		e.write(f, out)
		return "add " + rel(f), []string{f}
	case op == 2 && len(depts) > 1: // remove a department
		f := e.pick(depts)
		e.remove(f)
		return "remove " + rel(f), []string{f}
	case op == 3 && len(depts) > 0: // rename a department's file
		f := e.pick(depts)
		e.added++
		to := filepath.Join(filepath.Dir(f), fmt.Sprintf("renamed-%d.yaml", e.added))
		e.remember(f)
		e.remember(to)
		if err := os.Rename(f, to); err != nil {
			e.t.Fatal(err)
		}
		return fmt.Sprintf("rename %s → %s", rel(f), rel(to)), []string{f, to}
	case op == 4 && len(articles) > 0: // break a link in an article
		f := e.pick(articles)
		if e.replace(f, "(/departments/", "(/departments/no-such-") {
			return "break a link in " + rel(f), []string{f}
		}
		return e.edit()
	case op == 5 && len(depts) > 0: // break or point elsewhere a link in a statement
		f := e.pick(depts)
		target := "/departments/" + strings.TrimSuffix(filepath.Base(e.pick(depts)), ".yaml") + "/"
		if e.rng.IntN(2) == 0 {
			target = "/departments/gone/"
		}
		// The statement's English block is the file's last text.
		e.write(f, append(e.read(f), "    See [more]("+target+").\n"...))
		return fmt.Sprintf("link %s to %s", rel(f), target), []string{f}
	case op == 6 && len(depts) > 0: // edit a pledge's text
		f := e.pick(depts)
		b := string(e.read(f))
		i := strings.Index(b, "\n  - zh: ")
		if i < 0 {
			return e.edit()
		}
		i += len("\n  - zh: ")
		e.write(f, []byte(b[:i]+fmt.Sprintf("第%d次修改：", e.rng.IntN(1000))+b[i:]))
		return "edit a pledge in " + rel(f), []string{f}
	case op == 7 && len(depts) > 0: // give a department another order, maybe a taken one
		f := e.pick(depts)
		out := regexp.MustCompile(`(?m)^order: .*$`).ReplaceAll(e.read(f), []byte(fmt.Sprintf("order: %d", 1+e.rng.IntN(14))))
		e.write(f, out)
		return "reorder " + rel(f), []string{f}
	case op == 8: // a template, the stylesheet or an interface string
		files := []struct{ path, old, new string }{
			{"themes/default/layouts/department.html", `<article class="department"`, `<article data-step="%d" class="department"`},
			{"themes/default/layouts/baseof.html", "</body>", "<!-- %d --></body>"},
			{"themes/default/layouts/summary.html", `{{ define "main" }}`, `{{ define "main" }}<!-- %d -->`},
			{"themes/default/layouts/article.html", `{{ define "main" }}`, `{{ define "main" }}{{ .NoSuchField%d }}`},
			{"themes/default/static/style.css", "--measure: 36rem;", "--measure: %drem;"},
			{"themes/default/i18n/en.yaml", ":", ": x%d"},
		}
		c := files[e.rng.IntN(len(files))]
		f := filepath.Join(e.dir, filepath.FromSlash(c.path))
		if e.replace(f, c.old, fmt.Sprintf(c.new, 30+e.rng.IntN(10))) {
			return "touch " + c.path, []string{f}
		}
		return e.edit()
	case op == 9: // a group's title, or groups.yaml broken
		f := filepath.Join(e.dir, "content", "groups.yaml")
		if e.rng.IntN(3) == 0 {
			e.write(f, append(e.read(f), "- {id: extra, title: {zh: 新组}}\n"...))
			return "add an untranslated group", []string{f}
		}
		out := regexp.MustCompile(`zh: ([^,}\n]+)`).ReplaceAll(e.read(f), []byte(fmt.Sprintf("zh: 第%d组 $1", e.rng.IntN(100))))
		e.write(f, out)
		return "retitle groups", []string{f}
	case op == 10: // the config
		f := filepath.Join(e.dir, "config.yaml")
		if e.replace(f, "zh: 部门擂台", fmt.Sprintf("zh: 第%d届部门擂台", e.rng.IntN(10))) {
			return "retitle the site", []string{f}
		}
		return e.edit()
	case op == 11 && len(articles) > 0: // an article's text
		f := e.pick(articles)
		e.write(f, append(e.read(f), fmt.Sprintf("\n\n## 补记 %d\n\n又见[市财政局](/departments/finance/)。\n", e.rng.IntN(100))...))
		return "add a section to " + rel(f), []string{f}
	case op == 12 && len(articles) > 0: // remove an article's translation
		f := e.pick(articles)
		e.remove(f)
		return "remove " + rel(f), []string{f}
	case op == 13 && len(depts) > 0: // link a pledge to another edition's: one there is, maybe not
		f := e.pick(depts)
		b := string(e.read(f))
		i := strings.Index(b, "\n    en: ")
		if i < 0 || strings.Contains(b, "    again: ") || strings.Contains(b, "    follows: ") {
			return e.edit()
		}
		i = i + 1 + strings.IndexByte(b[i+1:], '\n') + 1 // after the first pledge's en line
		to := e.pick(depts)
		edition := filepath.Base(filepath.Dir(filepath.Dir(to)))
		kind := []string{"again", "follows"}[e.rng.IntN(2)]
		link := fmt.Sprintf("    %s: {edition: %s, department: %s, pledge: %d}\n", kind, edition, strings.TrimSuffix(filepath.Base(to), ".yaml"), 1+e.rng.IntN(3))
		e.write(f, []byte(b[:i]+link+b[i:]))
		return fmt.Sprintf("link %s's first pledge: %s", rel(f), strings.TrimSpace(link)), []string{f}
	case op == 14 && len(depts) > 0: // drop or move a link
		f := e.pick(depts)
		b := e.read(f)
		re := regexp.MustCompile(`(?m)^    (again|follows): \{[^}]*\}\n`)
		if !re.Match(b) {
			return e.edit()
		}
		if e.rng.IntN(2) == 0 {
			e.write(f, re.ReplaceAll(b, nil))
			return "drop the links of " + rel(f), []string{f}
		}
		e.write(f, regexp.MustCompile(`pledge: \d+\}`).ReplaceAll(b, []byte(fmt.Sprintf("pledge: %d}", 1+e.rng.IntN(3)))))
		return "move the links of " + rel(f), []string{f}
	case op == 15: // an edition's file
		files := e.glob("", "edition.yaml")
		if len(files) == 0 {
			return e.edit()
		}
		f := e.pick(files)
		changes := [][2]string{
			{"title: {zh: ", fmt.Sprintf("title: {zh: 第%d次修改", e.rng.IntN(100))},
			{"number: ", fmt.Sprintf("number: %d\n#", 1+e.rng.IntN(5))},
			{"date: 20", "date: 19"},
		}
		c := changes[e.rng.IntN(len(changes))]
		if e.replace(f, c[0], c[1]) {
			return fmt.Sprintf("edit %s: %q → %q", rel(f), c[0], c[1]), []string{f}
		}
		return e.edit()
	}
	return e.edit()
}

// fix puts one changed file back as it was before the sequence.
func (e *editor) fix() (string, []string) {
	paths := make([]string, 0, len(e.original))
	for p := range e.original {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	p := e.pick(paths)
	orig := e.original[p]
	delete(e.original, p)
	rel, _ := filepath.Rel(e.dir, p)
	if orig == nil {
		err := os.Remove(p)
		if errors.Is(err, os.ErrNotExist) {
			return "fix: " + rel + " is gone already", []string{} // no event to wait for
		} else if err != nil {
			e.t.Fatal(err)
		}
		return "fix: remove " + rel, []string{p}
	}
	tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp")
	if err := os.WriteFile(tmp, orig, 0o644); err != nil {
		e.t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		e.t.Fatal(err)
	}
	return "fix: restore " + rel, []string{p}
}

// settle waits until the server has rebuilt after every file in touched
// changed (nil: until the first build is in). The deadline only guards
// against a hang.
func (e *editor) settle(touched []string) {
	e.t.Helper()
	want := map[string]bool{}
	for _, p := range touched {
		want[filepath.Clean(p)] = true
	}
	deadline := time.After(60 * time.Second)
	for first := touched == nil; first || len(want) > 0; first = false {
		select {
		case u := <-e.srv.Rebuilt():
			for _, p := range u.Changed {
				delete(want, p)
			}
		case <-deadline:
			e.t.Fatalf("no rebuild after the change of %v\n%s", touched, strings.Join(e.log, "\n"))
		}
	}
	// Rebuilds of events that came in pieces are in the channel already.
	for {
		select {
		case <-e.srv.Rebuilt():
		default:
			return
		}
	}
}

// fullBuild builds the files as they are now, as `build` does, for the
// preview's address. It returns the output's files (nil when the build
// fails), the errors it reports, and whether they can be held to the
// preview's word for word: a template's error names whichever page failed
// first, which the build renders in parallel.
func (e *editor) fullBuild() (files map[string][]byte, errs []string, exact bool) {
	tmp, err := os.MkdirTemp("", "leitai-sequence-")
	if err != nil {
		e.t.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "public")
	res, err := build.Run(build.Options{Config: filepath.Join(e.dir, "config.yaml"), Overrides: config.Overrides{Destination: out, BaseURL: e.srv.URL()}})
	errs, exact = errorsOf(res.Problems), true
	if err != nil && !errors.Is(err, build.ErrProblems) {
		errs, exact = append(errs, "build: "+err.Error()), false
	}
	if err != nil {
		return nil, errs, exact
	}
	return testsite.Files(e.t, out), errs, exact
}

// errorsOf lists a list's errors as file:line:col: message.
func errorsOf(l diag.List) []string {
	var out []string
	for _, p := range l {
		if p.Severity == diag.Error {
			out = append(out, p.Pos.String()+": "+p.Msg)
		}
	}
	sort.Strings(out)
	return out
}

// decoration is what the server adds before </body>: the overlay's style, the
// overlay when the content has errors, and the reload script.
var decoration = regexp.MustCompile(`(?s)^<style>#leitai-overlay[^<]*</style>(<div id="leitai-overlay" role="alert">.*?</div>)?<script src="/__leitai/reload.js" data-version="\d+"></script>$`)

// compare checks the server against a build of the files as they are now.
func (e *editor) compare(when string) bool {
	e.t.Helper()
	ok := true
	fail := func(format string, args ...any) {
		e.t.Errorf(when+": "+format, args...)
		ok = false
	}
	built, buildErrors, exact := e.fullBuild()
	served := errorsOf(e.srv.Problems())
	if exact && !slices.Equal(served, buildErrors) || !exact && len(served) == 0 {
		fail("the preview's errors differ from the build's:\npreview:\n  %s\nbuild:\n  %s", strings.Join(served, "\n  "), strings.Join(buildErrors, "\n  "))
	}
	want := e.lastGood
	if built != nil {
		want, e.lastGood = built, built
		e.good++
	}
	if want == nil {
		return ok // no good build yet: nothing to serve
	}
	out := e.srv.builder.Output()
	paths := out.Paths()
	for _, p := range paths {
		if _, exists := want[p]; !exists {
			fail("%s: served, not in the build", p)
		}
	}
	for p, data := range want {
		got, exists := out.File(p)
		if !exists {
			fail("%s: in the build, not served", p)
			continue
		}
		if !bytes.Equal(got, data) {
			fail("%s: served bytes differ from the build's:\n%s", p, firstDifference(string(data), string(got)))
			continue
		}
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		// Over HTTP: the same page, with the reload script, and the overlay
		// exactly when there are errors.
		_, page, _ := get(e.t, e.srv.URL()+p)
		i := bytes.LastIndex(data, []byte("</body>"))
		if i < 0 || len(page) < len(data) || page[:i] != string(data[:i]) || page[len(page)-(len(data)-i):] != string(data[i:]) {
			fail("%s: the page served over HTTP is not the build's", p)
			continue
		}
		added := page[i : len(page)-(len(data)-i)]
		m := decoration.FindStringSubmatch(added)
		if m == nil {
			fail("%s: unexpected additions: %s", p, added)
		} else if (m[1] != "") != (len(buildErrors) > 0) {
			fail("%s: overlay %v, the build's errors %d", p, m[1] != "", len(buildErrors))
		}
	}
	return ok
}

// firstDifference shows where two texts first differ.
func firstDifference(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("build:   …%q…\npreview: …%q…", want[from:min(len(want), i+80)], got[from:min(len(got), i+80)])
}
