package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"leitai/generator/internal/config"
	"leitai/generator/internal/content"
	"leitai/generator/internal/diag"
	"leitai/generator/internal/site"
	"leitai/generator/internal/testsite"
)

// fixture loads the build package's fixture site, whose content holds text
// that needs escaping (a <script> pledge) and a pledge with a target and a date.
func fixture(t *testing.T) (*site.Plan, *content.Site) {
	t.Helper()
	cfg, problems := config.Load(testsite.Fixture(t), config.Overrides{})
	if cfg == nil || problems.HasErrors() {
		t.Fatalf("config: %v", problems)
	}
	s, problems := content.Load(cfg.ContentDir(), cfg.Codes())
	if problems.HasErrors() {
		t.Fatalf("content: %v", problems)
	}
	return site.New(cfg, s), s
}

type files map[string][]byte

func (f files) WriteFile(rel string, data []byte) error { f[rel] = data; return nil }

func (f files) Stream(rel string, write func(io.Writer) error) error {
	var b bytes.Buffer
	err := write(&b)
	f[rel] = b.Bytes()
	return err
}

// TestStreamedJSONIsTheDocument: the JSON written a department at a time is byte
// for byte the indented encoding of the whole dataset, with no department, one,
// and several.
func TestStreamedJSONIsTheDocument(t *testing.T) {
	plan, s := fixture(t)
	full := New(plan, s, plan.Config().Languages[1], nil)
	if len(full.Departments) < 2 {
		t.Fatalf("the fixture has %d departments; the test needs several", len(full.Departments))
	}
	for _, n := range []int{-1, 0, 1, len(full.Departments)} {
		d := *full
		switch n {
		case -1:
			d.Departments = nil
		default:
			d.Departments = full.Departments[:n]
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(&d); err != nil {
			t.Fatal(err)
		}
		got, err := d.JSON()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%d departments: streamed JSON differs from the document's encoding:\n%s\nwant:\n%s", n, got, want.Bytes())
		}
	}
}

func TestWriteEveryLanguage(t *testing.T) {
	plan, s := fixture(t)
	out := files{}
	if err := Write(out, plan, s); err != nil {
		t.Fatal(err)
	}
	for _, lang := range plan.Config().Codes() {
		for _, name := range []string{JSONFile, CSVFile, SchemaFile} {
			if len(out[lang+"/data/"+name]) == 0 {
				t.Errorf("%s/data/%s not written", lang, name)
			}
		}
	}
	if len(out) != 3*len(plan.Config().Codes()) {
		t.Errorf("wrote %d files", len(out))
	}
}

func TestJSONKeepsTextAsWritten(t *testing.T) {
	plan, s := fixture(t)
	d := New(plan, s, plan.Config().Languages[0], nil)
	b, err := d.JSON()
	if err != nil {
		t.Fatal(err)
	}
	// Data is not HTML: a reader of the file sees the editor's characters.
	if !bytes.Contains(b, []byte(`"<script>alert(1)</script>"`)) {
		t.Errorf("text was escaped or lost:\n%s", b)
	}
	var back Dataset
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	p := back.Departments[0].Pledges[0]
	if p.Target == nil || p.Target.Value != 2500 || p.Target.Compare != "more-than" || p.Target.Figure != "2500亿元" ||
		p.Due != "2022-12-31" || p.DueBasis != "inferred" || p.DueWords != "全年" || p.Number != 1 {
		t.Errorf("first pledge = %+v", p)
	}
	if q := back.Departments[0].Pledges[1]; q.Target != nil || q.Due != "" || q.Status != "not-rated" {
		t.Errorf("a pledge without target or date = %+v", q)
	}
}

