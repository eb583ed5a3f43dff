package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"leitai/generator/internal/diag"
	"leitai/generator/internal/fileio"
	"leitai/generator/internal/sitefs"
	"leitai/generator/internal/units"
	"leitai/generator/internal/yamldoc"
)

// SlugPattern is what a department's or article's slug must match: it becomes a
// folder in every reader's URL.
var SlugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Load reads every file under dir (the site's content/ folder). langs are the
// site's language codes; they are the keys of every bilingual text. Problems are
// collected, never returned early: an editor sees them all in one run.
//
// Every file is read from inside the site's folder (dir's parent): a symbolic
// link that leads out of it is reported, never followed.
func Load(dir string, langs []string) (*Site, diag.List) {
	var problems diag.List
	s := &Site{Articles: map[string]map[string]*Article{}}
	rel := relativeTo(filepath.Dir(dir))
	root := sitefs.New(filepath.Dir(dir))
	if err := root.Check(dir); err != nil {
		problems.Add(sitefs.Problem(rel(dir), err))
		return s, problems
	}

	groupsFile := filepath.Join(dir, "groups.yaml")
	if err := root.Check(groupsFile); err != nil {
		problems.Add(sitefs.Problem(rel(groupsFile), err))
	} else if data, err := os.ReadFile(groupsFile); err != nil {
		problems.Errorf(diag.Pos{File: rel(groupsFile)}, "create it with the groups the summary shows (see docs/content-format.md)", "cannot read groups: %v", pathErr(err))
	} else {
		s.Groups = DecodeGroups(rel(groupsFile), data, langs, &problems)
	}

	unitsFile := filepath.Join(dir, "units.yaml")
	if err := root.Check(unitsFile); err != nil {
		problems.Add(sitefs.Problem(rel(unitsFile), err))
	} else if data, err := os.ReadFile(unitsFile); err == nil {
		s.Units = units.Load(rel(unitsFile), data, langs, &problems)
	} else if !os.IsNotExist(err) {
		problems.Errorf(diag.Pos{File: rel(unitsFile)}, "", "cannot read units: %v", pathErr(err))
	}

	folders, more := editionFolders(root, dir, rel)
	problems.Append(more)
	s.Layered = len(folders) != 1 || folders[0].id != ""
	var deptFiles, artFiles []string
	var deptEdition, artEdition []*Edition
	for _, f := range folders {
		e, more := loadEdition(root, f, s.Layered, langs, rel)
		problems.Append(more)
		s.Editions = append(s.Editions, e)
		files, more := listFiles(root, filepath.Join(f.dir, "departments"), ".yaml", rel)
		problems.Append(more)
		deptFiles = append(deptFiles, files...)
		for range files {
			deptEdition = append(deptEdition, e)
		}
		files, more = listFiles(root, filepath.Join(f.dir, "articles"), ".md", rel)
		problems.Append(more)
		artFiles = append(artFiles, files...)
		for range files {
			artEdition = append(artEdition, e)
		}
	}

	depts := make([]*Department, len(deptFiles))
	arts := make([]*Article, len(artFiles))
	perFile := make([]diag.List, len(deptFiles)+len(artFiles))
	parallel(len(deptFiles)+len(artFiles), func(i int) {
		if i < len(deptFiles) {
			depts[i] = loadDepartment(deptFiles[i], rel(deptFiles[i]), langs, &perFile[i])
			depts[i].EditionID = deptEdition[i].ID
			return
		}
		j := i - len(deptFiles)
		if arts[j] = loadArticle(artFiles[j], rel(artFiles[j]), langs, &perFile[i]); arts[j] != nil {
			arts[j].EditionID = artEdition[j].ID
		}
	})
	for _, l := range perFile {
		problems.Append(l)
	}
	for _, d := range depts {
		if d != nil {
			s.Departments = append(s.Departments, d)
		}
	}
	for _, a := range arts {
		if a == nil {
			continue
		}
		// A slug is an address in every edition: the report of another
		// edition under the same name would take its place.
		if first := s.AnyArticle(a.Slug); first != nil && first.EditionID != a.EditionID {
			problems.Errorf(diag.Pos{File: a.File}, "give the report a slug no other edition's report has: it is its address, /articles/<slug>/, in every edition",
				"article slug %q is already used by %s", a.Slug, first.File)
			continue
		}
		s.AddArticle(a)
	}
	s.Sort()
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
func listFiles(root sitefs.Root, dir, ext string, rel func(string) string) ([]string, diag.List) {
	var problems diag.List
	if err := root.Check(dir); err != nil {
		problems.Add(sitefs.Problem(rel(dir), err))
		return nil, problems
	}
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
		if err := root.CheckEntry(p, e); err != nil {
			problems.Add(sitefs.Problem(rel(p), err))
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

var (
	groupKeys      = []string{"id", "title"}
	deptKeys       = []string{"order", "group", "name", "leader", "achievements", "pledges", "statement", "corrections", "series"}
	deptRequired   = deptKeys[:7] // corrections and series are optional
	leaderKeys     = []string{"name", "title"}
	targetKeys     = []string{"value", "unit", "noun", "compare"}
	scopeKeys      = []string{"value", "unit", "noun"}
	metricKeys     = []string{"value", "unit", "noun", "label", "series", "parts"}
	partKeys       = []string{"value", "unit", "noun", "label"}
	seriesKeys     = []string{"id", "title", "max"}
	figureRequired = []string{"value", "unit"}
	dueKeys        = []string{"date", "stated", "inferred"}
	formKeys       = []string{"one", "other"}
	correctionKeys = []string{"printed", "corrected", "note"}
)

// itemKeys are the keys a department's list items accept in a site's
// languages, made once a file rather than once an item.
type itemKeys struct {
	langs                       []string
	achievement, pledge, update []string
}

func newItemKeys(langs []string) *itemKeys {
	return &itemKeys{
		langs:       langs,
		achievement: append(slices.Clone(langs), "metrics"),
		pledge:      append(append([]string{"id"}, langs...), "target", "scope", "due", "status", "updates", "again", "follows"),
		update:      append(append([]string{"date"}, langs...), "source", "status"),
	}
}

// DecodeGroups reads content/groups.yaml.
func DecodeGroups(file string, data []byte, langs []string, problems *diag.List) []Group {
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
	data, ok := readFile(path, file, problems)
	if !ok {
		return &Department{Slug: strings.TrimSuffix(filepath.Base(file), ".yaml"), File: file}
	}
	return DecodeDepartment(file, data, langs, problems)
}

// readFile reads a content file, refusing one too large to be content before
// reading it: a 50 MB file costs a stat, not 50 MB.
func readFile(path, file string, problems *diag.List) ([]byte, bool) {
	data, err := fileio.ReadFile(path, yamldoc.MaxFileSize)
	var large *fileio.TooLargeError
	switch {
	case errors.As(err, &large):
		problems.Add(yamldoc.TooLarge(file, large.Size))
		return nil, false
	case err != nil:
		problems.Errorf(diag.Pos{File: file}, "", "cannot read: %v", pathErr(err))
		return nil, false
	}
	return data, true
}

// DecodeDepartment reads one department file's bytes. file is the name used in
// messages; its base name, less .yaml, is the slug.
//
// It returns what it could read even when the file has problems (at least the
// slug), so links to the department are not reported as broken on top of the
// file's own problems.
func DecodeDepartment(file string, data []byte, langs []string, problems *diag.List) *Department {
	d := decodeDepartment(file, data, langs, problems)
	d.pack()
	return d
}

// decodeDepartment is DecodeDepartment before pack: its strings are parts of
// the file's text.
func decodeDepartment(file string, data []byte, langs []string, problems *diag.List) *Department {
	slug := strings.TrimSuffix(filepath.Base(file), ".yaml")
	d := &Department{Slug: slug, File: file}
	if !SlugPattern.MatchString(slug) {
		problems.Errorf(diag.Pos{File: file}, "rename the file: lower-case letters, digits and single hyphens, e.g. culture-tourism.yaml",
			"file name %q is not a valid slug (it becomes the page's address)", slug)
	}
	doc, root := yamldoc.Parse(file, data, problems)
	if root == nil {
		return d
	}
	m, ok := doc.Fields(root, "", deptKeys, deptRequired)
	if !ok {
		return d
	}
	keys := newItemKeys(langs)
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
			if len(items) > 0 {
				d.Record = make([]Achievement, 0, len(items))
			}
			for i, it := range items {
				d.Record = append(d.Record, decodeAchievement(doc, it, fmt.Sprintf("achievements[%d]", i+1), keys))
			}
		}
	}
	if n := m.Get("pledges"); n != nil {
		if items, ok := doc.Seq(n, "pledges"); ok {
			if len(items) == 0 {
				doc.Errorf(n, "add the pledge, one commitment per “- ” item", "pledges is empty")
			}
			if len(items) > 0 {
				d.Pledges = make([]Pledge, 0, len(items))
			}
			for i, it := range items {
				d.Pledges = append(d.Pledges, decodePledge(doc, it, fmt.Sprintf("pledges[%d]", i+1), keys))
				if d.Pledges[i].Link != nil {
					d.linked = append(d.linked, i)
				}
			}
			checkPledgeIDs(doc, d.Pledges, problems)
		}
	}
	if n := m.Get("statement"); n != nil {
		d.Statement = decodeText(doc, n, "statement", langs)
	}
	if n := m.Get("series"); n != nil {
		d.Series = decodeSeries(doc, n, langs)
	}
	if n := m.Get("corrections"); n != nil {
		d.Corrections = decodeCorrections(doc, n, langs)
		var texts []passage
		d.eachText(func(t *Text) {
			for _, l := range t.Langs {
				texts = append(texts, passage{lang: l.Lang, value: l.Value, pos: l.Pos})
			}
		})
		checkCorrections(d.Corrections, texts, func(pos diag.Pos, hint, format string, args ...any) {
			problems.Add(diag.Problem{Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint, Source: doc.Line(pos.Line)})
		})
	}
	return d
}

// checkPledgeIDs reports an id given to two pledges of a department: an id
// names one pledge for ever.
func checkPledgeIDs(doc *yamldoc.Doc, pledges []Pledge, problems *diag.List) {
	first := map[string]int{}
	for i, p := range pledges {
		if p.ID == "" {
			continue
		}
		if j, dup := first[p.ID]; dup {
			problems.Add(diag.Problem{Pos: p.IDPos, Msg: fmt.Sprintf("pledges[%d].id %q is already the id of pledges[%d]", i+1, p.ID, j+1),
				Hint: "give each pledge an id of its own", Source: doc.Line(p.IDPos.Line)})
			continue
		}
		first[p.ID] = i
	}
}

// decodeText reads a bilingual map. Which languages are missing is Validate's
// business: a site may allow pending translations.
func decodeText(doc *yamldoc.Doc, n *yaml.Node, path string, langs []string) Text {
	t := Text{Pos: doc.Pos(n), Field: path, Decoded: true}
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		doc.Errorf(n, fmt.Sprintf("give each language its own line: %s: …", strings.Join(langs, ": …, ")),
			"%s must have a text per language (%s), not a single text", path, strings.Join(langs, ", "))
		return Text{Pos: t.Pos, Field: path} // not decoded: Validate says nothing more
	}
	m, ok := doc.Fields(n, path, langs, nil)
	if !ok {
		return Text{Pos: t.Pos, Field: path}
	}
	t.Langs = decodeLangs(doc, m, path, langs)
	return t
}

// decodeLangs reads the languages of a text from its map, in the site's order.
func decodeLangs(doc *yamldoc.Doc, m yamldoc.Map, path string, langs []string) []LangText {
	out := make([]LangText, 0, len(langs))
	for _, code := range langs {
		if v := m.Get(code); v != nil {
			s, _ := doc.FieldString(v, path, code)
			out = append(out, LangText{Lang: code, Value: s, Pos: textStart(doc, v)})
		}
	}
	return out
}

// textStart is where a text's first character is: for a block (| or >) that is
// the line after the indicator, at the block's indentation, so Markdown problems
// inside it map to file lines and columns.
func textStart(doc *yamldoc.Doc, v *yaml.Node) diag.Pos {
	p := doc.Pos(v)
	switch {
	case v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		p.Line++
		l := doc.Line(p.Line)
		p.Col = len(l) - len(strings.TrimLeft(l, " ")) + 1
	case v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		p.Col++ // past the quote
	}
	return p
}

// decodeItem reads a list item that holds its text per language beside other
// keys (a pledge's target, an achievement's metrics). ok is false when the item
// is not a map; the problem is reported.
func decodeItem(doc *yamldoc.Doc, n *yaml.Node, path string, langs, keys []string) (Text, yamldoc.Map, bool) {
	t := Text{Pos: doc.Pos(n), Field: path, Decoded: true}
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		doc.Errorf(n, fmt.Sprintf("write the item as %s: … lines", strings.Join(langs, ": …, ")), "%s must have a text per language (%s), not a single text", path, strings.Join(langs, ", "))
		t.Decoded = false // not decoded: Validate says nothing more
		return t, yamldoc.Map{}, false
	}
	m, ok := doc.Fields(n, path, keys, nil)
	if !ok {
		t.Decoded = false
		return t, m, false
	}
	t.Langs = decodeLangs(doc, m, path, langs)
	return t, m, true
}

