package content

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"leitai/generator/internal/diag"
	"leitai/generator/internal/yamldoc"
)

// SlugPattern is what a department's or article's slug must match: it becomes a
// folder in every reader's URL.
var SlugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Load reads every file under dir (the site's content/ folder). langs are the
// site's language codes; they are the keys of every bilingual text. Problems are
// collected, never returned early: an editor sees them all in one run.
func Load(dir string, langs []string) (*Site, diag.List) {
	var problems diag.List
	s := &Site{Articles: map[string]map[string]*Article{}}
	rel := relativeTo(filepath.Dir(dir))

	groupsFile := filepath.Join(dir, "groups.yaml")
	if data, err := os.ReadFile(groupsFile); err != nil {
		problems.Errorf(diag.Pos{File: rel(groupsFile)}, "create it with the groups the summary shows (see docs/content-format.md)", "cannot read groups: %v", pathErr(err))
	} else {
		s.Groups = decodeGroups(rel(groupsFile), data, langs, &problems)
	}

	deptFiles, more := listFiles(filepath.Join(dir, "departments"), ".yaml", rel)
	problems.Append(more)
	artFiles, more := listFiles(filepath.Join(dir, "articles"), ".md", rel)
	problems.Append(more)

	depts := make([]*Department, len(deptFiles))
	arts := make([]*Article, len(artFiles))
	perFile := make([]diag.List, len(deptFiles)+len(artFiles))
	parallel(len(deptFiles)+len(artFiles), func(i int) {
		if i < len(deptFiles) {
			depts[i] = loadDepartment(deptFiles[i], rel(deptFiles[i]), langs, &perFile[i])
			return
		}
		j := i - len(deptFiles)
		arts[j] = loadArticle(artFiles[j], rel(artFiles[j]), langs, &perFile[i])
	})
	for _, l := range perFile {
		problems.Append(l)
	}
	for _, d := range depts {
		if d != nil {
			s.Departments = append(s.Departments, d)
		}
	}
	sort.SliceStable(s.Departments, func(i, j int) bool {
		a, b := s.Departments[i], s.Departments[j]
		if a.Order != b.Order {
			return a.Order < b.Order
		}
		return a.Slug < b.Slug
	})
	for _, a := range arts {
		if a == nil {
			continue
		}
		if s.Articles[a.Slug] == nil {
			s.Articles[a.Slug] = map[string]*Article{}
			s.ArticleSlugs = append(s.ArticleSlugs, a.Slug)
		}
		s.Articles[a.Slug][a.Lang] = a
	}
	sort.Slice(s.ArticleSlugs, func(i, j int) bool {
		a, b := s.newest(s.ArticleSlugs[i]), s.newest(s.ArticleSlugs[j])
		if !a.Equal(b) {
			return a.After(b)
		}
		return s.ArticleSlugs[i] < s.ArticleSlugs[j]
	})
	return s, problems
}

// relativeTo makes paths relative to the site root for messages, so an editor sees
// content/departments/finance.yaml rather than an absolute path.
func relativeTo(root string) func(string) string {
	return func(p string) string {
		if r, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
		return p
	}
}

// listFiles returns the files in dir ending in ext, sorted. Hidden files and editor
// backups are skipped; anything else that does not belong is a problem, since an
// editor who saved finance.yml expects it to be published.
func listFiles(dir, ext string, rel func(string) string) ([]string, diag.List) {
	var problems diag.List
	entries, err := os.ReadDir(dir)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		problems.Errorf(diag.Pos{File: rel(dir)}, "", "cannot read folder: %v", pathErr(err))
		return nil, problems
	}
	var files []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") {
			continue
		}
		p := filepath.Join(dir, name)
		if e.IsDir() || !strings.HasSuffix(name, ext) {
			problems.Errorf(diag.Pos{File: rel(p)}, fmt.Sprintf("files here end in %s; rename or move it", ext), "unexpected %s in %s", kind(e.IsDir()), rel(dir))
			continue
		}
		files = append(files, p)
	}
	return files, problems
}

func kind(dir bool) string {
	if dir {
		return "folder"
	}
	return "file"
}

