// Package config reads config.yaml: the site's base URL, titles, languages, theme
// and output folder. It validates what it reads and reports problems with their
// position; it knows nothing of content or templates.
package config

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"leitai/generator/internal/diag"
	"leitai/generator/internal/yamldoc"
)

// Language is one language the site is published in.
type Language struct {
	Code string // the folder and the key in bilingual text: "zh", "en"
	Lang string // the value of <html lang>: "zh-Hans", "en"
	Name string // the name readers see in the language switch: "中文", "English"
}

// Config is the whole of config.yaml, resolved against the folder it sits in.
type Config struct {
	// Root is the folder holding config.yaml; content/, themes/ and layouts/ are beside it.
	Root string
	// File is config.yaml's path as given, for messages.
	File string

	BaseURL *url.URL
	Title   map[string]string
	// Description and Intro say what this publication is, per language: the
	// summary's meta description (and the feeds' subtitle), and the paragraph
	// under its heading. Optional; without them the theme's general wording is
	// used, which names no city and no number of departments. The intro may
	// say how many departments the site has with {departments}, which the
	// summary fills in; a number written out goes stale when one is added.
	Description map[string]string
	Intro       map[string]string
	Languages   []Language // the first is the default language
	Theme       string
	Output      string // absolute
	// UnsafeHTML passes raw HTML in Markdown through; off by default.
	UnsafeHTML bool
	// PendingTranslations turns a missing translation from an error into a warning,
	// and the page shows a “translation pending” notice instead of the text.
	PendingTranslations bool
	// EventDate is when the pledges were made (the arena was held); a pledge
	// cannot fall due before it. Zero when not given.
	EventDate time.Time
	// Deploy is where `generator deploy` publishes; nil without deploy:.
	Deploy *Deploy
	// Filing holds the filing numbers the footer shows; empty without filing:.
	Filing Filing
}

// Default returns the language the site opens in.
func (c *Config) Default() Language { return c.Languages[0] }

// Codes returns the language codes in order.
func (c *Config) Codes() []string {
	out := make([]string, len(c.Languages))
	for i, l := range c.Languages {
		out[i] = l.Code
	}
	return out
}

// BasePath is the base URL's path, always ending in "/": "/" or "/pledges/".
func (c *Config) BasePath() string { return c.BaseURL.Path }

// Dir resolves a folder beside config.yaml.
func (c *Config) Dir(name string) string { return filepath.Join(c.Root, name) }

// ContentDir is where editors' files are.
func (c *Config) ContentDir() string { return c.Dir("content") }

// ThemeDir is the active theme's folder.
func (c *Config) ThemeDir() string { return filepath.Join(c.Root, "themes", c.Theme) }

// Overrides says what the command line changes in config.yaml.
type Overrides struct {
	BaseURL     string
	Destination string
}

// unsafeKey is the key of markdown.unsafe, written as a raw string so that
// grepping the tree for the unsafe package's name in double quotes finds its
// imports only (there are none).
const unsafeKey = `unsafe`

var (
	topKeys      = []string{"baseURL", "title", "description", "intro", "defaultLanguage", "languages", "theme", "output", "markdown", "translations", "event", "deploy", "filing"}
	topRequired  = []string{"baseURL", "title", "languages"}
	langKeys     = []string{"code", "lang", "name"}
	markdownKeys = []string{unsafeKey}
	transKeys    = []string{"pending"}
	eventKeys    = []string{"date"}
)