func decodeAchievement(doc *yamldoc.Doc, n *yaml.Node, path string, keys *itemKeys) Achievement {
	langs := keys.langs
	var a Achievement
	var m yamldoc.Map
	var ok bool
	if a.Text, m, ok = decodeItem(doc, n, path, langs, keys.achievement); !ok {
		return a
	}
	if v := m.Get("metrics"); v != nil {
		a.Metrics = decodeMetrics(doc, v, path+".metrics", langs, metricKeys)
	}
	return a
}

// decodeMetrics reads a list of figures: an achievement's metrics, with keys,
// or a metric's parts, with fewer.
func decodeMetrics(doc *yamldoc.Doc, n *yaml.Node, path string, langs, keys []string) []Metric {
	items, _ := doc.Seq(n, path)
	var out []Metric
	for i, it := range items {
		p := fmt.Sprintf("%s[%d]", path, i+1)
		mm, ok := doc.Fields(it, p, keys, figureRequired)
		if !ok {
			continue
		}
		x := Metric{Figure: decodeFigure(doc, mm, p, langs), Pos: doc.Pos(it)}
		if y := mm.Get("label"); y != nil {
			x.Label = decodeText(doc, y, p+".label", langs)
		}
		if y := mm.Get("series"); y != nil {
			x.Series, _ = doc.String(y, p+".series")
			x.SeriesPos = doc.Pos(y)
		}
		if y := mm.Get("parts"); y != nil {
			x.Parts = decodeMetrics(doc, y, p+".parts", langs, partKeys)
		}
		out = append(out, x)
	}
	return out
}