// A reader of the English data reads a figure as the English pages write it,
// beside the source's value and unit: 2500 亿元 is 250 billion yuan, 400个 are
// 400 projects, and 91个 major projects are a scope, not a target.
func TestEnglishDataGivesTheReadersForm(t *testing.T) {
	plan, s := fixture(t)
	d := New(plan, s, plan.Config().Languages[1], nil)
	loans := d.Departments[0].Pledges[0].Target
	if loans == nil || loans.Value != 2500 || loans.Unit != "亿元" || loans.Figure != "250 billion yuan" || loans.Noun != nil {
		t.Errorf("loans target = %+v, want 2500 亿元 read as 250 billion yuan", loans)
	}
	beta := d.Departments[1].Pledges
	if tg := beta[0].Target; tg == nil || tg.Figure != "400 projects" || tg.Noun == nil || *tg.Noun != (Noun{One: "project", Other: "projects"}) {
		t.Errorf("count target = %+v, want 400 projects", tg)
	}
	if p := beta[0]; p.DueBasis != "stated" || p.DueWords != "年底前" {
		t.Errorf("stated due date = %q %q", p.DueBasis, p.DueWords)
	}
	if p := beta[1]; p.Target != nil || p.Scope == nil || p.Scope.Figure != "91 major projects" || p.Due != "" {
		t.Errorf("scope pledge = %+v, scope %+v", p, p.Scope)
	}
	zh := New(plan, s, plan.Config().Languages[0], nil).Departments[1].Pledges[0].Target
	if zh.Figure != "400个" || *zh.Noun != (Noun{One: "项目", Other: "项目"}) {
		t.Errorf("Chinese count target = %+v", zh)
	}
}

