package content_test

// The JSON Schemas in schema/ give editors completion and red squiggles while
// they type; this test keeps them in agreement with the generator's validation.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"leitai/generator/internal/content"
	"leitai/generator/internal/diag"
)

var langs = []string{"zh", "en"}

// The repository's folders, from here.
var (
	schemaDir = filepath.Join("..", "..", "..", "schema")
	siteDir   = filepath.Join("..", "..", "..", "content")
)

// compile loads a schema the way an editor's tool does, with formats such as
// "date" asserted.
func compile(t *testing.T, file string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	c.AssertFormat()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(abs)
	if err != nil {
		t.Fatalf("%s does not compile: %v", file, err)
	}
	return s
}

// toJSON turns a YAML node into the value a YAML editor validates, by YAML 1.2's
// core schema as the VS Code YAML extension reads it: dates stay text.
func toJSON(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return toJSON(n.Content[0])
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = toJSON(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			l = append(l, toJSON(c))
		}
		return l
	case yaml.AliasNode:
		return toJSON(n.Alias)
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		b, _ := strconv.ParseBool(n.Value)
		return b
	case "!!int", "!!float":
		return json.Number(strings.ReplaceAll(n.Value, "_", ""))
	}
	return n.Value
}

func schemaVerdict(t *testing.T, s *jsonschema.Schema, yamlText []byte) error {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal(yamlText, &n); err != nil {
		t.Fatalf("fixture is not YAML: %v", err)
	}
	return s.Validate(toJSON(&n))
}

func errorsOnly(l diag.List) diag.List {
	var out diag.List
	for _, p := range l {
		if p.Severity == diag.Error {
			out = append(out, p)
		}
	}
	return out
}

// realSite is the site's content: the groups a department may name and the units
// it may use.
func realSite(t *testing.T) *content.Site {
	t.Helper()
	s, _ := content.Load(siteDir, langs)
	if len(s.Groups) == 0 || s.Units == nil {
		t.Fatal("no groups in content/groups.yaml or no content/units.yaml")
	}
	return s
}

// goDepartment is the generator's verdict on one department file: what `check`
// would report about it in the real site (its groups, default config).
func goDepartment(file string, data []byte, real *content.Site) diag.List {
	var problems diag.List
	d := content.DecodeDepartment(file, data, langs, &problems)
	// The department's own checks: what spans the site (a report, orders) is
	// not the schema's business.
	s := &content.Site{Groups: real.Groups, Units: real.Units, Departments: []*content.Department{d}}
	problems.Append(content.ValidateDepartment(s, d, content.ValidateOptions{Langs: langs}))
	return errorsOnly(problems)
}

type fixture struct {
	path string
	good bool
}

func fixtures(t *testing.T, dir, ext string, real []string) []fixture {
	t.Helper()
	var out []fixture
	for _, verdict := range []string{"good", "bad"} {
		files, err := filepath.Glob(filepath.Join("testdata", "schema", dir, verdict, "*"+ext))
		if err != nil || len(files) == 0 {
			t.Fatalf("no fixtures in testdata/schema/%s/%s", dir, verdict)
		}
		for _, f := range files {
			out = append(out, fixture{f, verdict == "good"})
		}
	}
	for _, f := range real {
		out = append(out, fixture{f, true})
	}
	return out
}

// TestDepartmentSchemaAgrees runs every fixture through both the schema and the
// generator: both must accept the good ones (and the site's real departments)
// and both must refuse the bad ones. Rules a schema cannot state (the group
// exists, order is unique, links lead somewhere) are left to `check` and are not
// in the fixtures.
func TestDepartmentSchemaAgrees(t *testing.T) {
	s := compile(t, filepath.Join(schemaDir, "department.schema.json"))
	real := realSite(t)
	files, _ := filepath.Glob(filepath.Join(siteDir, "departments", "*.yaml"))
	for _, f := range fixtures(t, "department", ".yaml", files) {
		t.Run(f.path, func(t *testing.T) {
			data, err := os.ReadFile(f.path)
			if err != nil {
				t.Fatal(err)
			}
			goProblems := goDepartment(filepath.Base(f.path), data, real)
			schemaErr := schemaVerdict(t, s, data)
			agree(t, f.good, goProblems, schemaErr)
		})
	}
}