// decodeID reads the id at path: lower-case letters, digits and single
// hyphens, as a slug is; example is one for the hint. ok is false when it is
// not text (reported).
func decodeID(doc *yamldoc.Doc, v *yaml.Node, path, example string) (string, diag.Pos, bool) {
	id, ok := doc.String(v, path)
	if !ok {
		return "", diag.Pos{}, false
	}
	if !SlugPattern.MatchString(id) {
		doc.Errorf(v, "lower-case letters, digits and single hyphens, e.g. "+example, "%s %q is not a valid id", path, id)
	}
	return id, doc.Pos(v), true
}

// decodeSeries reads the department's series: the sets of figures its editors
// declare comparable.
func decodeSeries(doc *yamldoc.Doc, n *yaml.Node, langs []string) []Series {
	items, _ := doc.Seq(n, "series")
	var out []Series
	for i, it := range items {
		p := fmt.Sprintf("series[%d]", i+1)
		m, ok := doc.Fields(it, p, seriesKeys, seriesKeys[:2])
		if !ok {
			continue
		}
		s := Series{Pos: doc.Pos(it)}
		if v := m.Get("id"); v != nil {
			if id, pos, ok := decodeID(doc, v, p+".id", "provincial-share"); ok {
				s.ID, s.Pos = id, pos
			}
		}
		if v := m.Get("title"); v != nil {
			s.Title = decodeText(doc, v, p+".title", langs)
		}
		if v := m.Get("max"); v != nil {
			if x, ok := doc.Number(v, p+".max"); ok {
				if x <= 0 {
					doc.Errorf(v, "what a full bar stands for, e.g. 100 for shares in %", "%s.max must be more than 0", p)
				}
				s.Max, s.MaxPos = x, doc.Pos(v)
			}
		}
		out = append(out, s)
	}
	return out
}

