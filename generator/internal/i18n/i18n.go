// Package i18n holds the theme's interface strings ("Pledge", "Back to summary")
// per language, read from themes/<theme>/i18n/<lang>.yaml. Every language must
// define every key the others define, so no reader meets a blank label.
package i18n

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"leitai/generator/internal/diag"
	"leitai/generator/internal/yamldoc"
)

// Catalog maps language → key → string.
type Catalog map[string]map[string]string

// Load reads one file per language from dir. rel shortens paths for messages.
func Load(dir string, langs []string, rel func(string) string) (Catalog, diag.List) {
	var problems diag.List
	c := Catalog{}
	keyPos := map[string]map[string]diag.Pos{}
	for _, l := range langs {
		file := filepath.Join(dir, l+".yaml")
		data, err := os.ReadFile(file)
		if err != nil {
			problems.Errorf(diag.Pos{File: rel(file)}, "copy another language's file and translate it", "no interface strings for language %q", l)
			continue
		}
		doc, root := yamldoc.Parse(rel(file), data, &problems)
		if root == nil {
			continue
		}
		if root.Kind != yaml.MappingNode {
			doc.Errorf(root, "write “key: text” lines", "interface strings must be a set of keys")
			continue
		}
		c[l] = map[string]string{}
		keyPos[l] = map[string]diag.Pos{}
		for i := 0; i+1 < len(root.Content); i += 2 {
			k, v := root.Content[i], root.Content[i+1]
			s, ok := doc.String(v, k.Value)
			if ok {
				c[l][k.Value] = s
				keyPos[l][k.Value] = doc.Pos(k)
			}
		}
	}
	// Every key anywhere must exist everywhere.
	all := map[string]diag.Pos{}
	for _, l := range langs {
		for k, p := range keyPos[l] {
			if _, ok := all[k]; !ok {
				all[k] = p
			}
		}
	}
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, l := range langs {
		if c[l] == nil {
			continue
		}
		for _, k := range keys {
			if _, ok := c[l][k]; !ok {
				problems.Errorf(diag.Pos{File: rel(filepath.Join(dir, l+".yaml"))}, fmt.Sprintf("add “%s: …” (it is defined at %s)", k, all[k]),
					"interface string %q is missing", k)
			}
		}
	}
	return c, problems
}

// T returns the string for key in lang; an unknown key is an error so a template
// typo fails the build rather than showing a blank.
func (c Catalog) T(lang, key string) (string, error) {
	if s, ok := c[lang][key]; ok {
		return s, nil
	}
	return "", fmt.Errorf("no interface string %q for language %q (add it to every i18n/*.yaml)", key, lang)
}

// Tf is T with {name} placeholders replaced by the given name/value pairs.
func (c Catalog) Tf(lang, key string, pairs ...string) (string, error) {
	s, err := c.T(lang, key)
	if err != nil {
		return "", err
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[i]+"}", pairs[i+1])
	}
	return s, nil
}