// parallel runs f(0..n-1) on all cores. Each call writes only its own slots.
func parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}

func pathErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func (s *Site) newest(slug string) (t time.Time) {
	for _, a := range s.Articles[slug] {
		if a.Date.After(t) {
			t = a.Date
		}
	}
	return t
}

var (
	groupKeys  = []string{"id", "title"}
	deptKeys   = []string{"order", "group", "name", "leader", "achievements", "pledges", "statement"}
	leaderKeys = []string{"name", "title"}
	targetKeys = []string{"value", "unit", "compare"}
)

func pledgeKeys(langs []string) []string {
	return append(append([]string{}, langs...), "target", "due", "status")
}

func decodeGroups(file string, data []byte, langs []string, problems *diag.List) []Group {
	doc, root := yamldoc.Parse(file, data, problems)
	if root == nil {
		return nil
	}
	items, ok := doc.Seq(root, "groups")
	if !ok {
		return nil
	}
	var groups []Group
	for i, it := range items {
		p := fmt.Sprintf("groups[%d]", i+1)
		m, ok := doc.Fields(it, p, groupKeys, groupKeys)
		if !ok {
			continue
		}
		g := Group{Pos: doc.Pos(it)}
		if n := m.Get("id"); n != nil {
			if id, ok := doc.String(n, p+".id"); ok {
				if !SlugPattern.MatchString(id) {
					doc.Errorf(n, "lower-case letters, digits and single hyphens, e.g. wellbeing", "group id %q is not a valid id", id)
				}
				g.ID = id
			}
		}
		if n := m.Get("title"); n != nil {
			g.Title = decodeText(doc, n, p+".title", langs)
		}
		groups = append(groups, g)
	}
	return groups
}

func loadDepartment(path, file string, langs []string, problems *diag.List) *Department {
	data, err := os.ReadFile(path)
	if err != nil {
		problems.Errorf(diag.Pos{File: file}, "", "cannot read: %v", pathErr(err))
		return nil
	}
	return DecodeDepartment(file, data, langs, problems)
}

// DecodeDepartment reads one department file's bytes. file is the name used in
// messages; its base name, less .yaml, is the slug.
func DecodeDepartment(file string, data []byte, langs []string, problems *diag.List) *Department {
	slug := strings.TrimSuffix(filepath.Base(file), ".yaml")
	d := &Department{Slug: slug, File: file}
	if !SlugPattern.MatchString(slug) {
		problems.Errorf(diag.Pos{File: file}, "rename the file: lower-case letters, digits and single hyphens, e.g. culture-tourism.yaml",
			"file name %q is not a valid slug (it becomes the page's address)", slug)
	}
	doc, root := yamldoc.Parse(file, data, problems)
	if root == nil {
		return nil
	}
	m, ok := doc.Fields(root, "", deptKeys, deptKeys)
	if !ok {
		return nil
	}
	if n := m.Get("order"); n != nil {
		d.Order, _ = doc.Int(n, "order")
		d.OrderPos = doc.Pos(n)
		if d.Order < 1 && n.Tag == "!!int" {
			doc.Errorf(n, "number departments 1, 2, 3… in the order the summary lists them", "order must be 1 or more")
		}
	}
	if n := m.Get("group"); n != nil {
		d.Group, _ = doc.String(n, "group")
		d.GroupPos = doc.Pos(n)
	}
	if n := m.Get("name"); n != nil {
		d.Name = decodeText(doc, n, "name", langs)
	}
	if n := m.Get("leader"); n != nil {
		if lm, ok := doc.Fields(n, "leader", leaderKeys, leaderKeys); ok {
			if v := lm.Get("name"); v != nil {
				d.Leader.Name = decodeText(doc, v, "leader.name", langs)
			}
			if v := lm.Get("title"); v != nil {
				d.Leader.Title = decodeText(doc, v, "leader.title", langs)
			}
		}
	}
	if n := m.Get("achievements"); n != nil {
		if items, ok := doc.Seq(n, "achievements"); ok {
			if len(items) == 0 {
				doc.Errorf(n, "add this year's record, one claim per “- ” item", "achievements is empty")
			}
			for i, it := range items {
				d.Record = append(d.Record, decodeText(doc, it, fmt.Sprintf("achievements[%d]", i+1), langs))
			}
		}
	}
	if n := m.Get("pledges"); n != nil {
		if items, ok := doc.Seq(n, "pledges"); ok {
			if len(items) == 0 {
				doc.Errorf(n, "add the pledge, one commitment per “- ” item", "pledges is empty")
			}
			for i, it := range items {
				d.Pledges = append(d.Pledges, decodePledge(doc, it, fmt.Sprintf("pledges[%d]", i+1), langs))
			}
		}
	}
	if n := m.Get("statement"); n != nil {
		d.Statement = decodeText(doc, n, "statement", langs)
	}
	return d
}