func TestCSVQuotesAndCountsRows(t *testing.T) {
	plan, s := fixture(t)
	d := New(plan, s, plan.Config().Languages[0], nil)
	// A pledge with a comma, a quote and a line break must stay one cell.
	d.Departments[0].Pledges[0].Text = "甲，乙, \"丙\"\n丁"
	b, err := d.CSV()
	if err != nil {
		t.Fatal(err)
	}
	body, ok := bytes.CutPrefix(b, bom)
	if !ok {
		t.Fatal("no byte-order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := 1
	for _, dep := range d.Departments {
		want += len(dep.Pledges)
	}
	if len(rows) != want {
		t.Fatalf("%d rows, want %d", len(rows), want)
	}
	if got := rows[1][8]; got != d.Departments[0].Pledges[0].Text {
		t.Errorf("pledge cell = %q", got)
	}
	if strings.Join(rows[0], ",") != strings.Join(CSVHeader, ",") || rows[1][9] != "2500" {
		t.Errorf("header or target value wrong: %q / %q", rows[0], rows[1])
	}
}

func TestSchemaIsTheVersionWritten(t *testing.T) {
	var s struct {
		Properties struct {
			Version struct {
				Const int `json:"const"`
			} `json:"schema_version"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(Schema, &s); err != nil {
		t.Fatal(err)
	}
	if s.Properties.Version.Const != SchemaVersion {
		t.Errorf("schema says version %d, the code writes %d", s.Properties.Version.Const, SchemaVersion)
	}
}

// appendIndented indents as json.Indent does, on values encoding/json wrote:
// nested and empty objects and arrays, and strings full of quotes, backslashes,
// brackets, commas, colons and escapes.
func TestAppendIndentedIsJSONIndent(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "\"", "\\", "{", "}", "[", "]", ",", ":", " ", "\n", "\u2028", "<", "é", "\x01", "\xff"}
	var value func(depth int) any
	value = func(depth int) any {
		switch k := rng.IntN(7); {
		case depth > 4 || k == 0:
			var b strings.Builder
			for n := rng.IntN(6); n > 0; n-- {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			return b.String()
		case k == 1:
			return rng.NormFloat64() * 1e6
		case k == 2:
			return nil
		case k == 3:
			return rng.IntN(2) == 0
		case k == 4:
			l := make([]any, rng.IntN(4))
			for i := range l {
				l[i] = value(depth + 1)
			}
			return l
		default:
			m := map[string]any{}
			for n := rng.IntN(4); n > 0; n-- {
				m[fmt.Sprint(value(5))] = value(depth + 1)
			}
			return m
		}
	}
	for i := 0; i < 5000; i++ {
		var compact bytes.Buffer
		enc := json.NewEncoder(&compact)
		enc.SetEscapeHTML(i%2 == 0)
		if err := enc.Encode(value(0)); err != nil {
			t.Fatal(err)
		}
		src := bytes.TrimSuffix(compact.Bytes(), []byte("\n"))
		var want bytes.Buffer
		if err := json.Indent(&want, src, "    ", "  "); err != nil {
			t.Fatal(err)
		}
		if got := appendIndented(nil, src, "    ", "  "); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("appendIndented(%s):\n got %s\nwant %s", src, got, want.Bytes())
		}
	}
}

// A text cell a spreadsheet would run as a formula is written with an
// apostrophe before it (OWASP's guidance on CSV injection); numbers, and the
// JSON, keep what was written.
func TestCSVGuardsFormulas(t *testing.T) {
	plan, s := fixture(t)
	d := New(plan, s, plan.Config().Languages[0], nil)
	dep := &d.Departments[0]
	dep.Name, dep.Leader.Name, dep.Leader.Title, dep.Group.Title = "=HYPERLINK(\"https://evil.example/\",\"看\")", "+86 532", "@局长", "\t组"
	dep.Pledges[0].Text = "-5% 能耗"
	dep.Pledges[0].Target.Value, dep.Pledges[0].Target.Unit = -5, "\r%"
	dep.Pledges[1].Text = "降低=能耗" // only a first character counts
	b, err := d.CSV()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, bom))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// (encoding/csv drops a lone CR from a cell written with CRLF line ends;
	// the cell is guarded all the same.)
	want := map[int]string{3: "'\t组", 4: `'=HYPERLINK("https://evil.example/","看")`, 5: "'+86 532", 6: "'@局长", 8: "'-5% 能耗", 9: "-5", 10: "'%"}
	for col, cell := range want {
		if rows[1][col] != cell {
			t.Errorf("%s = %q, want %q", CSVHeader[col], rows[1][col], cell)
		}
	}
	if rows[2][8] != "降低=能耗" {
		t.Errorf("a text with = inside was changed: %q", rows[2][8])
	}
	js, err := d.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(js, []byte(`"name": "=HYPERLINK(\"https://evil.example/\",\"看\")"`)) || !bytes.Contains(js, []byte(`"value": -5`)) {
		t.Errorf("the JSON does not keep the text as written:\n%s", js)
	}
}

// check warns, at its place, of each text the CSV guards.
func TestCheckWarnsOfFormulas(t *testing.T) {
	var problems diag.List
	d := content.DecodeDepartment("content/departments/x.yaml", []byte("order: 1\ngroup: g\nname: {zh: \"=1+1\", en: A}\nleader:\n  name: {zh: 张, en: \"@zhang\"}\n  title: {zh: 局长, en: Director}\n"+
		"achievements:\n  - {zh: 完成, en: Done}\npledges:\n  - zh: \"-5%能耗\"\n    en: Cut 5%\n    target: {value: -5, unit: \"+%\"}\nstatement: {zh: 干, en: Do}\n"), []string{"zh", "en"}, &problems)
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	var got []string
	for _, p := range CheckDepartment(d) {
		if p.Severity != diag.Warning || p.Hint == "" {
			t.Errorf("not a warning with a hint: %v", p)
		}
		got = append(got, p.Pos.String()+": "+p.Msg)
	}
	want := []string{
		`content/departments/x.yaml:3:13: name.zh starts with "=", which a spreadsheet opening pledges.csv would run as a formula`,
		`content/departments/x.yaml:5:22: leader.name.en starts with "@", which a spreadsheet opening pledges.csv would run as a formula`,
		`content/departments/x.yaml:10:10: pledges[1].zh starts with "-", which a spreadsheet opening pledges.csv would run as a formula`,
		`content/departments/x.yaml:12:31: pledges[1].target.unit starts with "+", which a spreadsheet opening pledges.csv would run as a formula`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
