package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"
)

// yamlDept is a department file read straight from YAML, independently of the
// generator's loader, so the test compares the data files with the source.
type yamlDept struct {
	Order        int
	Group        string
	Name         map[string]string
	Leader       struct{ Name, Title map[string]string }
	Achievements []map[string]any
	Pledges      []map[string]any
	Statement    map[string]string
	Corrections  []struct {
		Printed, Corrected string
		Note               map[string]string
	}
}

type yamlGroup struct {
	ID    string
	Title map[string]string
}

func readYAML(t *testing.T, path string, v any) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(src, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// dataset mirrors pledges.json as the docs describe it, decoded strictly.
type dataset struct {
	Schema        string `json:"$schema"`
	SchemaVersion int    `json:"schema_version"`
	Language      string `json:"language"`
	Lang          string `json:"lang"`
	Title         string `json:"title"`
	URL           string `json:"url"`
	Editions      []struct {
		ID, Date, Title, Series, URL string
		Number                       int
	}
	Groups      []struct{ ID, Title string }
	Departments []struct {
		Slug         string
		Order        int
		URL          string
		Group        struct{ ID, Title string }
		Name         string
		Leader       struct{ Name, Title string }
		Achievements []string
		Pledges      []struct {
			Number int
			ID     string
			Text   string
			Target *struct {
				Value   float64
				Unit    string
				Noun    *struct{ One, Other string }
				Compare string
				Figure  string
			}
			Scope *struct {
				Value  float64
				Unit   string
				Noun   *struct{ One, Other string }
				Figure string
			}
			Due      string
			DueBasis string `json:"due_basis"`
			DueWords string `json:"due_words"`
			Status   string
			Updates  []struct{ Date, Text, Source, Status string }
			Edition  *struct {
				ID, Date string
				Number   int
			}
			Again, Follows *struct {
				Edition, Department, ID string
				Number                  int
			}
		}
		Statement   string
		Corrections []struct{ Printed, Corrected, Note string }
	}
}

func TestOpenDataMatchesContent(t *testing.T) {
	out := buildReal(t)
	var groups []yamlGroup
	readYAML(t, filepath.Join("..", "content", "groups.yaml"), &groups)
	groupTitle := map[string]map[string]string{}
	for _, g := range groups {
		groupTitle[g.ID] = g.Title
	}
	schema := compileSchema(t, filepath.Join(out, "zh", "data", "pledges.schema.json"))

	for _, lang := range []string{"zh", "en"} {
		dir := filepath.Join(out, lang, "data")
		ds := readDataset(t, schema, out, lang+"/data/pledges.json")
		if ds.SchemaVersion != 1 || ds.Language != lang || ds.Lang != langAttr[lang] || ds.URL != "https://example.org/"+lang+"/" {
			t.Errorf("%s: header = %d %q %q %q", lang, ds.SchemaVersion, ds.Language, ds.Lang, ds.URL)
		}
		if ds.Schema != "https://example.org/"+lang+"/data/pledges.schema.json" {
			t.Errorf("%s: $schema = %q", lang, ds.Schema)
		}
		if len(ds.Groups) != len(groups) {
			t.Errorf("%s: %d groups, want %d", lang, len(ds.Groups), len(groups))
		}
		// The real content is one edition, named by content/edition.yaml.
		var edition struct {
			Number        int
			Date          time.Time
			Title, Series map[string]string
		}
		readYAML(t, filepath.Join("..", "content", "edition.yaml"), &edition)
		if len(ds.Editions) != 1 {
			t.Fatalf("%s: editions = %+v, want the one of content/edition.yaml", lang, ds.Editions)
		}
		if e := ds.Editions[0]; e.ID != strconv.Itoa(edition.Number) || e.Number != edition.Number || e.Date != edition.Date.Format("2006-01-02") ||
			e.Title != edition.Title[lang] || e.Series != edition.Series[lang] || e.URL != ds.URL {
			t.Errorf("%s: edition = %+v, want that of content/edition.yaml", lang, e)
		}
		if len(ds.Departments) != len(departments) {
			t.Fatalf("%s: %d departments, want %d", lang, len(ds.Departments), len(departments))
		}

		rows := readCSV(t, filepath.Join(dir, "pledges.csv"))
		header, rows := rows[0], rows[1:]
		col := map[string]int{}
		for i, h := range header {
			col[h] = i
		}
		row := 0

		for i, slug := range departments { // summary order
			var src yamlDept
			readYAML(t, filepath.Join("..", "content", "departments", slug+".yaml"), &src)
			d := ds.Departments[i]
			where := lang + "/" + slug
			if d.Slug != slug || d.Order != src.Order || d.Name != src.Name[lang] ||
				d.Leader.Name != src.Leader.Name[lang] || d.Leader.Title != src.Leader.Title[lang] ||
				d.Group.ID != src.Group || d.Group.Title != groupTitle[src.Group][lang] ||
				d.Statement != src.Statement[lang] || d.URL != "https://example.org/"+lang+"/departments/"+slug+"/" {
				t.Errorf("%s: department fields differ from the YAML: %+v", where, d)
			}
			if len(d.Achievements) != len(src.Achievements) {
				t.Errorf("%s: %d achievements, want %d", where, len(d.Achievements), len(src.Achievements))
			}
			for j := range min(len(d.Achievements), len(src.Achievements)) {
				if d.Achievements[j] != src.Achievements[j][lang].(string) {
					t.Errorf("%s achievement %d = %q, want %q", where, j+1, d.Achievements[j], src.Achievements[j][lang])
				}
			}
			if len(d.Corrections) != len(src.Corrections) {
				t.Errorf("%s: %d corrections, want %d", where, len(d.Corrections), len(src.Corrections))
			}
			for j := range min(len(d.Corrections), len(src.Corrections)) {
				c, sc := d.Corrections[j], src.Corrections[j]
				if c.Printed != sc.Printed || c.Corrected != sc.Corrected || c.Note != sc.Note[lang] {
					t.Errorf("%s correction %d = %+v, want %+v", where, j+1, c, sc)
				}
			}
			if len(d.Pledges) != len(src.Pledges) {
				t.Fatalf("%s: %d pledges, want %d", where, len(d.Pledges), len(src.Pledges))
			}
			for j, sp := range src.Pledges {
				p := d.Pledges[j]
				want := pledgeFromYAML(sp, lang)
				got := fmt.Sprintf("%d|%s|%s %s %s|%s", p.Number, p.Text, p.Due, p.DueBasis, p.DueWords, p.Status)
				if p.Target != nil {
					got += fmt.Sprintf("|%g %s %s", p.Target.Value, p.Target.Unit, p.Target.Compare)
					if p.Target.Noun != nil {
						got += fmt.Sprintf(" %s/%s", p.Target.Noun.One, p.Target.Noun.Other)
					}
				}
				if p.Scope != nil {
					got += fmt.Sprintf("|scope %g %s", p.Scope.Value, p.Scope.Unit)
					if p.Scope.Noun != nil {
						got += fmt.Sprintf(" %s/%s", p.Scope.Noun.One, p.Scope.Noun.Other)
					}
				}
				if got != fmt.Sprintf("%d|%s", j+1, want) {
					t.Errorf("%s pledge %d:\n got  %s\n want %d|%s", where, j+1, got, j+1, want)
				}
				if e := p.Edition; e == nil || e.ID != ds.Editions[0].ID || e.Number != edition.Number || e.Date != ds.Editions[0].Date {
					t.Errorf("%s pledge %d: edition = %+v, want %+v", where, j+1, e, ds.Editions[0])
				}

				// The CSV row of the same pledge.
				if row >= len(rows) {
					t.Fatalf("%s: pledges.csv ends before %s pledge %d", lang, slug, j+1)
				}
				r := rows[row]
				row++
				cell := func(name string) string { return r[col[name]] }
				if cell("department_slug") != slug || cell("pledge_number") != strconv.Itoa(j+1) || cell("pledge") != p.Text ||
					cell("department") != src.Name[lang] || cell("group_title") != groupTitle[src.Group][lang] ||
					cell("leader_name") != src.Leader.Name[lang] || cell("due") != p.Due || cell("status") != p.Status ||
					cell("due_basis") != p.DueBasis || cell("due_words") != p.DueWords ||
					cell("edition_id") != p.Edition.ID || cell("edition_number") != strconv.Itoa(p.Edition.Number) || cell("edition_date") != p.Edition.Date {
					t.Errorf("%s: CSV row %d does not match pledge %d: %q", where, row, j+1, r)
				}
				if p.Target != nil && (cell("target_value") != strconv.FormatFloat(p.Target.Value, 'f', -1, 64) || cell("target_unit") != p.Target.Unit ||
					cell("target_figure") != p.Target.Figure || p.Target.Figure == "") {
					t.Errorf("%s: CSV row %d target = %q %q %q", where, row, cell("target_value"), cell("target_unit"), cell("target_figure"))
				}
				if p.Scope != nil && (cell("scope_value") != strconv.FormatFloat(p.Scope.Value, 'f', -1, 64) || cell("scope_unit") != p.Scope.Unit ||
					cell("scope_figure") != p.Scope.Figure || p.Scope.Figure == "") {
					t.Errorf("%s: CSV row %d scope = %q %q %q", where, row, cell("scope_value"), cell("scope_unit"), cell("scope_figure"))
				}
			}
		}
		if row != len(rows) {
			t.Errorf("%s: pledges.csv has %d rows, the content %d pledges", lang, len(rows), row)
		}
	}
}

// readDataset reads the data file name of the site built into out: it must
// match the schema and hold nothing the test's mirror of the docs lacks.
func readDataset(t *testing.T, schema *jsonschema.Schema, out, name string) dataset {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Errorf("%s does not match its schema: %v", name, err)
	}
	var ds dataset
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ds); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return ds
}