// decodeText reads a bilingual map. Which languages are missing is Validate's
// business: a site may allow pending translations.
func decodeText(doc *yamldoc.Doc, n *yaml.Node, path string, langs []string) Text {
	t := Text{Pos: doc.Pos(n), Field: path, Decoded: true}
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		doc.Errorf(n, fmt.Sprintf("give each language its own line: %s: …", strings.Join(langs, ": …, ")),
			"%s must have a text per language (%s), not a single text", path, strings.Join(langs, ", "))
		return t
	}
	m, ok := doc.Fields(n, path, langs, nil)
	if !ok {
		return t
	}
	t.Langs = decodeLangs(doc, m, path, langs)
	return t
}

// decodeLangs reads the languages of a text from its map, in the site's order.
func decodeLangs(doc *yamldoc.Doc, m yamldoc.Map, path string, langs []string) []LangText {
	out := make([]LangText, 0, len(langs))
	for _, code := range langs {
		if v := m.Get(code); v != nil {
			s, _ := doc.String(v, path+"."+code)
			out = append(out, LangText{Lang: code, Value: s, Pos: textStart(doc, v)})
		}
	}
	return out
}

// textStart is where a text's first character is: for a block (| or >) that is
// the line after the indicator, so Markdown problems inside it map to file lines.
func textStart(doc *yamldoc.Doc, v *yaml.Node) diag.Pos {
	p := doc.Pos(v)
	if v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		p.Line++
		p.Col = 0
	}
	return p
}

func decodePledge(doc *yamldoc.Doc, n *yaml.Node, path string, langs []string) Pledge {
	p := Pledge{Status: "not-rated"}
	// The pledge's own text sits beside its optional fields, so decode the map once
	// and read the languages from it.
	p.Text = Text{Pos: doc.Pos(n), Field: path, Decoded: true}
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		doc.Errorf(n, fmt.Sprintf("write the item as %s: … lines", strings.Join(langs, ": …, ")), "%s must have a text per language (%s), not a single text", path, strings.Join(langs, ", "))
		return p
	}
	m, ok := doc.Fields(n, path, pledgeKeys(langs), nil)
	if !ok {
		return p
	}
	p.Text.Langs = decodeLangs(doc, m, path, langs)
	if v := m.Get("target"); v != nil {
		if tm, ok := doc.Fields(v, path+".target", targetKeys, []string{"value", "unit"}); ok {
			t := &Target{Compare: "exactly"}
			if x := tm.Get("value"); x != nil {
				t.Value, _ = doc.Number(x, path+".target.value")
			}
			if x := tm.Get("unit"); x != nil {
				t.Unit, _ = doc.String(x, path+".target.unit")
			}
			if x := tm.Get("compare"); x != nil {
				if c, ok := doc.String(x, path+".target.compare"); ok {
					if !oneOf(c, Compares) {
						doc.Errorf(x, "use one of: "+strings.Join(Compares, ", "), "%s.target.compare %q is not a known comparison", path, c)
					}
					t.Compare = c
				}
			}
			p.Target = t
		}
	}
	if v := m.Get("due"); v != nil {
		p.Due, _ = doc.Date(v, path+".due")
	}
	if v := m.Get("status"); v != nil {
		if s, ok := doc.String(v, path+".status"); ok {
			if !oneOf(s, Statuses) {
				doc.Errorf(v, "use one of: "+strings.Join(Statuses, ", "), "%s.status %q is not a known status", path, s)
			} else {
				p.Status = s
			}
		}
	}
	return p
}

