package render

import (
	"bytes"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/template/parse"

	"leitai/generator/internal/config"
	"leitai/generator/internal/site"
	"leitai/generator/internal/testsite"
)

// drawnTree is the tree pages of kind k execute for the template name.
func drawnTree(pt *pageTemplates, k site.Kind, name string) *parse.Tree {
	if own, ok := pt.names[k][name]; ok {
		name = own
	}
	if t := pt.set.Lookup(name); t != nil {
		return t.Tree
	}
	return nil
}

// TestPartialsShared renders every page of a site of several editions and
// checks that each partial is one template, which every kind of page
// executes, escaped once: not a copy per kind, escaped again by each. (With a
// set cloned per kind, each partial had ten trees.)
func TestPartialsShared(t *testing.T) {
	r := loadRenderer(t, testsite.EditionsSite(t))
	var buf bytes.Buffer
	for _, pg := range r.plan.Pages {
		buf.Reset()
		if _, err := r.PageTo(&buf, pg); err != nil {
			t.Fatal(err)
		}
	}
	partials, err := filepath.Glob(filepath.Join(testsite.Root(), "themes", "default", "layouts", "partials", "*.html"))
	if err != nil || len(partials) == 0 {
		t.Fatalf("no partials: %v", err)
	}
	for _, p := range partials {
		name := "partials/" + filepath.Base(p)
		trees := map[*parse.Tree][]site.Kind{}
		for _, k := range kinds {
			tr := drawnTree(r.templates, k, name)
			if tr == nil {
				t.Fatalf("%s: no template %s", k, name)
			}
			trees[tr] = append(trees[tr], k)
		}
		if len(trees) != 1 {
			t.Errorf("%s: %d trees, by the kinds that execute each %v; want one that every kind executes", name, len(trees), trees)
		}
		for _, d := range r.templates.set.Templates() {
			if strings.HasSuffix(d.Name(), "/"+name) {
				t.Errorf("%s: the set holds a copy of it, %s", name, d.Name())
			}
		}
	}
	// Escaping rewrites the tree in place, adding html/template's escapers to
	// its actions: the one tree of the header is what every page executed.
	if s := drawnTree(r.templates, site.Summary, "partials/header.html").Root.String(); !strings.Contains(s, "_html_template_") {
		t.Errorf("partials/header.html was not escaped in place:\n%s", s)
	}
}

