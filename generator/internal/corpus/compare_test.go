package corpus

import (
	"reflect"
	"testing"

	"leitai/generator/internal/testsite"
)

// TestCompare: pages that differ only in white space and in the stylesheet's
// hash are the same; the not-found page is found under either name; a changed
// word, a changed data file and a file only one build wrote are reported.
func TestCompare(t *testing.T) {
	leitai := testsite.WriteFiles(t, map[string]string{
		"404.html":                    "<p>gone</p>",
		"style.0123456789.css":        "a{b:c}",
		"zh/index.html":               "<head><link href=\"/style.0123456789.css\"></head>\n<main>\n  <h1>标题</h1>\n</main>",
		"zh/departments/a/index.html": "<h1>A</h1>",
		"zh/data/pledges.csv":         "a,b\r\n",
		"robots.txt":                  "User-agent: *\n",
	})
	hugo := testsite.WriteFiles(t, map[string]string{
		"zh/404.html":                 "<p>gone</p>",
		"style.abcdefabcd.css":        "a{b: c}",
		"zh/index.html":               "<head>\n<link href=\"/style.abcdefabcd.css\">\n</head><main><h1>标题</h1></main>\n",
		"zh/departments/a/index.html": "<h1>B</h1>",
		"zh/data/pledges.csv":         "a,b\n",
		"en/index.html":               "<h1>Title</h1>",
	})
	c, err := Compare(leitai, hugo)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"robots.txt"}; !reflect.DeepEqual(c.OnlyLeitai, want) {
		t.Errorf("only in Leitai's: %v, want %v", c.OnlyLeitai, want)
	}
	if want := []string{"en/index.html"}; !reflect.DeepEqual(c.OnlyHugo, want) {
		t.Errorf("only in Hugo's: %v, want %v", c.OnlyHugo, want)
	}
	if want := []string{"zh/data/pledges.csv", "zh/departments/a/index.html"}; !reflect.DeepEqual(c.Differ, want) {
		t.Errorf("differ: %v, want %v", c.Differ, want)
	}
	kinds := map[string]KindSummary{}
	for _, k := range c.Kinds {
		kinds[k.Kind] = k
	}
	if k := kinds["page: summary"]; k.Files != 1 || k.Differ != 0 || k.HugoBytes != int64(len("<head>\n<link href=\"/style.abcdefabcd.css\">\n</head><main><h1>标题</h1></main>\n"))+int64(len("<h1>Title</h1>")) {
		t.Errorf("summary pages: %+v", k)
	}
	if k := kinds["page: 404"]; k.Files != 1 || k.Differ != 0 {
		t.Errorf("not-found page: %+v", k)
	}
}