// MaxQuantity bounds the value of a target or a figure, in its unit: a
// thousand trillion is far beyond any pledge (China's GDP is about 1.3 × 10¹⁴
// yuan), and within it every whole number a float64 holds exactly.
const MaxQuantity = 1e15

// maxDigits is how many significant digits a value may have: a float64 keeps
// fifteen exactly, and a sixteenth would be shown changed.
const maxDigits = 15

// decodeFigure reads the value, unit and noun of a target, a scope or a
// metric. Whether the unit is known, and whether it needs a noun, is
// Validate's business, which has the unit table.
func decodeFigure(doc *yamldoc.Doc, m yamldoc.Map, path string, langs []string) Figure {
	var f Figure
	if y := m.Get("value"); y != nil {
		if value, ok := doc.Number(y, path+".value"); ok {
			switch {
			case math.Abs(value) > MaxQuantity:
				doc.Errorf(y, "state it in a larger unit (亿元, 万亿元) so the number is smaller",
					"%s.value %s is beyond ±10¹⁵, the largest a target or figure may be", path, y.Value)
			case significantDigits(y.Value) > maxDigits:
				doc.Errorf(y, fmt.Sprintf("round it to %d significant digits, as the source would print it", maxDigits),
					"%s.value %s has more digits than can be kept exactly", path, y.Value)
			default:
				f.Value = value
			}
		}
	}
	if y := m.Get("unit"); y != nil {
		f.Unit, _ = doc.String(y, path+".unit")
		f.UnitPos = doc.Pos(y)
	}
	if y := m.Get("noun"); y != nil {
		f.Noun = decodeNoun(doc, y, path+".noun", langs)
	}
	return f
}

