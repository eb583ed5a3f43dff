package render

import (
	"testing"

	"leitai/generator/internal/jsonld"
)

// TestWithSubjectOf checks that joining the subjectOf list, encoded once, to a
// department's encoded Organization gives the bytes of encoding the whole,
// including characters Marshal escapes.
func TestWithSubjectOf(t *testing.T) {
	o := jsonld.NewGovernmentOrganization()
	o.Name, o.URL, o.Description = "财政局 <Finance> & co", "https://example.org/zh/departments/finance/", "“引号” \"quoted\""
	o.Employee = jsonld.NewPerson("张三", "局长")
	refs := []jsonld.Ref{
		{Type: "NewsArticle", URL: "https://example.org/zh/articles/a/", Name: "擂台 <script>"},
		{Type: "NewsArticle", URL: "https://example.org/zh/articles/b/?x=1&y=2"},
	}
	alone, err := jsonld.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	subjects, err := jsonld.Marshal(refs)
	if err != nil {
		t.Fatal(err)
	}
	o.SubjectOf = refs
	whole, err := jsonld.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	if got := withSubjectOf(alone, string(subjects)); got != string(whole) {
		t.Errorf("joined:\n%s\nwant:\n%s", got, whole)
	}
	o.SubjectOf = nil
	if got := withSubjectOf(alone, ""); got != string(alone) {
		t.Errorf("without reports: %s, want %s", got, alone)
	}
}
