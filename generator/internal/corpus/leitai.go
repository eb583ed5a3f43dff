package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"leitai/generator/internal/yamldoc"
)

// WriteLeitai writes s as a Leitai site into dir: config.yaml, content/ and a
// copy of the theme at themeDir as themes/default.
func (s *Site) WriteLeitai(dir, themeDir string) error {
	if err := copyDir(themeDir, filepath.Join(dir, "themes", "default")); err != nil {
		return err
	}
	w := newWriter(dir)
	w.file("config.yaml", leitaiConfig)
	w.file("content/units.yaml", leitaiUnits)
	var b strings.Builder
	for _, g := range s.Groups {
		fmt.Fprintf(&b, "- id: %s\n  title:\n    zh: %s\n    en: %s\n", g.ID, yamldoc.Scalar(g.Title.zh), yamldoc.Scalar(g.Title.en))
	}
	w.file("content/groups.yaml", b.String())
	// folder is where an edition's files go: content/ itself in the
	// one-edition layout.
	folder := func(edition int) string {
		if edition == 0 {
			return "content/"
		}
		return fmt.Sprintf("content/editions/%d/", edition)
	}
	for _, e := range s.Editions {
		w.file(folder(e.Number)+"edition.yaml", e.yaml())
	}
	parallel(len(s.Departments), func(i int) {
		d := &s.Departments[i]
		w.file(folder(d.Edition)+"departments/"+d.Slug+".yaml", d.yaml())
	})
	parallel(len(s.Articles), func(i int) {
		a := &s.Articles[i]
		for _, l := range []string{"zh", "en"} {
			w.file(folder(a.Edition)+"articles/"+a.Slug+"."+l+".md", a.markdown(l))
		}
	})
	return w.err()
}

// yaml is the edition's file.
func (e *Edition) yaml() string {
	return fmt.Sprintf("number: %d\ndate: %s\ntitle:\n  zh: %s\n  en: %s\nseries:\n  zh: %s\n  en: %s\n",
		e.Number, e.Date, yamldoc.Scalar(e.Title.zh), yamldoc.Scalar(e.Title.en), yamldoc.Scalar("作风能力提升年“部门擂台”"), yamldoc.Scalar("Department Arena of the Year of Improving Work Style and Capability"))
}

const leitaiConfig = `# A synthetic site for benchmarks, written by generator/internal/corpus.
baseURL: https://example.org/
title:
  zh: 部门擂台 · 军令状
  en: The Department Arena · Pledges
defaultLanguage: zh
languages:
  - code: zh
    lang: zh-Hans
    name: 中文
  - code: en
    lang: en
    name: English
theme: default
output: public
`

// leitaiUnits defines the units the corpus's targets use.
const leitaiUnits = `units:
  亿元:
    zh: {format: "{value}亿元"}
    en: {scale: 100000000, other: yuan, words: true}
  个:
    measure: true
    zh: {format: "{value}个"}
    en: {group: true}
magnitudes:
  en: {1000000: million, 1000000000: billion, 1000000000000: trillion}
`

// yaml is the department's file, laid out the way editors write the real ones.
func (d *Department) yaml() string {
	var b strings.Builder
	b.Grow(8 << 10)
	b.WriteString("# yaml-language-server: $schema=../../schema/department.schema.json\n")
	fmt.Fprintf(&b, "order: %d\ngroup: %s\n", d.Order, d.Group)
	fmt.Fprintf(&b, "name:\n  zh: %s\n  en: %s\n", yamldoc.Scalar(d.Name.zh), yamldoc.Scalar(d.Name.en))
	fmt.Fprintf(&b, "leader:\n  name: {zh: %s, en: %s}\n", d.Leader.zh, d.Leader.en)
	fmt.Fprintf(&b, "  title:\n    zh: %s\n    en: %s\n", yamldoc.Scalar(d.LeaderTitle.zh), yamldoc.Scalar(d.LeaderTitle.en))
	b.WriteString("achievements:\n")
	for _, a := range d.Record {
		fmt.Fprintf(&b, "  - zh: %s\n    en: %s\n", yamldoc.Scalar(a.Text.zh), yamldoc.Scalar(a.Text.en))
		if len(a.Metrics) > 0 {
			b.WriteString("    metrics:\n")
		}
		for _, m := range a.Metrics {
			fmt.Fprintf(&b, "      - {value: %d, unit: %s, %slabel: {zh: %s, en: %s}}\n", m.Value, m.Unit, m.Noun.yaml(), m.Label.zh, m.Label.en)
		}
	}
	b.WriteString("pledges:\n")
	for _, p := range d.Pledges {
		fmt.Fprintf(&b, "  - zh: %s\n    en: %s\n", yamldoc.Scalar(p.Text.zh), yamldoc.Scalar(p.Text.en))
		if t := p.Target; t != nil {
			fmt.Fprintf(&b, "    target: {value: %d, unit: %s, %scompare: %s}\n", t.Value, t.Unit, t.Noun.yaml(), t.Compare)
		}
		if p.Due != "" {
			basis := "stated"
			if p.DueInferred {
				basis = "inferred"
			}
			fmt.Fprintf(&b, "    due: {date: %s, %s: %s}\n", p.Due, basis, p.DueWords)
		}
		if p.Again > 0 {
			fmt.Fprintf(&b, "    again: {edition: %d, pledge: 1}\n", p.Again)
		}
		fmt.Fprintf(&b, "    status: %s\n", p.Status)
		if u := p.Update; u != nil {
			fmt.Fprintf(&b, "    updates:\n      - date: %s\n        zh: %s\n        en: %s\n        source: %s\n        status: %s\n",
				u.Date, yamldoc.Scalar(u.Text.zh), yamldoc.Scalar(u.Text.en), u.Source, p.Status)
		}
	}
	b.WriteString("statement:\n  zh: |\n")
	block(&b, d.Statement.zh)
	b.WriteString("  en: |\n")
	block(&b, d.Statement.en)
	return b.String()
}

// yaml is the noun as a figure's noun: key, with what follows it; "" for none.
func (n *noun) yaml() string {
	if n == nil {
		return ""
	}
	return fmt.Sprintf("noun: {zh: %s, en: {one: %s, other: %s}}, ", n.zh, n.one, n.other)
}

// markdown is the article in lang, front matter and body.
func (a *Article) markdown(lang string) string {
	pick := func(p pair) string {
		if lang == "zh" {
			return p.zh
		}
		return p.en
	}
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\nsubtitle: %s\ndate: %s\nlead: %s\n", yamldoc.Scalar(pick(a.Title)), yamldoc.Scalar(pick(a.Subtitle)), a.Date, yamldoc.Scalar(pick(a.Lead)))
	if lang == "zh" {
		b.WriteString("reporters: [刘兰星, 杨光]\nsource: 青岛日报/观海新闻\n")
	} else {
		b.WriteString("reporters: [Liu Lanxing, Yang Guang]\nsource: Qingdao Daily / Guanhai News\n")
	}
	b.WriteString("---\n\n")
	b.WriteString(pick(a.Body))
	return b.String()
}

// block writes text as the body of a YAML literal block, indented four spaces.
func block(b *strings.Builder, text string) {
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if line != "" {
			b.WriteString("    ")
			b.WriteString(line)
		}
		b.WriteByte('\n')
	}
}

// copyDir copies the files under src into dst.
func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
}
