package content

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"leitai/generator/internal/yamldoc"
)

// A skeleton is a new content file with every key in place and every text still
// to write marked with yamldoc.Placeholder and a note saying what goes there. It
// passes validation except for those texts, each of which `check` reports as
// not filled in yet, so an editor never starts from a blank page and cannot
// publish a half-written one.

// notes say, per language, what each text of a skeleton holds. Languages not
// listed get the English note.
var notes = map[string]map[string]string{
	"name":        {"zh": "部门全称，如：市财政局", "en": "the department's full name, e.g. Qingdao Municipal Bureau of Finance"},
	"leader":      {"zh": "负责人姓名", "en": "the leader's name as readers know it, e.g. Ju Liguo"},
	"title":       {"zh": "负责人职务，如：市财政局党组书记、局长", "en": "the leader's title, e.g. Director of the Qingdao Municipal Bureau of Finance"},
	"achievement": {"zh": "今年的一项成绩，一条一项，数字照录", "en": "one of this year's results, one claim per item, figures intact"},
	"pledge":      {"zh": "一项年底前的承诺", "en": "one commitment for the year's end"},
	"statement":   {"zh": "负责人表态全文，可用 Markdown", "en": "the leader's full statement; Markdown allowed"},
	"a-title":     {"zh": "标题", "en": "the headline"},
	"a-lead":      {"zh": "导语", "en": "the lead, one or two sentences that open the report"},
	"a-body":      {"zh": "正文（Markdown）。链接到部门时写 `[市财政局](/departments/finance/)`，不写语言。", "en": "the report, in Markdown. Link to a department as `[Finance](/departments/finance/)`, without the language."},
	"e-title":     {"zh": "本期标题，如：冲刺姿态决胜全年目标", "en": "the edition's title, e.g. Sprinting to the year's goals"},
	"e-series":    {"zh": "系列名称，如：作风能力提升年“部门擂台”", "en": "the series' name, e.g. “Department Arena” of the Year of Improving Work Style and Capability"},
}