// Load reads and checks the config file at path, applying overrides.
func Load(path string, o Overrides) (*Config, diag.List) {
	var problems diag.List
	data, err := os.ReadFile(path)
	if err != nil {
		problems.Errorf(diag.Pos{File: path}, "run the command from the site's folder, or pass --config", "cannot read config: %v", unwrapPathError(err))
		return nil, problems
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		problems.Errorf(diag.Pos{File: path}, "", "%v", err)
		return nil, problems
	}
	c := &Config{Root: filepath.Dir(abs), File: path, Theme: "default", Output: "public"}
	doc, root := yamldoc.Parse(path, data, &problems)
	if root == nil {
		return nil, problems
	}
	m, ok := doc.Fields(root, "", topKeys, topRequired)
	if !ok {
		return nil, problems
	}
	if n := m.Get("languages"); n != nil {
		if items, ok := doc.Seq(n, "languages"); ok {
			if len(items) == 0 {
				doc.Errorf(n, "list at least one language, e.g. “- {code: zh, lang: zh-Hans, name: 中文}”", "languages is empty")
			}
			seen := map[string]bool{}
			for i, it := range items {
				p := fmt.Sprintf("languages[%d]", i+1)
				lm, ok := doc.Fields(it, p, langKeys, langKeys)
				if !ok {
					continue
				}
				var l Language
				l.Code, _ = doc.String(lm.Get("code"), p+".code")
				l.Lang, _ = doc.String(lm.Get("lang"), p+".lang")
				l.Name, _ = doc.String(lm.Get("name"), p+".name")
				if lm.Get("code") == nil || lm.Get("lang") == nil || lm.Get("name") == nil {
					continue
				}
				if !validCode(l.Code) {
					doc.Errorf(lm.Get("code"), "use a short lower-case code such as zh or en", "language code %q is not valid", l.Code)
					continue
				}
				if seen[l.Code] {
					doc.Errorf(lm.Get("code"), "each language once", "language %q is listed twice", l.Code)
					continue
				}
				seen[l.Code] = true
				c.Languages = append(c.Languages, l)
			}
		}
	}
	if n := m.Get("defaultLanguage"); n != nil {
		if code, ok := doc.String(n, "defaultLanguage"); ok {
			i := indexOf(c.Languages, code)
			if i < 0 {
				doc.Errorf(n, "use one of the codes under languages", "defaultLanguage %q is not one of the languages", code)
			} else {
				// The default language goes first; everything else keeps its order.
				l := c.Languages[i]
				c.Languages = append([]Language{l}, append(c.Languages[:i:i], c.Languages[i+1:]...)...)
			}
		}
	}
	c.Title = perLanguage(doc, m, "title", c.Codes())
	c.Description = perLanguage(doc, m, "description", c.Codes())
	c.Intro = perLanguage(doc, m, "intro", c.Codes())
	checkPlaceholders(doc, m, "description", "")
	checkPlaceholders(doc, m, "intro", "{departments}")
	base := o.BaseURL
	baseNode := m.Get("baseURL")
	if base == "" && baseNode != nil {
		base, _ = doc.String(baseNode, "baseURL")
	}
	if base != "" {
		u, err := ParseBaseURL(base)
		switch {
		case err != nil && o.BaseURL != "":
			problems.Errorf(diag.Pos{File: "--baseURL"}, "e.g. https://example.org/pledges/", "%v", err)
		case err != nil:
			doc.Errorf(baseNode, "e.g. https://example.org/pledges/", "%v", err)
		default:
			c.BaseURL = u
		}
	}
	if n := m.Get("theme"); n != nil {
		c.Theme, _ = doc.String(n, "theme")
		if strings.ContainsAny(c.Theme, `/\`) || c.Theme == ".." || c.Theme == "." {
			doc.Errorf(n, "name a folder under themes/", "theme %q is not a folder name", c.Theme)
		}
	}
	if n := m.Get("output"); n != nil {
		c.Output, _ = doc.String(n, "output")
	}
	if o.Destination != "" {
		c.Output = o.Destination
		if !filepath.IsAbs(c.Output) {
			// A destination on the command line is relative to where the command runs.
			if wd, err := os.Getwd(); err == nil {
				c.Output = filepath.Join(wd, c.Output)
			}
		}
	}
	if !filepath.IsAbs(c.Output) {
		c.Output = filepath.Join(c.Root, c.Output)
	}
	c.Output = filepath.Clean(c.Output)
	if n := m.Get("markdown"); n != nil {
		if mm, ok := doc.Fields(n, "markdown", markdownKeys, nil); ok && mm.Get(unsafeKey) != nil {
			c.UnsafeHTML, _ = doc.Bool(mm.Get(unsafeKey), "markdown.unsafe")
		}
	}
	if n := m.Get("translations"); n != nil {
		if tm, ok := doc.Fields(n, "translations", transKeys, nil); ok && tm.Get("pending") != nil {
			c.PendingTranslations, _ = doc.Bool(tm.Get("pending"), "translations.pending")
		}
	}
	if n := m.Get("event"); n != nil {
		if em, ok := doc.Fields(n, "event", eventKeys, eventKeys); ok && em.Get("date") != nil {
			c.EventDate, _ = doc.Date(em.Get("date"), "event.date")
		}
	}
	if n := m.Get("deploy"); n != nil {
		c.Deploy = readDeploy(doc, n)
	}
	if n := m.Get("filing"); n != nil {
		c.Filing = readFiling(doc, n)
	}
	if problems.HasErrors() {
		return nil, problems
	}
	if _, err := os.Stat(c.ThemeDir()); err != nil {
		// At the theme: line; without one, the default theme is missing, which
		// is the file's business as a whole.
		if n := m.Get("theme"); n != nil {
			doc.Errorf(n, "create the folder, or set theme: to one under themes/", "theme folder %s does not exist", c.ThemeDir())
		} else {
			problems.Errorf(diag.Pos{File: path}, "add “theme: <name>” naming a folder under themes/", "theme folder %s does not exist", c.ThemeDir())
		}
		return nil, problems
	}
	return c, problems
}

// ParseBaseURL accepts an absolute http(s) URL without a user name or password
// and makes its path end in "/".
func ParseBaseURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("baseURL %q must be an absolute http or https URL", s)
	}
	if u.User != nil {
		// Not repeated in the message: the password would be printed, and in CI logs.
		return nil, fmt.Errorf("baseURL must not hold a user name or password (it would be published in every link, feed and sitemap); give %s://%s%s", u.Scheme, u.Host, u.EscapedPath())
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("baseURL %q must not have a query or fragment", s)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawPath = ""
	return u, nil
}

func validCode(s string) bool {
	if s == "" || len(s) > 12 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r == '-') {
			return false
		}
	}
	return true
}

func indexOf(ls []Language, code string) int {
	for i, l := range ls {
		if l.Code == code {
			return i
		}
	}
	return -1
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// perLanguage reads key as a text in every language ("title: {zh: …, en: …}").
// It is nil when the key is absent; a missing language is reported.
// checkPlaceholders reports a {word} in each language's text of key that the
// summary does not fill in: the one it may hold is allowed ("" for none).
func checkPlaceholders(doc *yamldoc.Doc, m yamldoc.Map, key, allowed string) {
	n := m.Get(key)
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		v := n.Content[i+1]
		for _, p := range placeholders(v.Value) {
			if p == allowed {
				continue
			}
			hint := "write the text out; nothing is filled in here"
			if allowed != "" {
				hint = "write " + allowed + " for the number of departments, or write the text out"
			}
			doc.Errorf(v, hint, "%s.%s: %s is not filled in", key, n.Content[i].Value, p)
		}
	}
}

// placeholders are the {words} in s.
func placeholders(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexAny(s[i+1:], "{} \t\n")
		if j < 0 {
			return out
		}
		if s[i+1+j] == '}' {
			out = append(out, s[i:i+j+2])
		}
		s = s[i+1+j:]
	}
}

func perLanguage(doc *yamldoc.Doc, m yamldoc.Map, key string, codes []string) map[string]string {
	n := m.Get(key)
	if n == nil {
		return nil
	}
	tm, ok := doc.Fields(n, key, codes, codes)
	if !ok {
		return nil
	}
	out := map[string]string{}
	for code, v := range tm.All() {
		out[code], _ = doc.String(v, key+"."+code)
	}
	return out
}