// pledgeFromYAML formats a pledge as the test compares it: text|due|status[|target].
func pledgeFromYAML(p map[string]any, lang string) string {
	s := fmt.Sprint(p[lang])
	due := "  "
	if d, ok := p["due"].(map[string]any); ok {
		date := d["date"].(time.Time).Format("2006-01-02")
		for _, basis := range []string{"stated", "inferred"} {
			if w, ok := d[basis].(string); ok {
				due = date + " " + basis + " " + w
			}
		}
	}
	status := "not-rated"
	if v, ok := p["status"].(string); ok {
		status = v
	}
	s += "|" + due + "|" + status
	if tg, ok := p["target"].(map[string]any); ok {
		compare := "exactly"
		if c, ok := tg["compare"].(string); ok {
			compare = c
		}
		s += fmt.Sprintf("|%g %v %s", toFloat(tg["value"]), tg["unit"], compare) + nounFromYAML(tg, lang)
	}
	if sc, ok := p["scope"].(map[string]any); ok {
		s += fmt.Sprintf("|scope %g %v", toFloat(sc["value"]), sc["unit"]) + nounFromYAML(sc, lang)
	}
	return s
}

// nounFromYAML is a figure's noun in lang as the test compares it: " one/other",
// "" for none.
func nounFromYAML(figure map[string]any, lang string) string {
	n, ok := figure["noun"].(map[string]any)
	if !ok {
		return ""
	}
	switch f := n[lang].(type) {
	case string:
		return " " + f + "/" + f
	case map[string]any:
		return fmt.Sprintf(" %v/%v", f["one"], f["other"])
	}
	return " ?"
}

