package render

import (
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"leitai/generator/internal/site"
)

// kinds lists the page kinds; each has a template file named after it, but
// for those drawn by another kind's template.
var kinds = []site.Kind{site.Home, site.Summary, site.Group, site.Articles, site.Department, site.Article, site.NotFound, site.Search,
	site.Appearance, site.Archive, site.Redirect}

// drawnAs names the kinds whose pages another kind's template draws: a
// department in one edition is a department's page.
var drawnAs = map[site.Kind]site.Kind{site.Appearance: site.Department}

// layoutDirs are searched in order: the site's own layouts/ wins over the theme's.
type layoutDirs []string

// find returns the first existing file name under the layout folders.
func (ds layoutDirs) find(name string) (string, bool) {
	for _, d := range ds {
		p := filepath.Join(d, name)
		if _, err := os.Stat(p); err == nil {
			return p, true
		}
	}
	return "", false
}

// partials lists the partial templates, by name, from every layout folder; a
// site's partial replaces the theme's of the same name.
func (ds layoutDirs) partials() ([]string, error) {
	seen := map[string]string{}
	for i := len(ds) - 1; i >= 0; i-- {
		files, err := filepath.Glob(filepath.Join(ds[i], "partials", "*.html"))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			seen[filepath.Base(f)] = f
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = seen[n]
	}
	return out, nil
}

// parseTemplates builds one template set per page kind: baseof.html with its
// blocks, the partials, and the kind's own file, which fills the blocks.
func parseTemplates(dirs layoutDirs, funcs template.FuncMap) (map[site.Kind]*template.Template, error) {
	base, ok := dirs.find("baseof.html")
	if !ok {
		return nil, fmt.Errorf("no baseof.html in %s", strings.Join(dirs, " or "))
	}
	partials, err := dirs.partials()
	if err != nil {
		return nil, err
	}
	// missingkey=error makes {{ .L.key }} as strict as {{ .T "key" }}: a string
	// missing from the language's file is an error, not an empty text.
	root := template.New("baseof.html").Funcs(funcs).Option("missingkey=error")
	if root, err = parseFile(root, base); err != nil {
		return nil, err
	}
	for _, p := range partials {
		if root, err = parseFile(root.New("partials/"+filepath.Base(p)), p); err != nil {
			return nil, err
		}
	}
	sets := map[site.Kind]*template.Template{}
	for _, k := range kinds {
		if _, ok := drawnAs[k]; ok {
			continue
		}
		name := string(k) + ".html"
		file, ok := dirs.find(name)
		if !ok {
			return nil, fmt.Errorf("no template %s in %s", name, strings.Join(dirs, " or "))
		}
		t, err := root.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := parseFile(t.New(name), file); err != nil {
			return nil, err
		}
		sets[k] = t.Lookup("baseof.html")
	}
	for k, as := range drawnAs {
		sets[k] = sets[as]
	}
	return sets, nil
}

func parseFile(t *template.Template, file string) (*template.Template, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	// Naming the template after its file puts the file in html/template's errors.
	out, err := t.Parse(string(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return out, nil
}