// decodeNoun reads what a figure counts, per language: a word used after every
// number (项目), or the word after 1 and the word after other numbers
// ({one: project, other: projects}).
func decodeNoun(doc *yamldoc.Doc, n *yaml.Node, path string, langs []string) Noun {
	out := Noun{Pos: doc.Pos(n), Field: path}
	m, ok := doc.Fields(n, path, langs, nil)
	if !ok {
		return out
	}
	out.Decoded = true
	for _, code := range langs {
		v := m.Get(code)
		if v == nil {
			continue
		}
		f := NounForms{Lang: code, Pos: doc.Pos(v)}
		if v.Kind == yaml.MappingNode {
			fm, ok := doc.Fields(v, path+"."+code, formKeys, formKeys)
			if !ok {
				continue
			}
			f.Inflected = true
			if w := fm.Get("one"); w != nil {
				f.One, _ = doc.String(w, path+"."+code+".one")
			}
			if w := fm.Get("other"); w != nil {
				f.Other, _ = doc.String(w, path+"."+code+".other")
			}
		} else if w, ok := doc.String(v, path+"."+code); ok {
			f.One, f.Other = w, w
		}
		out.Langs = append(out.Langs, f)
	}
	return out
}

// significantDigits counts the significant digits of a number as written:
// 2541 has four, 0.00012 two, 1.50e3 two.
func significantDigits(lit string) int {
	lit = strings.ReplaceAll(strings.TrimLeft(lit, "+-"), "_", "")
	if i := strings.IndexAny(lit, "eE"); i >= 0 {
		lit = lit[:i]
	}
	digits := strings.Trim(strings.Replace(lit, ".", "", 1), "0")
	return len(digits)
}

func decodeUpdate(doc *yamldoc.Doc, n *yaml.Node, path string, keys *itemKeys) (Update, bool) {
	var u Update
	t, m, ok := decodeItem(doc, n, path, keys.langs, keys.update)
	u.Text = t
	if !ok {
		return u, false
	}
	if v := m.Get("date"); v != nil {
		u.Date, _ = doc.Date(v, path+".date")
		u.DatePos = doc.Pos(v)
	} else {
		doc.Errorf(n, "add “date: YYYY-MM-DD”: when it happened", "%s has no date", path)
	}
	if v := m.Get("source"); v != nil {
		if src, ok := doc.String(v, path+".source"); ok {
			if !isWebURL(src) {
				doc.Errorf(v, "give the full address of the report, starting with https://", "%s.source %q is not a web address", path, src)
			}
			u.Source = src
		}
	} else {
		doc.Errorf(n, "add “source: https://…”: no verdict without a source", "%s has no source", path)
	}
	if v := m.Get("status"); v != nil {
		if s, ok := doc.String(v, path+".status"); ok {
			if !oneOf(s, Statuses) {
				doc.Errorf(v, "use one of: "+strings.Join(Statuses, ", "), "%s.status %q is not a known status", path, s)
			} else {
				u.Status = s
				u.StatusPos = doc.Pos(v)
			}
		}
	}
	return u, true
}

func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

func decodePledge(doc *yamldoc.Doc, n *yaml.Node, path string, keys *itemKeys) Pledge {
	p := Pledge{Status: "not-rated"}
	var m yamldoc.Map
	var ok bool
	if p.Text, m, ok = decodeItem(doc, n, path, keys.langs, keys.pledge); !ok {
		return p
	}
	if v := m.Get("id"); v != nil {
		if id, pos, ok := decodeID(doc, v, path+".id", "new-loans"); ok {
			p.ID, p.IDPos = id, pos
		}
	}
	if v := m.Get("target"); v != nil {
		if tm, ok := doc.Fields(v, path+".target", targetKeys, figureRequired); ok {
			t := &Target{Figure: decodeFigure(doc, tm, path+".target", keys.langs), Compare: "exactly"}
			if x := tm.Get("compare"); x != nil {
				if c, ok := doc.String(x, path+".target.compare"); ok {
					if !oneOf(c, Compares) {
						doc.Errorf(x, "use one of: "+strings.Join(Compares, ", ")+" (超过 is more-than, 以上 and 不少于 at-least)", "%s.target.compare %q is not a known comparison", path, c)
					}
					t.Compare = c
				}
			}
			p.Target = t
		}
	}
	if v := m.Get("scope"); v != nil {
		if sm, ok := doc.Fields(v, path+".scope", scopeKeys, figureRequired); ok {
			f := decodeFigure(doc, sm, path+".scope", keys.langs)
			p.Scope = &f
		}
	}
	if v := m.Get("due"); v != nil {
		p.Due = decodeDue(doc, v, path+".due", p.Text, len(keys.langs))
	}
	if v := m.Get("status"); v != nil {
		if s, ok := doc.String(v, path+".status"); ok {
			if !oneOf(s, Statuses) {
				doc.Errorf(v, "use one of: "+strings.Join(Statuses, ", "), "%s.status %q is not a known status", path, s)
			} else {
				p.Status = s
			}
			p.StatusPos = doc.Pos(v)
		}
	}
	if v := m.Get("updates"); v != nil {
		items, _ := doc.Seq(v, path+".updates")
		for i, it := range items {
			if u, ok := decodeUpdate(doc, it, fmt.Sprintf("%s.updates[%d]", path, i+1), keys); ok {
				p.Updates = append(p.Updates, u)
			}
		}
		// Readers see the newest first, whatever order the editor wrote them in.
		sort.SliceStable(p.Updates, func(i, j int) bool { return p.Updates[i].Date.After(p.Updates[j].Date) })
	}
	p.Link = decodeLink(doc, m, path)
	return p
}

