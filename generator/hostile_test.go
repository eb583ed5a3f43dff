package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Text and Markdown from editors' files reach the built pages as text or as
// safe markup, never as script.
func TestHostileContentInBuiltPages(t *testing.T) {
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	applyEdits(t, root, []edit{
		{"content/departments/alpha.yaml", "  - zh: 全年新增贷款超过2500亿元", `  - zh: "<script>alert('pledge')</script>全年新增贷款"`},
		{"content/departments/alpha.yaml", "  zh: 甲局", `  zh: "甲局</title><img src=x onerror=alert(1)>"`},
		{"content/departments/alpha.yaml", "    We will deliver; see [Beta](/departments/beta/).",
			"    We will deliver; see [Beta](/departments/beta/).\n" +
				"    [one](javascript:alert(1)) [two](JaVaScRiPt:alert(2)) [three](&#106;avascript:alert(3))\n" +
				"    [four](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==) [five]( javascript:alert(5))\n" +
				"    <script>alert(6)</script> <a href=\"javascript:alert(7)\">seven</a>\n" +
				"    ![img](javascript:alert(8))"},
		{"content/articles/report.en.md", "## Second part", "<iframe src=\"https://evil.example/\"></iframe>\n\n[x](vbscript:msgbox(1))\n\n## Second part"},
	})
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCmd("build", "--config", cfg, "--destination", out); code != 0 {
		t.Fatalf("build failed:\n%s", stderr)
	}
	pages := map[string]string{}
	for _, p := range []string{"zh/index.html", "zh/departments/alpha/index.html", "en/departments/alpha/index.html", "en/articles/report/index.html"} {
		b, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		pages[p] = string(b)
	}
	// The pledge and the name are shown as text wherever they appear.
	for _, p := range []string{"zh/index.html", "zh/departments/alpha/index.html"} {
		for _, want := range []string{"&lt;script&gt;alert(&#39;pledge&#39;)&lt;/script&gt;全年新增贷款", "甲局&lt;/title&gt;&lt;img src=x onerror=alert(1)&gt;"} {
			if !strings.Contains(pages[p], want) {
				t.Errorf("%s: %q not shown as text", p, want)
			}
		}
	}
	// Look at tags only, with attribute values blanked: escaped text inside a
	// value (a meta description quoting the name) is harmless.
	tag := regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	value := regexp.MustCompile(`"[^"]*"`)
	scripty := regexp.MustCompile(`(?i)^<(script|iframe)|\son[a-z]+=`)
	badURL := regexp.MustCompile(`(?i)(href|src)="\s*(javascript|vbscript|data):`)
	// JSON-LD is the one script element: a data block browsers never run. Its
	// bytes must not end the element early or open a tag.
	jsonLD := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
	for p, html := range pages {
		for _, m := range jsonLD.FindAllStringSubmatch(html, -1) {
			if strings.ContainsAny(m[1], "<>") {
				t.Errorf("%s: JSON-LD holds an unescaped < or >: %s", p, m[1])
			}
		}
		html = jsonLD.ReplaceAllString(html, "")
		for _, tg := range tag.FindAllString(html, -1) {
			if scripty.MatchString(value.ReplaceAllString(tg, `""`)) || badURL.MatchString(tg) {
				t.Errorf("%s contains %s", p, tg)
			}
		}
	}
	en := pages["en/departments/alpha/index.html"]
	for _, text := range []string{"one", "two", "three", "four", "five"} {
		if !strings.Contains(en, ">"+text+"</a>") {
			t.Errorf("link text %q lost; only its target should be neutralised", text)
		}
	}
	if !strings.Contains(en, `<a href="/en/departments/beta/">Beta</a>`) {
		t.Error("the ordinary internal link was neutralised too")
	}
}

// A 926 KB article ending in a line of “>” kept check busy for minutes: goldmark
// takes the square of the line's length over it. The line is refused at the
// column where the nesting passes the limit, in the article and in a
// department's statement alike, and the check is over at once.
func TestCheckRefusesSlowMarkdown(t *testing.T) {
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	const article = "content/articles/report.en.md"
	body, err := os.ReadFile(filepath.Join(root, article))
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat(">", 926<<10-len(body)-1)
	applyEdits(t, root, []edit{
		{article, "", string(body) + long + "\n"},
		{"content/departments/alpha.yaml", "    We will deliver; see [Beta](/departments/beta/).", "    We will deliver; see [Beta](/departments/beta/).\n    " + strings.Repeat("> ", 5000)},
	})
	code, ps := checkJSON(t, cfg)
	got := make([]string, len(ps))
	for i, p := range ps {
		got[i] = p.String()
	}
	lines := strings.Count(string(body), "\n")
	want := []string{
		"content/articles/report.en.md:" + itoa(lines+1) + ":33: error: block quotes, lists and footnotes are nested more than 32 deep here",
		"content/departments/alpha.yaml:24:69: error: block quotes, lists and footnotes are nested more than 32 deep here",
	}
	if code != 1 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("exit %d, problems:\n%s\nwant:\n%s", code, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