// TestKindTemplates checks what each kind draws from one set: its own
// blocks, baseof.html's defaults where it defines none, a partial that calls a
// block with the kind's block, and an empty definition leaving the default in
// place, as html/template does when a file is parsed into a set that has one.
// The site's layouts/ win over the theme's.
func TestKindTemplates(t *testing.T) {
	theme := map[string]string{
		"baseof.html":          `<title>{{ block "title" . }}default title{{ end }}</title>{{ template "partials/header.html" . }}<main>{{ block "main" . }}default main{{ end }}</main>{{ template "partials/footer.html" . }}`,
		"partials/header.html": `<header>{{ .Site }}</header>`,
		"partials/footer.html": `<footer>theme</footer>`,
		"partials/pledge.html": `<p>{{ if .Done }}{{ template "sign" . }}{{ else }}open{{ end }}</p>`,
		"partials/sign.html":   `{{ define "sign" }}done{{ end }}`,
		"department.html":      `{{ define "title" }}{{ .Name }}{{ end }}{{ define "main" }}{{ template "partials/pledge.html" . }}{{ end }}`,
		"home.html":            `{{ define "main" }}home{{ end }}`,
		"summary.html":         `{{ define "title" }}{{ end }}{{ define "main" }}{{ with .Site }}{{ template "partials/pledge.html" $ }}{{ end }}{{ end }}`,
		"article.html":         `{{ define "title" }}article{{ end }}{{ define "sign" }}signed{{ end }}{{ define "main" }}{{ range .List }}{{ template "partials/pledge.html" $ }}{{ end }}{{ end }}`,
	}
	files := map[string]string{
		// The site's footer calls a block: each kind draws it with its own.
		"site/partials/footer.html": `<footer>{{ template "title" . }}</footer>`,
	}
	for name, text := range theme {
		files["theme/"+name] = text
	}
	for _, k := range kinds {
		if _, ok := theme[string(k)+".html"]; !ok {
			if _, ok := drawnAs[k]; !ok {
				files["theme/"+string(k)+".html"] = `{{ define "main" }}` + string(k) + `{{ end }}`
			}
		}
	}
	dir := testsite.WriteFiles(t, files)
	pt, err := parseTemplates(layoutDirs{filepath.Join(dir, "site"), filepath.Join(dir, "theme")}, template.FuncMap{})
	if err != nil {
		t.Fatal(err)
	}
	data := map[string]any{"Site": "Arena", "Name": "Bureau <1>", "Done": true, "List": []int{1}}
	for _, c := range []struct {
		kind site.Kind
		want string
	}{
		{site.Department, `<title>Bureau &lt;1&gt;</title><header>Arena</header><main><p>done</p></main><footer>Bureau &lt;1&gt;</footer>`},
		{site.Appearance, `<title>Bureau &lt;1&gt;</title><header>Arena</header><main><p>done</p></main><footer>Bureau &lt;1&gt;</footer>`},
		{site.Home, `<title>default title</title><header>Arena</header><main>home</main><footer>default title</footer>`},
		{site.Summary, `<title>default title</title><header>Arena</header><main><p>done</p></main><footer>default title</footer>`},
		{site.Article, `<title>article</title><header>Arena</header><main><p>signed</p></main><footer>article</footer>`},
		{site.Search, `<title>default title</title><header>Arena</header><main>search</main><footer>default title</footer>`},
	} {
		var b strings.Builder
		if err := pt.execute(&b, c.kind, pageTemplate, data); err != nil {
			t.Errorf("%s: %v", c.kind, err)
			continue
		}
		if b.String() != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.kind, b.String(), c.want)
		}
	}
	// A partial executed on its own, as the department's body is, is drawn
	// as its kind draws it.
	for k, want := range map[site.Kind]string{site.Department: "<p>done</p>", site.Article: "<p>signed</p>"} {
		var b strings.Builder
		if err := pt.execute(&b, k, "partials/pledge.html", data); err != nil || b.String() != want {
			t.Errorf("%s: partials/pledge.html drew %q, %v; want %q", k, b.String(), err, want)
		}
	}
	// Only what calls a kind's own templates is copied: the header never.
	for _, d := range pt.set.Templates() {
		if strings.HasSuffix(d.Name(), "/partials/header.html") {
			t.Errorf("the set holds a copy of the header, %s", d.Name())
		}
	}
}

// TestTemplateErrors checks that a theme's mistakes are reported when it is
// loaded, naming the file and line: a kind's template that does not parse, one
// that calls a function that does not exist, a broken partial, and a missing
// baseof.html or kind template.
func TestTemplateErrors(t *testing.T) {
	for _, c := range []struct {
		name, file, old, new string
		want                 []string
	}{
		{"syntax", "department.html", `{{ define "description" }}`, `{{ define "description" }}{{ if }}`,
			[]string{"themes/default/layouts/department.html: template: department.html:5: missing value for if"}},
		{"unknown function", "summary.html", `{{ define "main" }}`, "{{ define \"main\" }}\n{{ nosuch . }}",
			[]string{`themes/default/layouts/summary.html: template: summary.html:4: function "nosuch" not defined`}},
		{"broken partial", "partials/pledge.html", `{{`, `{{ end }}{{`,
			[]string{"themes/default/layouts/partials/pledge.html: template: partials/pledge.html:1: unexpected {{end}}"}},
		{"no baseof", "baseof.html", "", "", []string{"no baseof.html in "}},
		{"no kind template", "search.html", "", "", []string{"no template search.html in "}},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := testsite.Copy(t)
			p := filepath.Join(root, "themes", "default", "layouts", filepath.FromSlash(c.file))
			if c.old == "" {
				if err := os.Remove(p); err != nil {
					t.Fatal(err)
				}
			} else {
				testsite.Edit(t, p, c.old, c.new)
			}
			cfg, problems := config.Load(filepath.Join(root, "config.yaml"), config.Overrides{})
			if problems.HasErrors() {
				t.Fatal(problems)
			}
			_, problems = LoadTheme(cfg)
			if problems.Errors() != 1 {
				t.Fatalf("%d errors, want 1: %v", problems.Errors(), problems)
			}
			got := problems[0].Error()
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("the error says\n%s\nwant it to say %q", got, w)
				}
			}
		})
	}
}
