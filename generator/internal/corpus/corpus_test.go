package corpus

import (
	"bytes"
	"fmt"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"leitai/generator/internal/content"
	"leitai/generator/internal/testsite"
)

const theme = "../../../themes/default"

// TestDeterministic: the same seed and size give the same bytes, and a larger
// corpus extends a smaller one, so benchmarks at different sizes measure the same
// kind of content.
func TestDeterministic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for _, w := range []struct {
		dir string
		n   int
	}{{a, 40}, {b, 40}, {c, 60}} {
		if err := New(Options{Departments: w.n, Seed: 7}).WriteLeitai(w.dir, theme); err != nil {
			t.Fatal(err)
		}
	}
	fa, fb, fc := testsite.Files(t, a), testsite.Files(t, b), testsite.Files(t, c)
	if len(fa) == 0 || len(fa) != len(fb) {
		t.Fatalf("%d files, then %d", len(fa), len(fb))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
		if strings.HasPrefix(name, "content/departments/") && !bytes.Equal(data, fc[name]) {
			t.Errorf("%s differs between a corpus of 40 and one of 60", name)
		}
	}
	other := t.TempDir()
	if err := New(Options{Departments: 40, Seed: 8}).WriteLeitai(other, theme); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(testsite.Files(t, other)["content/departments/finance.yaml"], fa["content/departments/finance.yaml"]) {
		t.Error("another seed gives the same text")
	}
}

// TestValidContent: the corpus is content an editor could have written, across a
// year boundary (where slugs, groups and pledge statuses change): Leitai's own
// loader and validator find no problem in it.
func TestValidContent(t *testing.T) {
	n := perYear + 15
	site := loadValid(t, New(Options{Departments: n, Seed: 1}))
	if len(site.Departments) != n || len(site.Articles) != (n+perArena-1)/perArena {
		t.Errorf("loaded %d departments and %d articles", len(site.Departments), len(site.Articles))
	}
	var pledges, records, charted int
	statuses := map[string]bool{}
	for _, d := range site.Departments {
		pledges += len(d.Pledges)
		records += len(d.Record)
		// A department page shows each labelled figure of its record.
	figures:
		for _, a := range d.Record {
			for _, m := range a.Metrics {
				if m.Label.Decoded {
					charted++
					break figures
				}
			}
		}
		for _, p := range d.Pledges {
			statuses[p.Status] = true
		}
		if !strings.ContainsFunc(d.Statement.In("zh"), func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
			t.Errorf("%s: the Chinese statement has no Chinese", d.File)
		}
	}
	if avg := float64(pledges) / float64(n); avg < 7 || avg > 9 {
		t.Errorf("%.1f pledges a department, want about 8", avg)
	}
	if avg := float64(records) / float64(n); avg < 5 || avg > 7 {
		t.Errorf("%.1f achievements a department, want about 6", avg)
	}
	if share := float64(charted) / float64(n); share < 0.3 || share > 0.7 {
		t.Errorf("%.0f%% of departments show figures of their record; in the real report six in ten state figures", share*100)
	}
	if len(statuses) < 4 {
		t.Errorf("pledge statuses %v: an archive's past years should have rated pledges", statuses)
	}
}