// decodeDue reads when a pledge falls due and what the date rests on:
// {date: 2022-12-31, stated: 年底前} or {date: 2022-12-31, inferred: 全年}. The
// words must be in the pledge's text, where a reader can find them.
func decodeDue(doc *yamldoc.Doc, v *yaml.Node, path string, text Text, langs int) *Due {
	const hint = "write due: {date: 2022-12-31, stated: 年底前} when the pledge's words give the date, " +
		"or due: {date: 2022-12-31, inferred: 全年} when you work it out from them"
	d := &Due{Pos: doc.Pos(v)}
	if v.Kind == yaml.ScalarNode {
		// The form before dates said what they rest on: a date alone.
		if date, ok := doc.Date(v, path); ok {
			d.Date = date
			doc.Errorf(v, hint, "%s gives a date but not the words it rests on", path)
		}
		return d
	}
	m, ok := doc.Fields(v, path, dueKeys, []string{"date"})
	if !ok {
		return d
	}
	if x := m.Get("date"); x != nil {
		d.Date, _ = doc.Date(x, path+".date")
	}
	stated, inferred := m.Get("stated"), m.Get("inferred")
	words := stated
	switch {
	case stated != nil && inferred != nil:
		doc.Errorf(inferred, "keep stated: when the pledge gives the date, inferred: when you work it out", "%s is both stated and inferred", path)
	case stated == nil && inferred == nil:
		doc.Errorf(v, hint, "%s does not say what the date rests on", path)
		return d
	case inferred != nil:
		d.Inferred, words = true, inferred
	}
	w, ok := doc.String(words, path+"."+d.Basis())
	if !ok {
		return d
	}
	d.Words, d.WordsPos = w, doc.Pos(words)
	for _, l := range text.Langs {
		if strings.Contains(l.Value, w) {
			d.Lang = l.Lang
			break
		}
	}
	// A text that lacks a language has its own problem; its words may be in
	// the one it lacks.
	if d.Lang == "" && len(text.Langs) == langs {
		doc.Errorf(words, "quote the pledge's own words the date rests on, as its text has them (年底前, 全年)",
			"%s.%s %q is not in the pledge's text", path, d.Basis(), w)
	}
	return d
}

// decodeCorrections reads a list of corrections: in a department file, or in
// an article's front matter.
func decodeCorrections(doc *yamldoc.Doc, n *yaml.Node, langs []string) []Correction {
	items, ok := doc.Seq(n, "corrections")
	if !ok {
		return nil
	}
	out := make([]Correction, 0, len(items))
	for i, it := range items {
		path := fmt.Sprintf("corrections[%d]", i+1)
		m, ok := doc.Fields(it, path, correctionKeys, []string{"corrected", "note"})
		if !ok {
			continue
		}
		c := Correction{Pos: doc.Pos(it)}
		if v := m.Get("printed"); v != nil {
			c.Printed, _ = doc.String(v, path+".printed")
			c.PrintedPos = doc.Pos(v)
		} else {
			doc.Errorf(it, "add “printed: …”, the source's words as it printed them: a correction says what it corrects",
				"%s has no printed reading", path)
		}
		if v := m.Get("corrected"); v != nil {
			c.Corrected, _ = doc.String(v, path+".corrected")
			c.CorrectedPos = doc.Pos(v)
		}
		if v := m.Get("note"); v != nil {
			c.Note = decodeText(doc, v, path+".note", langs)
		}
		if c.Printed != "" && c.Printed == c.Corrected {
			doc.Errorf(m.Get("corrected"), "write what the text reads now, or remove the correction", "%s reads the same as printed", path)
		}
		out = append(out, c)
	}
	return out
}

// passage is a text a correction may apply to, and where it starts in its file.
type passage struct {
	lang, value string
	pos         diag.Pos
}

