package render

import (
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/template/parse"

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

// pageTemplates are the theme's templates in one html/template set:
// baseof.html with its blocks' defaults and the partials once, and for each
// page kind the templates it draws its own way, under names of its own. So a
// partial is parsed once and escaped once, at its first use, for every kind of
// page: a set per kind copied each partial (Template.Clone) and escaped it
// again, once per kind. Everything is in the set before the first page is
// executed, as html/template requires; pages of every kind are then executed
// at once.
type pageTemplates struct {
	set *template.Template
	// names maps, per kind, a template's name to the name its pages draw it
	// by; a name not listed is the shared template. "baseof.html" is always
	// listed: it is the kind's page, named after the kind's file.
	names map[site.Kind]map[string]string
}

// pageTemplate is the template that draws a page, the top of baseof.html.
const pageTemplate = "baseof.html"

// badgeTemplate draws a pledge status's badge. It runs once per status and
// language when rendering starts, and pages show what it drew as .Badge.
const badgeTemplate = "partials/badge.html"

// StatusBadge is what partials/badge.html sees: a status's badge class
// ("badge s-met") and its label in the page's language.
type StatusBadge struct {
	Class, Label string
}

// badge draws a status's badge with the theme's badgeTemplate.
func (th *Theme) badge(st StatusBadge) (template.HTML, error) {
	var b strings.Builder
	if err := th.templates.execute(&b, "", badgeTemplate, st); err != nil {
		return "", fmt.Errorf("%s: %w", badgeTemplate, err)
	}
	return template.HTML(b.String()), nil
}

// execute draws the template name as pages of kind k see it.
func (pt *pageTemplates) execute(w io.Writer, k site.Kind, name string, data any) error {
	if own, ok := pt.names[k][name]; ok {
		name = own
	}
	return pt.set.ExecuteTemplate(w, name, data)
}

// parseTemplates parses baseof.html, its blocks and the partials, and each
// kind's file, which fills the blocks, into one set.
//
// A kind's file defines templates ("title", "main", ...) by names the other
// kinds define too. Each is added under the kind's own name
// ("department.html/main"), and with it a copy of every shared template that
// calls one of these, at any depth (baseof.html always, a partial only if it
// calls a block), its calls renamed. A page then draws what it drew when each
// kind had a set of its own: its kind's blocks where the kind defines them,
// baseof.html's defaults where it does not.
func parseTemplates(dirs layoutDirs, funcs template.FuncMap) (*pageTemplates, error) {
	base, ok := dirs.find(pageTemplate)
	if !ok {
		return nil, fmt.Errorf("no %s in %s", pageTemplate, strings.Join(dirs, " or "))
	}
	partials, err := dirs.partials()
	if err != nil {
		return nil, err
	}
	// missingkey=error makes {{ .L.key }} as strict as {{ .T "key" }}: a string
	// missing from the language's file is an error, not an empty text.
	root := template.New(pageTemplate).Funcs(funcs).Option("missingkey=error")
	if root, err = parseFile(root, base); err != nil {
		return nil, err
	}
	for _, p := range partials {
		if root, err = parseFile(root.New("partials/"+filepath.Base(p)), p); err != nil {
			return nil, err
		}
	}
	shared := definedTrees(root)
	calls := make(map[string][]string, len(shared))
	for name, tree := range shared {
		eachCall(tree.Root, func(n *parse.TemplateNode) { calls[name] = append(calls[name], n.Name) })
	}
	pt := &pageTemplates{set: root, names: map[site.Kind]map[string]string{}}
	for _, k := range kinds {
		if _, ok := drawnAs[k]; ok {
			continue
		}
		name := string(k) + ".html"
		file, ok := dirs.find(name)
		if !ok {
			return nil, fmt.Errorf("no template %s in %s", name, strings.Join(dirs, " or "))
		}
		// Parsed by html/template on its own, the file's unknown functions and
		// syntax errors are reported now, naming the file.
		t, err := parseFile(template.New(name).Funcs(funcs), file)
		if err != nil {
			return nil, err
		}
		own := definedTrees(t)
		for n, tree := range own {
			// As when parsed into the set baseof.html is in: a definition with
			// an empty body does not replace one that exists.
			if parse.IsEmptyTree(tree.Root) && shared[n] != nil {
				delete(own, n)
			}
		}
		names := ownNames(name, own, calls)
		for n, as := range names {
			tree := own[n]
			if tree == nil {
				// The shared tree stays as it is for the kinds that do not
				// define what it calls.
				tree = shared[n].Copy()
			}
			tree.Name = as
			eachCall(tree.Root, func(c *parse.TemplateNode) {
				if as, ok := names[c.Name]; ok {
					c.Name = as
				}
			})
			if _, err := root.AddParseTree(as, tree); err != nil {
				return nil, err
			}
		}
		pt.names[k] = names
	}
	for k, as := range drawnAs {
		pt.names[k] = pt.names[as]
	}
	return pt, nil
}

// definedTrees are the parse trees of the templates t's set defines, by name.
func definedTrees(t *template.Template) map[string]*parse.Tree {
	trees := map[string]*parse.Tree{}
	for _, d := range t.Templates() {
		if d.Tree != nil {
			trees[d.Name()] = d.Tree
		}
	}
	return trees
}

// ownNames names what the kind whose file is page draws its own way: what the
// file defines, baseof.html (the kind's page, named page), and every shared
// template that calls one of these, at any depth.
func ownNames(page string, own map[string]*parse.Tree, calls map[string][]string) map[string]string {
	names := make(map[string]string, len(own)+1)
	for n := range own {
		names[n] = page + "/" + n
	}
	names[pageTemplate] = page
	for grew := true; grew; {
		grew = false
		for n, called := range calls {
			if _, ok := names[n]; ok {
				continue
			}
			for _, c := range called {
				if _, ok := names[c]; ok {
					names[n] = page + "/" + n
					grew = true
					break
				}
			}
		}
	}
	return names
}

// eachCall calls f on every {{ template }} under list. A call is an action
// of its own, never part of a pipeline, so it sits in a list: a list's nodes,
// or the lists of an if, range or with (their else lists hold an {{ else if }}
// or {{ else with }} as a node of its own).
func eachCall(list *parse.ListNode, f func(*parse.TemplateNode)) {
	if list == nil {
		return
	}
	for _, n := range list.Nodes {
		switch n := n.(type) {
		case *parse.TemplateNode:
			f(n)
		case *parse.ListNode:
			eachCall(n, f)
		case *parse.IfNode:
			eachBranchCall(&n.BranchNode, f)
		case *parse.RangeNode:
			eachBranchCall(&n.BranchNode, f)
		case *parse.WithNode:
			eachBranchCall(&n.BranchNode, f)
		}
	}
}

func eachBranchCall(b *parse.BranchNode, f func(*parse.TemplateNode)) {
	eachCall(b.List, f)
	eachCall(b.ElseList, f)
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