// TestHugoSite: the Hugo site has a page per department and article in each
// language, with what Leitai's pages show in its front matter (the pledge's
// text, status, target, due date and updates), the templates for every file
// Leitai writes, and the interface strings with Hugo's placeholders.
func TestHugoSite(t *testing.T) {
	dir := t.TempDir()
	// Past the first year, so pledges are rated and carry updates.
	s := New(Options{Departments: perYear + 12, Seed: 1})
	if err := s.WriteHugo(dir, theme); err != nil {
		t.Fatal(err)
	}
	files := testsite.Files(t, dir)
	var targets, dues, updates, metrics int
	for _, l := range []string{"zh", "en"} {
		pick := picker(l)
		for _, d := range s.Departments {
			page, ok := files["content/"+l+"/departments/"+d.Slug+".md"]
			if !ok {
				t.Fatalf("no %s page for %s", l, d.Slug)
			}
			var want []string
			for _, a := range d.Record {
				for _, m := range a.Metrics {
					want = append(want, fmt.Sprintf("{value: %d, unit: %s, %slabel: %s}", m.Value, m.Unit, m.Noun.hugo(pick), pick(m.Label)))
					metrics++
				}
			}
			for _, p := range d.Pledges {
				want := append(want, pick(p.Text), "status: "+p.Status)
				if p.Target != nil {
					want = append(want, fmt.Sprintf("target: {value: %d, unit: %s, %scompare: %s}", p.Target.Value, p.Target.Unit, p.Target.Noun.hugo(pick), p.Target.Compare))
					targets++
				}
				if p.Due != "" {
					want = append(want, `due: "`+p.Due+`"`, "dueWords: "+p.DueWords)
					dues++
				}
				if u := p.Update; u != nil {
					want = append(want, `date: "`+u.Date+`"`, pick(u.Text), "source: "+u.Source)
					updates++
				}
				for _, w := range want {
					if !bytes.Contains(page, []byte(w)) {
						t.Errorf("%s page for %s lacks %q", l, d.Slug, w)
					}
				}
			}
		}
	}
	if targets == 0 || dues == 0 || updates == 0 || metrics == 0 {
		t.Errorf("%d targets, %d due dates, %d updates, %d metrics: the corpus should have some of each", targets, dues, updates, metrics)
	}
	for _, need := range []string{
		"hugo.yaml", "layouts/baseof.html", "layouts/alias.html", "layouts/_partials/card.html", "layouts/_markup/render-link.html",
		"layouts/home.atom.xml", "layouts/home.pledgesjson.json", "layouts/home.pledgescsv.csv", "layouts/home.sitemapxml.xml",
		"layouts/home.headers", "layouts/robots.txt", "data/units.yaml", "i18n/zh.yaml", "assets/style.css", "assets/search.js",
		"static/zh/data/pledges.schema.json",
	} {
		if _, ok := files[need]; !ok {
			t.Errorf("no %s", need)
		}
	}
	for _, set := range []struct {
		dir    string
		expert bool
	}{{"layouts/", true}, {HugoPlainLayouts + "/", false}} {
		layouts, err := HugoLayouts(set.expert)
		if err != nil {
			t.Fatal(err)
		}
		for name, b := range layouts {
			if !bytes.Equal(files[set.dir+name], b) {
				t.Errorf("%s%s is not the template of that name", set.dir, name)
			}
		}
	}
	if bytes.Contains(files["i18n/en.yaml"], []byte("{name}")) {
		t.Error("Leitai placeholders left in Hugo's i18n")
	}
	if !bytes.Contains(files["hugo.yaml"], []byte("ogLocale: en_GB")) {
		t.Error("hugo.yaml lacks the English og:locale from the theme's strings")
	}
}

// TestHugoLayouts: the expert's set of Hugo templates is the plain set with
// the expert's files in place of some and beside them, and in each set every
// partial a template calls exists.
func TestHugoLayouts(t *testing.T) {
	plain, err := HugoLayouts(false)
	if err != nil {
		t.Fatal(err)
	}
	expert, err := HugoLayouts(true)
	if err != nil {
		t.Fatal(err)
	}
	changed := 0
	for name, b := range plain {
		if expert[name] == nil {
			t.Errorf("the expert's set has no %s", name)
		} else if !bytes.Equal(expert[name], b) {
			changed++
		}
	}
	if changed == 0 || len(expert) <= len(plain) {
		t.Errorf("the expert's set changes %d of the plain set's %d templates and has %d in all", changed, len(plain), len(expert))
	}
	call := regexp.MustCompile(`\bpartial(?:Cached)? "([^"]+)"`)
	for setName, set := range map[string]map[string][]byte{"plain": plain, "expert": expert} {
		calls := 0
		for name, b := range set {
			for _, m := range call.FindAllSubmatch(b, -1) {
				calls++
				if set["_partials/"+string(m[1])] == nil {
					t.Errorf("%s set: %s calls partial %q, which the set does not have", setName, name, m[1])
				}
			}
		}
		if calls < 10 {
			t.Errorf("%s set: %d partial calls found", setName, calls)
		}
	}
}