// checkCorrections finds, for each correction, the language whose text has the
// corrected reading, and reports a corrected reading that no text has and a
// printed reading a text still has (outside the corrected one: 争先进 inside
// 争先进位 does not count), at the place it is.
func checkCorrections(cs []Correction, texts []passage, report func(pos diag.Pos, hint, format string, args ...any)) {
	for i := range cs {
		c := &cs[i]
		if c.Corrected == "" {
			continue
		}
		for _, t := range texts {
			if strings.Contains(t.value, c.Corrected) {
				c.Lang = t.lang
				break
			}
		}
		if c.Lang == "" {
			report(c.CorrectedPos, fmt.Sprintf("correct the text too, so that it reads %s where the source printed %s", c.Corrected, c.Printed),
				"the corrected reading %q is not in the text", c.Corrected)
		}
		if c.Printed == "" || c.Printed == c.Corrected {
			continue
		}
		for _, t := range texts {
			// Blank out the corrected readings, keeping the offsets.
			rest := strings.ReplaceAll(t.value, c.Corrected, strings.Repeat("\x00", len(c.Corrected)))
			if at := strings.Index(rest, c.Printed); at >= 0 {
				report(offsetPos(t, at), fmt.Sprintf("replace it with %s, as the correction says", c.Corrected),
					"the text still has the printed reading %q", c.Printed)
			}
		}
	}
}

// offsetPos is where byte at of a passage is in its file. A passage of several
// lines is a literal block (|), whose lines all start at its first line's
// column.
func offsetPos(t passage, at int) diag.Pos {
	before := t.value[:at]
	p := t.pos
	nl := strings.LastIndexByte(before, '\n')
	p.Line += strings.Count(before, "\n")
	if nl < 0 {
		p.Col += utf8.RuneCountInString(before)
	} else {
		p.Col += utf8.RuneCountInString(before[nl+1:])
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
	articleKeys     = []string{"title", "subtitle", "date", "lead", "reporters", "credits", "source", "corrections"}
	articleRequired = []string{"title", "date", "lead"}
	creditKeys      = []string{"editor", "designer", "proofreader", "layout"}
)

func loadArticle(path, file string, langs []string, problems *diag.List) *Article {
	data, ok := readFile(path, file, problems)
	if !ok {
		return DecodeArticle(file, nil, langs, &diag.List{}) // its name, for links to it
	}
	return DecodeArticle(file, data, langs, problems)
}

// DecodeArticle reads one article file's bytes: YAML front matter between “---”
// lines, then Markdown. file's base name is <slug>.<lang>.md.
//
// Like DecodeDepartment it returns what it could read even when the file has
// problems; it returns nil only when the file name says no slug and language.
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
	if len(data) > yamldoc.MaxFileSize {
		problems.Add(yamldoc.TooLarge(file, int64(len(data))))
		return a
	}
	if !yamldoc.CheckEncoding(file, data, problems) {
		return a
	}
	front, body, bodyLine, ok := splitFrontMatter(data)
	if !ok {
		problems.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "start the file with a line “---”, the title, date and lead, and another “---”",
			"article has no front matter")
		return a
	}
	doc, root := yamldoc.Parse(file, front, problems)
	if root == nil {
		return a
	}
	// The body is kept only once the front matter is readable: its links are
	// checked even when other files have problems, and its encoding has been checked.
	a.Body, a.BodyLine = body, bodyLine
	checkBodyPlaceholders(file, body, bodyLine, problems)
	m, ok := doc.Fields(root, "front matter", articleKeys, articleRequired)
	if !ok {
		return a
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
	if n := m.Get("corrections"); n != nil {
		a.Corrections = decodeCorrections(doc, n, langs)
		var texts []passage
		for _, key := range []string{"title", "subtitle", "lead"} {
			if n := m.Get(key); n != nil && n.Kind == yaml.ScalarNode {
				texts = append(texts, passage{lang: a.Lang, value: n.Value, pos: textStart(doc, n)})
			}
		}
		texts = append(texts, passage{lang: a.Lang, value: string(a.Body), pos: diag.Pos{File: file, Line: a.BodyLine, Col: 1}})
		lines := strings.Split(string(data), "\n")
		checkCorrections(a.Corrections, texts, func(pos diag.Pos, hint, format string, args ...any) {
			p := diag.Problem{Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint}
			if pos.Line >= 1 && pos.Line <= len(lines) {
				p.Source = strings.TrimRight(lines[pos.Line-1], "\r")
			}
			problems.Add(p)
		})
	}
	a.Covers = coveredDepartments(a.Body)
	a.sections = findSections(a.Body)
	return a
}

// checkBodyPlaceholders reports lines of the body that start with the
// placeholder `generator new` writes.
func checkBodyPlaceholders(file string, body []byte, firstLine int, problems *diag.List) {
	for i, line := range strings.Split(string(body), "\n") {
		if yamldoc.IsPlaceholder(line) {
			problems.Add(diag.Problem{Pos: diag.Pos{File: file, Line: firstLine + i, Col: 1}, Msg: "the article's text is not filled in yet",
				Hint: "replace the " + yamldoc.Placeholder + " line with the report, in Markdown", Source: line})
		}
	}
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

// departmentLink is a Markdown link destination to a department page.
var departmentLink = regexp.MustCompile(`\]\(\s*/departments/([a-z0-9]+(?:-[a-z0-9]+)*)/`)

// coveredDepartments lists the departments an article body links to, once each,
// in order of first link.
func coveredDepartments(body []byte) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range departmentLink.FindAllSubmatch(body, -1) {
		if slug := string(m[1]); !seen[slug] {
			seen[slug] = true
			out = append(out, slug)
		}
	}
	return out
}

