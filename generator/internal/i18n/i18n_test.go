package i18n

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

var (
	theme = filepath.Join("..", "..", "..", "themes", "default")
	langs = []string{"zh", "en"}
)

func rel(p string) string {
	return filepath.ToSlash(strings.TrimPrefix(p, theme+string(filepath.Separator)))
}

// readStrings reads a language's file with yaml.v3 alone, independently of Load.
func readStrings(t *testing.T, dir, lang string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, lang+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := yaml.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s.yaml: %v", lang, err)
	}
	return m
}

var placeholderRE = regexp.MustCompile(`\{[a-z]+\}`)

func placeholders(s string) []string {
	p := placeholderRE.FindAllString(s, -1)
	sort.Strings(p)
	return slices.Compact(p)
}

// Every interface string of the default theme exists in every language, is not
// empty, and has the same {placeholders} in each: a reader never meets a blank
// label, nor a sentence that lost its number.
func TestThemeStringsInEveryLanguage(t *testing.T) {
	dir := filepath.Join(theme, "i18n")
	c, problems := Load(dir, langs, rel)
	for _, p := range problems {
		t.Errorf("Load: %s", p.Format())
	}
	byLang := map[string]map[string]string{}
	for _, l := range langs {
		byLang[l] = readStrings(t, dir, l)
		if len(byLang[l]) < 50 {
			t.Errorf("%s.yaml has %d strings; is it the theme's file?", l, len(byLang[l]))
		}
	}
	for _, l := range langs {
		for key, s := range byLang[l] {
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s.yaml: %s is empty", l, key)
			}
			if got, err := c.T(l, key); err != nil || got != s {
				t.Errorf("T(%s, %s) = %q, %v; the file says %q", l, key, got, err, s)
			}
			for _, other := range langs {
				o, ok := byLang[other][key]
				if !ok {
					t.Errorf("%s is in %s.yaml but not in %s.yaml", key, l, other)
				} else if !slices.Equal(placeholders(s), placeholders(o)) {
					t.Errorf("%s: %s.yaml has %v, %s.yaml %v", key, l, placeholders(s), other, placeholders(o))
				}
			}
		}
	}
}

// Every string the theme's templates and the renderer ask for by name is in
// every language.
func TestUsedStringsExist(t *testing.T) {
	dir := filepath.Join(theme, "i18n")
	c, _ := Load(dir, langs, rel)
	used := map[string]string{} // key → where it is used
	templateKey := regexp.MustCompile(`\.(?:T|Tf) "([a-z_-]+)"|\.L\.([a-z_]+)`)
	goKey := regexp.MustCompile(`\b(?:T|Tf)\((?:[a-zA-Z.]+, )?"([a-z-]+(?:_[a-z-]+)*)"`)
	comment := regexp.MustCompile(`(?s)\{\{-? */\*.*?\*/ *-?\}\}`)
	scan := func(glob string, re *regexp.Regexp) {
		files, err := filepath.Glob(glob)
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: %v %v", glob, files, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range re.FindAllStringSubmatch(comment.ReplaceAllString(string(b), ""), -1) {
				key := m[1]
				if key == "" {
					key = m[2]
				}
				used[key] = filepath.Base(f)
			}
		}
	}
	scan(filepath.Join(theme, "layouts", "*.html"), templateKey)
	scan(filepath.Join(theme, "layouts", "partials", "*.html"), templateKey)
	scan(filepath.Join("..", "render", "*.go"), goKey)
	// The renderer names the status and comparison strings by their value.
	for _, s := range []string{"not-rated", "in-progress", "stalled", "achieved", "partly-achieved", "missed"} {
		used["status_"+s] = "the statuses"
	}
	for _, s := range []string{"at-least", "at-most", "exactly"} {
		used["compare_"+s] = "the comparisons"
	}
	if len(used) < 50 {
		t.Errorf("found only %d strings in use: %v", len(used), used)
	}
	for key, where := range used {
		for _, l := range langs {
			if _, err := c.T(l, key); err != nil {
				t.Errorf("%s (used in %s) is missing in %s: %v", key, where, l, err)
			}
		}
	}
}

// Load reports a string one language lacks, naming the file and where the
// string is defined.
func TestLoadReportsAMissingString(t *testing.T) {
	dir := t.TempDir()
	for _, l := range langs {
		b, err := os.ReadFile(filepath.Join(theme, "i18n", l+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if l == "en" {
			b = regexp.MustCompile(`(?m)^show_table: .*\n`).ReplaceAll(b, nil)
		}
		if err := os.WriteFile(filepath.Join(dir, l+".yaml"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, problems := Load(dir, langs, filepath.Base)
	if len(problems) != 1 || problems[0].Pos.File != "en.yaml" || !strings.Contains(problems[0].Msg, `"show_table" is missing`) || !strings.Contains(problems[0].Hint, "zh.yaml:") {
		t.Errorf("problems = %v", problems)
	}
}