// A corpus that starts later (Options.From) holds the same departments as the
// full sequence from that point, is valid content on its own (its statements
// link only to departments it holds), and has groups for just its years.
func TestFrom(t *testing.T) {
	full := New(Options{Departments: perYear + 30, Seed: 3})
	part := New(Options{Departments: 30, Seed: 3, From: perYear})
	for i, d := range part.Departments {
		want := full.Departments[perYear+i]
		if d.Slug != want.Slug || d.Order != want.Order || d.Name != want.Name || !reflect.DeepEqual(d.Pledges, want.Pledges) || !reflect.DeepEqual(d.Record, want.Record) {
			t.Fatalf("department %d from %d is not department %d of the full sequence", i, perYear, perYear+i)
		}
	}
	held := map[string]bool{}
	for _, d := range part.Departments {
		held[d.Slug] = true
	}
	links := 0
	for _, d := range part.Departments {
		for _, m := range regexp.MustCompile(`/departments/([a-z0-9-]+)/`).FindAllStringSubmatch(d.Statement.zh+d.Statement.en, -1) {
			links++
			if !held[m[1]] {
				t.Errorf("%s's statement links to %s, which the corpus does not hold", d.Slug, m[1])
			}
		}
	}
	if links == 0 {
		t.Error("no statement links to another department")
	}
	if len(part.Groups) != len(themes) || part.Groups[0].ID != groupID(1, 0) {
		t.Errorf("groups %v, want the second year's %d", part.Groups, len(themes))
	}
	loadValid(t, part)
}

// loadValid writes s as a Leitai site and loads it with Leitai's own loader and
// validator, reporting every problem they find.
func loadValid(t *testing.T, s *Site) *content.Site {
	t.Helper()
	dir := t.TempDir()
	if err := s.WriteLeitai(dir, theme); err != nil {
		t.Fatal(err)
	}
	site, problems := content.Load(filepath.Join(dir, "content"), []string{"zh", "en"})
	problems.Append(content.Validate(site, content.ValidateOptions{Langs: []string{"zh", "en"}}))
	for _, p := range problems {
		t.Error(p.Format())
	}
	return site
}

// TestEditions: a publication of 40 editions of 50 departments holds 1,000
// departments, each in two editions, the second time renewing a pledge of the
// first; it is valid content, and the same text as a site of one edition of
// 2,000 departments.
func TestEditions(t *testing.T) {
	s := New(Options{Departments: 2000, Seed: 1, Editions: 40})
	if len(s.Editions) != 40 || len(s.Departments) != 2000 {
		t.Fatalf("%d editions, %d appearances", len(s.Editions), len(s.Departments))
	}
	per := map[int]int{}
	stood := map[string][]int{}
	renews := 0
	for _, d := range s.Departments {
		per[d.Edition]++
		stood[d.Slug] = append(stood[d.Slug], d.Edition)
		if d.Pledges[0].Again > 0 {
			renews++
			if f := stood[d.Slug][0]; d.Pledges[0].Again != f {
				t.Errorf("%s in edition %d renews edition %d's pledge, not its first (%d)", d.Slug, d.Edition, d.Pledges[0].Again, f)
			}
		}
	}
	for e, n := range per {
		if n != 50 {
			t.Errorf("edition %d has %d departments", e, n)
		}
	}
	if len(stood) != 1000 || renews != 1000 {
		t.Errorf("%d departments, %d renewals; want 1,000 each", len(stood), renews)
	}
	for slug, eds := range stood {
		if len(eds) != 2 {
			t.Errorf("%s stands in editions %v", slug, eds)
		}
	}
	one := New(Options{Departments: 2000, Seed: 1})
	for i := range one.Departments {
		if a, b := one.Departments[i].Pledges[0].Text, s.Departments[i].Pledges[0].Text; a != b {
			t.Fatalf("appearance %d's first pledge differs from department %d's of one edition", i, i)
		}
	}

	dir := t.TempDir()
	if err := s.WriteLeitai(dir, theme); err != nil {
		t.Fatal(err)
	}
	site, problems := content.Load(filepath.Join(dir, "content"), []string{"zh", "en"})
	problems.Append(content.Validate(site, content.ValidateOptions{Langs: []string{"zh", "en"}}))
	if problems.HasErrors() {
		t.Fatalf("%d problems, the first: %s", len(problems), problems[0].Format())
	}
	if len(site.Editions) != 40 || !site.Index().HasLinks() {
		t.Errorf("loaded %d editions; links: %v", len(site.Editions), site.Index().HasLinks())
	}
	if err := s.WriteHugo(t.TempDir(), theme); err == nil {
		t.Error("a publication of editions was written as a Hugo site, which has no equivalent")
	}
}
