package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// A site hosted in mainland China shows its filing numbers in every page's
// footer, in both languages, each linked to its filing system. The real site
// has none (it has no number); these tests give a copy a fixture's.

func withConfig(t *testing.T, extra string) (cfg, out string) {
	t.Helper()
	cfg = copySite(t, "..")
	f, err := os.OpenFile(cfg, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(extra)
	f.Close()
	return cfg, filepath.Join(filepath.Dir(cfg), "public")
}

// footerLinks gives the footer's links of a page: text → href, and each
// link's lang attribute.
func footerLinks(t *testing.T, page string) (map[string]string, map[string]string) {
	t.Helper()
	f, err := os.Open(page)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	hrefs, langs := map[string]string{}, map[string]string{}
	var walk func(n *html.Node, inFooter bool)
	walk = func(n *html.Node, inFooter bool) {
		if n.Type == html.ElementNode && n.Data == "footer" {
			inFooter = true
		}
		if inFooter && n.Type == html.ElementNode && n.Data == "a" {
			var text strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					text.WriteString(c.Data)
				}
			}
			for _, a := range n.Attr {
				switch a.Key {
				case "href":
					hrefs[text.String()] = a.Val
				case "lang":
					langs[text.String()] = a.Val
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inFooter)
		}
	}
	walk(doc, false)
	return hrefs, langs
}

func TestFilingNumbersInTheFooter(t *testing.T) {
	cfg, out := withConfig(t, "filing:\n  icp: 鲁ICP备12345678号-1\n  police: 鲁公网安备 37020202000123号\n")
	if code, stdout, stderr := runCmd("build", "--config", cfg); code != 0 {
		t.Fatalf("build: %s%s", stdout, stderr)
	}
	pages := htmlPages(t, out)
	for _, rel := range pages {
		hrefs, langs := footerLinks(t, filepath.Join(out, rel))
		if got := hrefs["鲁ICP备12345678号-1"]; got != "https://beian.miit.gov.cn/" {
			t.Errorf("%s: ICP number links to %q", rel, got)
		}
		if got := hrefs["鲁公网安备 37020202000123号"]; got != "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=37020202000123" {
			t.Errorf("%s: public-security number links to %q", rel, got)
		}
		if langs["鲁ICP备12345678号-1"] != "zh-Hans" {
			t.Errorf("%s: the number is not marked as Chinese", rel)
		}
	}
	for lang, labels := range map[string][]string{"zh": {"ICP备案号：", "公安备案号："}, "en": {"ICP filing: ", "Public security filing: "}} {
		page := read(t, filepath.Join(out, lang, "index.html"))
		for _, l := range labels {
			if !strings.Contains(page, l+`<a href=`) {
				t.Errorf("%s summary lacks the label %q", lang, l)
			}
		}
	}
	if len(pages) < 20 {
		t.Errorf("only %d pages", len(pages))
	}

	// Only the ICP number: no second line.
	cfg, out = withConfig(t, "filing:\n  icp: 鲁ICP备12345678号\n")
	if code, stdout, stderr := runCmd("build", "--config", cfg); code != 0 {
		t.Fatalf("build: %s%s", stdout, stderr)
	}
	page := read(t, filepath.Join(out, "en", "index.html"))
	if !strings.Contains(page, ">鲁ICP备12345678号</a></p>") || strings.Contains(page, "Public security") {
		t.Errorf("ICP alone: the footer reads\n%s", page[strings.Index(page, "<footer"):])
	}
}

// check reports a malformed filing number, and a credential in the deploy
// section, at its line and column, with a hint.
func TestCheckReportsFilingAndCredentialMistakes(t *testing.T) {
	cfg, _ := withConfig(t, "filing:\n  icp: 鲁ICP备1234号\n  police: 鲁公网安备 3702号\n"+
		"deploy:\n  endpoint: https://s3.oss-cn-qingdao.aliyuncs.com\n  region: cn-qingdao\n  bucket: pledges\n  secretAccessKey: abc\n")
	lines := strings.Count(read(t, cfg), "\n")
	code, problems := checkJSON(t, cfg)
	if code != 1 {
		t.Errorf("check exited %d", code)
	}
	want := map[string]jsonProblem{
		"filing.icp":      {Line: lines - 6, Col: 8},
		"filing.police":   {Line: lines - 5, Col: 11},
		"secretAccessKey": {Line: lines, Col: 3},
	}
	for key, w := range want {
		found := false
		for _, p := range problems {
			if strings.Contains(p.Message, key) && p.Line == w.Line && p.Col == w.Col && strings.HasSuffix(p.File, "config.yaml") && p.Hint != "" {
				found = true
			}
		}
		if !found {
			t.Errorf("no problem about %s at %d:%d in %v", key, w.Line, w.Col, problems)
		}
	}
}