func TestArticleSchemaAgrees(t *testing.T) {
	s := compile(t, filepath.Join(schemaDir, "article.schema.json"))
	real, _ := filepath.Glob(filepath.Join(siteDir, "articles", "*.md"))
	for _, f := range fixtures(t, "article", ".md", real) {
		t.Run(f.path, func(t *testing.T) {
			data, err := os.ReadFile(f.path)
			if err != nil {
				t.Fatal(err)
			}
			var problems diag.List
			content.DecodeArticle(filepath.Base(f.path), data, langs, &problems)
			front, ok := frontMatter(data)
			if !ok {
				t.Fatal("fixture has no front matter")
			}
			agree(t, f.good, errorsOnly(problems), schemaVerdict(t, s, front))
		})
	}
}

func agree(t *testing.T, good bool, goProblems diag.List, schemaErr error) {
	t.Helper()
	switch {
	case good && len(goProblems) > 0:
		t.Errorf("good fixture refused by the generator: %v", goProblems)
	case good && schemaErr != nil:
		t.Errorf("good fixture refused by the schema: %v", schemaErr)
	case !good && len(goProblems) == 0:
		t.Errorf("bad fixture accepted by the generator (schema says: %v)", schemaErr)
	case !good && schemaErr == nil:
		t.Errorf("bad fixture accepted by the schema (generator says: %v)", goProblems)
	}
}

// frontMatter is the YAML between an article's two “---” lines.
func frontMatter(data []byte) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return nil, false
	}
	i := bytes.Index(rest, []byte("\n---\n"))
	if i < 0 {
		return nil, false
	}
	return rest[:i+1], true
}

// The header that ties a department file to the schema is in every real file,
// and its relative path leads to the schema from there.
func TestDepartmentFilesNameTheSchema(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(siteDir, "departments", "*.yaml"))
	if len(files) == 0 {
		t.Fatal("no department files")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(data), "\n")
		ref, ok := strings.CutPrefix(first, "# yaml-language-server: $schema=")
		if !ok {
			t.Errorf("%s: first line %q is not the schema header", f, first)
			continue
		}
		if _, err := os.Stat(filepath.Join(filepath.Dir(f), filepath.FromSlash(ref))); err != nil {
			t.Errorf("%s: schema %s not found: %v", f, ref, err)
		}
	}
}

// The schema names the bare measure words whose figures need a noun; they are
// the ones content/units.yaml marks, so the editor's squiggles and `check`
// agree on the real units.
func TestDepartmentSchemaKnowsTheMeasureWords(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(schemaDir, "department.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Definitions struct {
			Counted struct {
				If struct {
					Properties struct {
						Unit struct {
							Enum []string `json:"enum"`
						} `json:"unit"`
					} `json:"properties"`
				} `json:"if"`
			} `json:"counted"`
		} `json:"definitions"`
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	got := s.Definitions.Counted.If.Properties.Unit.Enum
	want := realSite(t).Units.Measures()
	if strings.Join(got, " ") != strings.Join(want, " ") || len(want) == 0 {
		t.Errorf("the schema's measure words are %v; content/units.yaml marks %v", got, want)
	}
}

// TestEditionSchemaAgrees does for edition files what
// TestDepartmentSchemaAgrees does for departments, with the real content's
// edition file among the good ones.
func TestEditionSchemaAgrees(t *testing.T) {
	s := compile(t, filepath.Join(schemaDir, "edition.schema.json"))
	for _, f := range fixtures(t, "edition", ".yaml", []string{filepath.Join(siteDir, content.EditionFile)}) {
		t.Run(f.path, func(t *testing.T) {
			data, err := os.ReadFile(f.path)
			if err != nil {
				t.Fatal(err)
			}
			var problems diag.List
			file := filepath.Base(f.path)
			e := content.DecodeEdition(file, "", data, langs, &problems)
			// The checks of a site of this one edition, less those of the
			// departments and reports it lacks.
			for _, p := range content.Validate(&content.Site{Editions: []*content.Edition{e}}, content.ValidateOptions{Langs: langs}) {
				if p.File == file {
					problems.Add(p)
				}
			}
			agree(t, f.good, errorsOnly(problems), schemaVerdict(t, s, data))
		})
	}
}