// editionFolder is a folder that holds one edition: its file, departments/ and
// articles/.
type editionFolder struct {
	dir string // on disk
	id  string // its name under content/editions/; "" for content/ itself
}

// editionFolders lists the folders that hold the site's editions: each folder
// of content/editions/, when there is one, or else content/ itself, the
// one-edition layout. On a site with editions, what belongs in an edition's
// folder but sits in content/ is a problem, with where it goes.
func editionFolders(site sitefs.Root, dir string, rel func(string) string) ([]editionFolder, diag.List) {
	var problems diag.List
	root := filepath.Join(dir, "editions")
	if err := site.Check(root); err != nil && !errors.Is(err, fs.ErrNotExist) {
		problems.Add(sitefs.Problem(rel(root), err))
		return nil, problems
	}
	entries, err := os.ReadDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return []editionFolder{{dir: dir}}, nil
	}
	if err != nil {
		problems.Errorf(diag.Pos{File: rel(root)}, "", "cannot read folder: %v", pathErr(err))
		return nil, problems
	}
	var out []editionFolder
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(root, name)
		if err := site.CheckEntry(p, e); err != nil {
			problems.Add(sitefs.Problem(rel(p), err))
			continue
		}
		switch {
		case !e.IsDir():
			problems.Errorf(diag.Pos{File: rel(p)}, "content/editions/ holds one folder per edition, named by its id (e.g. 4/), with edition.yaml, departments/ and articles/ in it",
				"unexpected file in %s", rel(root))
		case !SlugPattern.MatchString(name):
			problems.Errorf(diag.Pos{File: rel(p)}, "rename the folder: lower-case letters, digits and single hyphens, e.g. 4 (it becomes the edition's address)",
				"edition folder %q is not a valid id", name)
		default:
			out = append(out, editionFolder{dir: p, id: name})
		}
	}
	var ids []string
	for _, f := range out {
		ids = append(ids, f.id)
	}
	// where says where a file goes: "content/editions/<id>/departments/,
	// where <id> is its edition: 2, 3 or 4".
	where := func(sub string) string {
		s := "content/editions/<id>/" + sub
		if len(ids) > 0 {
			s += ", where <id> is its edition: " + abbreviate(ids, 12)
		}
		return s
	}
	if len(out) == 0 {
		problems.Errorf(diag.Pos{File: rel(root)}, "add a folder per edition, e.g. content/editions/4/ (go run ./generator new edition 4 writes one), or remove the empty folder",
			"content/editions/ holds no edition")
	}
	if _, err := os.Stat(filepath.Join(dir, EditionFile)); err == nil {
		problems.Errorf(diag.Pos{File: rel(filepath.Join(dir, EditionFile))}, "move it into its edition's folder, "+where(""),
			"%s is outside an edition on a site with editions", EditionFile)
	}
	for _, sub := range []struct{ name, what string }{{"departments", "department"}, {"articles", "article"}} {
		files, _ := os.ReadDir(filepath.Join(dir, sub.name))
		for _, f := range files {
			if strings.HasPrefix(f.Name(), ".") {
				continue
			}
			p := filepath.Join(dir, sub.name, f.Name())
			problems.Errorf(diag.Pos{File: rel(p)}, "move it into "+where(sub.name+"/")+" (docs/content-format.md, Editions)",
				"%s file outside an edition on a site with editions", sub.what)
		}
	}
	return out, problems
}

// loadEdition reads an edition's file. A site in the one-edition layout may
// go without one; each folder of content/editions/ needs its own.
func loadEdition(site sitefs.Root, f editionFolder, layered bool, langs []string, rel func(string) string) (*Edition, diag.List) {
	var problems diag.List
	path := filepath.Join(f.dir, EditionFile)
	if err := site.Check(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		problems.Add(sitefs.Problem(rel(path), err))
		return &Edition{ID: f.id}, problems
	}
	_, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && !layered:
		return &Edition{}, nil
	case errors.Is(err, fs.ErrNotExist):
		problems.Errorf(diag.Pos{File: rel(f.dir)}, fmt.Sprintf("add %s/%s with the edition's number, date, title and series (go run ./generator new edition %s writes one)", rel(f.dir), EditionFile, f.id),
			"edition %s has no %s", f.id, EditionFile)
		return &Edition{ID: f.id}, problems
	}
	data, ok := readFile(path, rel(path), &problems)
	if !ok {
		return &Edition{ID: f.id, File: rel(path)}, problems
	}
	return DecodeEdition(rel(path), f.id, data, langs, &problems), problems
}