func oneOf(s string, list []string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var (
	articleKeys     = []string{"title", "subtitle", "date", "lead", "reporters", "credits", "source"}
	articleRequired = []string{"title", "date", "lead"}
	creditKeys      = []string{"editor", "designer", "proofreader", "layout"}
)

func loadArticle(path, file string, langs []string, problems *diag.List) *Article {
	data, err := os.ReadFile(path)
	if err != nil {
		problems.Errorf(diag.Pos{File: file}, "", "cannot read: %v", pathErr(err))
		return nil
	}
	return DecodeArticle(file, data, langs, problems)
}

// DecodeArticle reads one article file's bytes: YAML front matter between “---”
// lines, then Markdown. file's base name is <slug>.<lang>.md.
func DecodeArticle(file string, data []byte, langs []string, problems *diag.List) *Article {
	base := strings.TrimSuffix(filepath.Base(file), ".md")
	dot := strings.LastIndexByte(base, '.')
	if dot < 0 || !oneOf(base[dot+1:], langs) {
		problems.Errorf(diag.Pos{File: file}, fmt.Sprintf("name it <slug>.<language>.md, e.g. %s.%s.md, with a language from config.yaml (%s)", base, langs[0], strings.Join(langs, ", ")),
			"article file name does not say its language")
		return nil
	}
	a := &Article{Slug: base[:dot], Lang: base[dot+1:], File: file}
	if !SlugPattern.MatchString(a.Slug) {
		problems.Errorf(diag.Pos{File: file}, "rename the file: lower-case letters, digits and single hyphens",
			"file name %q is not a valid slug (it becomes the page's address)", a.Slug)
	}
	front, body, bodyLine, ok := splitFrontMatter(data)
	if !ok {
		problems.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "start the file with a line “---”, the title, date and lead, and another “---”",
			"article has no front matter")
		return nil
	}
	a.Body, a.BodyLine = body, bodyLine
	doc, root := yamldoc.Parse(file, front, problems)
	if root == nil {
		return nil
	}
	m, ok := doc.Fields(root, "front matter", articleKeys, articleRequired)
	if !ok {
		return nil
	}
	str := func(key string) string {
		if n := m.Get(key); n != nil {
			s, _ := doc.String(n, key)
			return s
		}
		return ""
	}
	a.Title, a.Subtitle, a.Lead, a.Source = str("title"), str("subtitle"), str("lead"), str("source")
	if n := m.Get("date"); n != nil {
		a.Date, _ = doc.Date(n, "date")
	}
	if n := m.Get("reporters"); n != nil {
		a.Reporters, _ = doc.Strings(n, "reporters")
	}
	if n := m.Get("credits"); n != nil {
		if cm, ok := doc.Fields(n, "credits", creditKeys, nil); ok {
			get := func(k string) string {
				if v := cm.Get(k); v != nil {
					s, _ := doc.String(v, "credits."+k)
					return s
				}
				return ""
			}
			a.Credits = Credits{Editor: get("editor"), Designer: get("designer"), Proofreader: get("proofreader"), Layout: get("layout")}
		}
	}
	return a
}

// splitFrontMatter separates “---” front matter from the body. front keeps the
// opening “---” line, which YAML reads as a document start, so the parser's line
// numbers are the file's line numbers.
func splitFrontMatter(data []byte) (front, body []byte, bodyLine int, ok bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !bytes.HasPrefix(data, []byte("---\n")) && !bytes.HasPrefix(data, []byte("---\r\n")) {
		return nil, nil, 0, false
	}
	line := 1
	rest := data
	off := 0
	for {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			return nil, nil, 0, false
		}
		off += i + 1
		rest = data[off:]
		line++
		l := bytes.TrimRight(rest, "\r")
		if j := bytes.IndexByte(l, '\n'); j >= 0 {
			l = bytes.TrimRight(rest[:j], "\r")
		}
		if string(l) == "---" {
			front = data[:off]
			end := bytes.IndexByte(rest, '\n')
			if end < 0 {
				return front, nil, line + 1, true
			}
			return front, rest[end+1:], line + 1, true
		}
	}
}