// yamlScalar writes s as a YAML value on one line: plain when YAML reads it
// back as the same text, double-quoted otherwise.
func yamlScalar(s string) string {
	plain := s != "" && !strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") &&
		!strings.Contains(s, ": ") && !strings.Contains(s, " #") && !strings.HasSuffix(s, ":") &&
		strings.TrimSpace(s) == s && !strings.ContainsAny(s, "\n\t")
	if plain {
		return s
	}
	q := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`).Replace(s)
	return `"` + q + `"`
}

func note(key, lang string) string {
	if n, ok := notes[key][lang]; ok {
		return n
	}
	return notes[key]["en"]
}

// DepartmentSkeleton is a new department file: order is its place on the summary,
// groups the ids it may belong to, langs the site's languages.
func DepartmentSkeleton(order int, groups, langs []string) []byte {
	var b strings.Builder
	text := func(indent, key string) {
		for _, l := range langs {
			fmt.Fprintf(&b, "%s%s: %s %s\n", indent, l, yamldoc.Placeholder, note(key, l))
		}
	}
	b.WriteString("# yaml-language-server: $schema=../../schema/department.schema.json\n")
	fmt.Fprintf(&b, "# A new department. Replace every %s and the note after it, in every language,\n", yamldoc.Placeholder)
	b.WriteString("# then run `go run ./generator check`. Every field: docs/content-format.md\n")
	fmt.Fprintf(&b, "order: %d                 # place on the summary; unique\n", order)
	fmt.Fprintf(&b, "group: %s               # one of: %s (content/groups.yaml)\n", yamldoc.Placeholder, strings.Join(groups, ", "))
	b.WriteString("name:\n")
	text("  ", "name")
	b.WriteString("leader:\n  name:\n")
	text("    ", "leader")
	b.WriteString("  title:\n")
	text("    ", "title")
	b.WriteString("achievements:            # 亮绩: this year's record, one claim per item\n")
	for i, l := range langs {
		lead := "    "
		if i == 0 {
			lead = "  - "
		}
		fmt.Fprintf(&b, "%s%s: %s %s\n", lead, l, yamldoc.Placeholder, note("achievement", l))
	}
	b.WriteString("pledges:                 # 军令状: one commitment per item\n")
	for i, l := range langs {
		lead := "    "
		if i == 0 {
			lead = "  - "
		}
		fmt.Fprintf(&b, "%s%s: %s %s\n", lead, l, yamldoc.Placeholder, note("pledge", l))
	}
	b.WriteString("    # Optional, each on its own line:\n")
	b.WriteString("    # id: new-loans                  # a name that stays when pledges are reordered\n")
	b.WriteString("    # target: {value: 2500, unit: 亿元, compare: more-than}   # " + strings.Join(Compares, " | ") + "\n")
	b.WriteString("    #   超过 is more-than; 以上 and 不少于 are at-least. A count in a bare measure word (项, 个, 家)\n")
	b.WriteString("    #   says what it counts: {value: 1500, unit: 项, noun: {zh: 项目, en: {one: project, other: projects}}}\n")
	b.WriteString("    # scope: {value: 91, unit: 个, noun: {zh: 重大项目, en: {one: major project, other: major projects}}}\n")
	b.WriteString("    #   the size of the work (91 projects to coordinate), not an outcome to deliver\n")
	b.WriteString("    # due: {date: 2022-12-31, stated: 年底前}   # the pledge's own words the date rests on;\n")
	b.WriteString("    #   inferred: 全年 when you work the date out from them\n")
	b.WriteString("    # status: not-rated              # " + strings.Join(Statuses, " | ") + "\n")
	b.WriteString("statement:               # 表态: the leader's statement\n")
	for _, l := range langs {
		fmt.Fprintf(&b, "  %s: |\n    %s %s\n", l, yamldoc.Placeholder, note("statement", l))
	}
	b.WriteString("# corrections:            # optional: where the text here differs from what the source printed\n")
	b.WriteString("#   - printed: 千字为先     # what the source printed\n")
	b.WriteString("#     corrected: 干字为先   # what the text here reads\n")
	b.WriteString("#     note: {zh: 扫描文本将“干”误识为“千”。, en: The scan misreads one character.}\n")
	return []byte(b.String())
}

// ArticleSkeleton is a new article in lang, dated date.
func ArticleSkeleton(lang string, date time.Time) []byte {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s %s\n", yamldoc.Placeholder, note("a-title", lang))
	fmt.Fprintf(&b, "date: %s\n", date.Format("2006-01-02"))
	fmt.Fprintf(&b, "lead: %s %s\n", yamldoc.Placeholder, note("a-lead", lang))
	b.WriteString("# Optional:\n")
	b.WriteString("# subtitle: …\n")
	b.WriteString("# reporters: [刘兰星, 杨光]\n")
	b.WriteString("# credits: {editor: …, designer: …, proofreader: …, layout: …}\n")
	b.WriteString("# source: 青岛日报/观海新闻\n")
	b.WriteString("---\n\n")
	fmt.Fprintf(&b, "%s %s\n", yamldoc.Placeholder, note("a-body", lang))
	return []byte(b.String())
}

// ErrExists is returned when a new file would replace one that exists.
var ErrExists = errors.New("already exists")

// NewDepartment writes a skeleton for a department with slug into contentDir,
// placed after the departments of s and offering its groups. It returns the file
// written, and refuses a slug that is not valid or a file that exists.
func NewDepartment(contentDir, slug string, s *Site, langs []string) (string, error) {
	if err := checkNewSlug(slug); err != nil {
		return "", err
	}
	order := 1
	for _, d := range s.Departments {
		order = max(order, d.Order+1)
	}
	var groups []string
	for _, g := range s.Groups {
		if g.ID != "" {
			groups = append(groups, g.ID)
		}
	}
	path := filepath.Join(contentDir, "departments", slug+".yaml")
	return path, writeNew(path, relativeTo(filepath.Dir(contentDir))(path), DepartmentSkeleton(order, groups, langs))
}

// NewArticle writes a skeleton for an article with slug in every language, dated
// date, and returns the files written. It writes none when any of them exists.
func NewArticle(contentDir, slug string, langs []string, date time.Time) ([]string, error) {
	if err := checkNewSlug(slug); err != nil {
		return nil, err
	}
	var paths []string
	for _, l := range langs {
		p := filepath.Join(contentDir, "articles", slug+"."+l+".md")
		if _, err := os.Lstat(p); err == nil {
			return nil, fmt.Errorf("%s %w; choose another slug or edit it", relativeTo(filepath.Dir(contentDir))(p), ErrExists)
		}
		paths = append(paths, p)
	}
	for i, l := range langs {
		if err := writeNew(paths[i], relativeTo(filepath.Dir(contentDir))(paths[i]), ArticleSkeleton(l, date)); err != nil {
			for _, done := range paths[:i] {
				_ = os.Remove(done)
			}
			return nil, err
		}
	}
	return paths, nil
}

func checkNewSlug(slug string) error {
	if !SlugPattern.MatchString(slug) {
		return fmt.Errorf("%q is not a valid slug: use lower-case letters, digits and single hyphens, e.g. urban-renewal (it becomes the page's address)", slug)
	}
	return nil
}

// writeNew creates path with data, never replacing a file that exists. name is
// path as the editor knows it, for messages.
func writeNew(path, name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s %w; choose another slug or edit it", name, ErrExists)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		_ = os.Remove(path)
		return err
	}
	return f.Close()
}