func toFloat(v any) float64 {
	switch n := v.(type) {
	case int:
		return float64(n)
	case float64:
		return n
	}
	return -1
}

// readCSV reads pledges.csv as a spreadsheet would, after checking the BOM that
// makes Excel take it for UTF-8.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body, ok := bytes.CutPrefix(raw, []byte{0xEF, 0xBB, 0xBF})
	if !ok {
		t.Fatalf("%s does not start with a UTF-8 byte-order mark", path)
	}
	if !bytes.Contains(body, []byte("\r\n")) {
		t.Errorf("%s: want CRLF line ends", path)
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(rows) < 2 || rows[0][0] != "department_slug" {
		t.Fatalf("%s: no header or no rows", path)
	}
	return rows
}

func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("pledges.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("pledges.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The schema must refuse what it does not describe, or matching it proves nothing.
func TestOpenDataSchemaRefusesWrongShapes(t *testing.T) {
	out := buildReal(t)
	schema := compileSchema(t, filepath.Join(out, "en", "data", "pledges.schema.json"))
	raw, err := os.ReadFile(filepath.Join(out, "en", "data", "pledges.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, old, new string }{
		{"unknown status", `"status": "not-rated"`, `"status": "done"`},
		{"wrong version", `"schema_version": 1`, `"schema_version": 2`},
		{"unknown field", `"slug": "development-reform"`, `"slug": "development-reform", "budget": 1`},
		{"bad date", `"due": "2022-12-31"`, `"due": "31/12/2022"`},
	} {
		bad := strings.Replace(string(raw), c.old, c.new, 1)
		if bad == string(raw) {
			t.Fatalf("%s: pledges.json lacks %q", c.name, c.old)
		}
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if schema.Validate(inst) == nil {
			t.Errorf("%s: the schema accepted it", c.name)
		}
	}
}

// A pledge that a spreadsheet would run as a formula is a warning at its line,
// not an error; the CSV guards it and the JSON keeps it.
func TestCheckWarnsOfSpreadsheetFormulas(t *testing.T) {
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	applyEdits(t, root, []edit{{"content/departments/alpha.yaml", "  - zh: 全年新增贷款超过2500亿元", `  - zh: '=HYPERLINK("https://evil.example/") 全年'`}})
	code, stdout, stderr := runCmd("check", "--config", cfg)
	if code != 0 || !strings.Contains(stderr, `content/departments/alpha.yaml:14:10: warning: pledges[1].zh starts with "=", which a spreadsheet opening pledges.csv would run as a formula`) {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, stdout, stderr := runCmd("build", "--config", cfg, "--destination", out); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	csvData, _ := os.ReadFile(filepath.Join(out, "zh", "data", "pledges.csv"))
	jsonData, _ := os.ReadFile(filepath.Join(out, "zh", "data", "pledges.json"))
	if !strings.Contains(string(csvData), `,"'=HYPERLINK(""https://evil.example/"") 全年",`) {
		t.Errorf("the CSV cell is not guarded:\n%s", csvData)
	}
	if !strings.Contains(string(jsonData), `"text": "=HYPERLINK(\"https://evil.example/\") 全年"`) {
		t.Errorf("the JSON does not keep the text:\n%s", jsonData)
	}
}

// docs/open-data.md tells readers the CSV's columns, in order; the files must
// have exactly those, in that order, in every language.
func TestOpenDataCSVColumnsAreTheDocumented(t *testing.T) {
	doc := read(t, filepath.Join("..", "docs", "open-data.md"))
	_, after, ok := strings.Cut(doc, "the columns are named in English in every language:")
	list := regexp.MustCompile("(?s)^\\s*`([^`]+)`").FindStringSubmatch(after)
	if !ok || list == nil {
		t.Fatal("docs/open-data.md no longer lists the CSV's columns where this test reads them")
	}
	var documented []string
	for _, c := range strings.Split(list[1], ",") {
		documented = append(documented, strings.TrimSpace(c))
	}
	if len(documented) < 10 {
		t.Fatalf("read only %v from the docs", documented)
	}
	out := buildReal(t)
	for _, lang := range []string{"zh", "en"} {
		header := readCSV(t, filepath.Join(out, lang, "data", "pledges.csv"))[0]
		if !slices.Equal(header, documented) {
			t.Errorf("%s/data/pledges.csv columns:\n %q\ndocs/open-data.md:\n %q", lang, header, documented)
		}
	}
}

// TestOpenDataOfEditions reads the open data of the publication of three
// editions: the publication's files and each edition's validate against the
// schema, every pledge names its edition, the publication's file holds every
// edition's departments in the editions' order, and a pledge that renews or
// follows an earlier one names it.
func TestOpenDataOfEditions(t *testing.T) {
	out := buildEditions(t)
	schema := compileSchema(t, filepath.Join(out, "zh", "data", "pledges.schema.json"))
	type file struct {
		lang, prefix string
		editions     []string
		depts        []string // edition/slug, in order
	}
	all := []string{"2/alpha", "2/beta", "3/beta", "3/gamma", "4/alpha", "4/delta"}
	var files []file
	for _, lang := range []string{"zh", "en"} {
		files = append(files, file{lang, "", []string{"2", "3", "4"}, all},
			file{lang, "editions/2/", []string{"2"}, all[:2]},
			file{lang, "editions/3/", []string{"3"}, all[2:4]},
			file{lang, "editions/4/", []string{"4"}, all[4:]})
	}
	dates := map[string]string{"2": "2021-06-10", "3": "2021-11-20", "4": "2022-11-24"}
	for _, f := range files {
		name := f.lang + "/" + f.prefix + "data/pledges.json"
		ds := readDataset(t, schema, out, name)
		if want := "https://example.org/pledges/" + f.lang + "/" + f.prefix; ds.URL != want {
			t.Errorf("%s: url = %q, want %q", name, ds.URL, want)
		}
		if want := "https://example.org/pledges/" + f.lang + "/" + f.prefix + "data/pledges.schema.json"; ds.Schema != want {
			t.Errorf("%s: $schema = %q, want %q", name, ds.Schema, want)
		}
		var ids []string
		for _, e := range ds.Editions {
			ids = append(ids, e.ID)
			if e.Date != dates[e.ID] || e.URL != "https://example.org/pledges/"+f.lang+"/editions/"+e.ID+"/" {
				t.Errorf("%s: edition %+v", name, e)
			}
		}
		if !slices.Equal(ids, f.editions) {
			t.Errorf("%s: editions %v, want %v", name, ids, f.editions)
		}
		var depts []string
		rows := readCSV(t, filepath.Join(out, filepath.FromSlash(f.lang+"/"+f.prefix+"data/pledges.csv")))
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		row := 1
		for _, d := range ds.Departments {
			if len(d.Pledges) == 0 {
				t.Fatalf("%s: %s has no pledges", name, d.Slug)
			}
			ed := d.Pledges[0].Edition
			if ed == nil {
				t.Fatalf("%s: %s pledge 1 names no edition", name, d.Slug)
			}
			depts = append(depts, ed.ID+"/"+d.Slug)
			if want := "https://example.org/pledges/" + f.lang + "/editions/" + ed.ID + "/departments/" + d.Slug + "/"; d.URL != want {
				t.Errorf("%s: %s url = %q, want %q", name, d.Slug, d.URL, want)
			}
			for _, p := range d.Pledges {
				if p.Edition == nil || p.Edition.ID != ed.ID || p.Edition.Date != dates[ed.ID] || strconv.Itoa(p.Edition.Number) != ed.ID {
					t.Errorf("%s: %s pledge %d edition = %+v", name, d.Slug, p.Number, p.Edition)
				}
				r := rows[row]
				row++
				if r[col["department_slug"]] != d.Slug || r[col["edition_id"]] != ed.ID || r[col["edition_date"]] != dates[ed.ID] {
					t.Errorf("%s: CSV row %d = %q, want %s in edition %s", name, row, r, d.Slug, ed.ID)
				}
				link, kind := p.Again, "again"
				if link == nil {
					link, kind = p.Follows, "follows"
				}
				if link == nil {
					kind = ""
				}
				if r[col["link"]] != kind {
					t.Errorf("%s: CSV row %d link = %q, want %q", name, row, r[col["link"]], kind)
				}
			}
		}
		if !slices.Equal(depts, f.depts) {
			t.Errorf("%s: departments %v, want %v", name, depts, f.depts)
		}
		// Alpha's first pledge of edition 4 makes edition 2's "loans" again;
		// Beta's of edition 3 follows up its pledge of edition 2.
		for _, d := range ds.Departments {
			p := d.Pledges[0]
			switch ed := p.Edition.ID + "/" + d.Slug; ed {
			case "4/alpha":
				if a := p.Again; a == nil || a.Edition != "2" || a.Department != "alpha" || a.Number != 1 || a.ID != "loans" || p.Follows != nil {
					t.Errorf("%s: %s pledge 1 again = %+v, follows = %+v", name, ed, p.Again, p.Follows)
				}
			case "3/beta":
				if fl := p.Follows; fl == nil || fl.Edition != "2" || fl.Department != "beta" || fl.Number != 1 || p.Again != nil {
					t.Errorf("%s: %s pledge 1 follows = %+v", name, ed, p.Follows)
				}
			default:
				if p.Again != nil || p.Follows != nil {
					t.Errorf("%s: %s pledge 1 links to %+v %+v", name, ed, p.Again, p.Follows)
				}
			}
		}
	}
}
