package jsonld

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestMarshalCannotCloseTheScriptElement(t *testing.T) {
	o := NewGovernmentOrganization()
	o.Name = `</script><script>alert(1)</script> & more`
	o.Employee = NewPerson("鞠立果", "局长")
	b, err := Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.ToLower(string(b)), "</script") || strings.Contains(string(b), "&") {
		t.Errorf("unsafe bytes in %s", b)
	}
	var back map[string]any
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back["@context"] != "https://schema.org" || back["@type"] != "GovernmentOrganization" || back["name"] != o.Name {
		t.Errorf("round trip: %v", back)
	}
	if emp := back["employee"].(map[string]any); emp["@type"] != "Person" || emp["jobTitle"] != "局长" {
		t.Errorf("employee: %v", emp)
	}
}

func TestNewsArticleLeavesOutEmptyFields(t *testing.T) {
	n := NewNewsArticle()
	n.Headline, n.URL, n.MainEntityOfPage, n.InLanguage = "标题", "https://e.org/a/", "https://e.org/a/", "zh-Hans"
	n.DatePublished, n.DateModified = "2022-11-25", "2022-11-25"
	b, err := Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"author", "publisher", "description", "alternativeHeadline"} {
		if _, ok := back[k]; ok {
			t.Errorf("empty %s is present: %s", k, b)
		}
	}
	if back["@type"] != "NewsArticle" || back["datePublished"] != "2022-11-25" {
		t.Errorf("%s", b)
	}
}
