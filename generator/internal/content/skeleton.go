package content

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
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
	"then":        {"zh": "上次登台时为：", "en": "when it last stood in the arena: "},
	"a-title":     {"zh": "标题", "en": "the headline"},
	"a-lead":      {"zh": "导语", "en": "the lead, one or two sentences that open the report"},
	"a-body":      {"zh": "正文（Markdown）。链接到部门时写 `[市财政局](/departments/finance/)`，不写语言。", "en": "the report, in Markdown. Link to a department as `[Finance](/departments/finance/)`, without the language."},
	"e-title":     {"zh": "本期标题，如：冲刺姿态决胜全年目标", "en": "the edition's title, e.g. Sprinting to the year's goals"},
	"e-series":    {"zh": "系列名称，如：作风能力提升年“部门擂台”", "en": "the series' name, e.g. “Department Arena” of the Year of Improving Work Style and Capability"},
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
	return departmentSkeleton(draft{order: order, groups: groups, langs: langs, schema: "../../schema/department.schema.json"})
}

// draft is what a new department file starts from.
type draft struct {
	order  int
	groups []string
	langs  []string
	// schema is the schema's path from the file, for the editor's tools.
	schema string
	// before is the department in an earlier edition, whose name and group
	// the file reuses, and whose pledges it offers to link to; nil for a
	// department new to the publication.
	before *Department
	// editions is true on a site of several editions, where a pledge may
	// link to an earlier one.
	editions bool
}

func departmentSkeleton(d draft) []byte {
	var b strings.Builder
	langs := d.langs
	text := func(indent, key string) {
		for _, l := range langs {
			fmt.Fprintf(&b, "%s%s: %s %s\n", indent, l, yamldoc.Placeholder, note(key, l))
		}
	}
	// given writes t as the earlier edition has it, or the placeholders.
	given := func(indent, key string, t Text) {
		if d.before == nil {
			text(indent, key)
			return
		}
		for _, l := range langs {
			if v := t.In(l); v != "" {
				fmt.Fprintf(&b, "%s%s: %s\n", indent, l, yamldoc.Scalar(v))
			} else {
				fmt.Fprintf(&b, "%s%s: %s %s\n", indent, l, yamldoc.Placeholder, note(key, l))
			}
		}
	}
	// was writes the placeholders with what the earlier edition said, for
	// the editor to confirm or change: a leader may have changed.
	was := func(indent, key string, t Text) {
		for _, l := range langs {
			n := note(key, l)
			if d.before != nil && t.In(l) != "" {
				n += "; " + note("then", l) + t.In(l)
			}
			fmt.Fprintf(&b, "%s%s: %s %s\n", indent, l, yamldoc.Placeholder, n)
		}
	}
	fmt.Fprintf(&b, "# yaml-language-server: $schema=%s\n", d.schema)
	if d.before != nil {
		fmt.Fprintf(&b, "# The department again, as in edition %s: its name and group are that edition's.\n", d.before.EditionID)
		fmt.Fprintf(&b, "# Replace every %s and the note after it, in every language,\n", yamldoc.Placeholder)
	} else {
		fmt.Fprintf(&b, "# A new department. Replace every %s and the note after it, in every language,\n", yamldoc.Placeholder)
	}
	b.WriteString("# then run `go run ./generator check`. Every field: docs/content-format.md\n")
	fmt.Fprintf(&b, "order: %d                 # place on the summary; unique\n", d.order)
	if d.before != nil && d.before.Group != "" {
		fmt.Fprintf(&b, "group: %s               # one of: %s (content/groups.yaml)\n", d.before.Group, strings.Join(d.groups, ", "))
	} else {
		fmt.Fprintf(&b, "group: %s               # one of: %s (content/groups.yaml)\n", yamldoc.Placeholder, strings.Join(d.groups, ", "))
	}
	var name Text
	var leader Leader
	if d.before != nil {
		name, leader = d.before.Name, d.before.Leader
	}
	b.WriteString("name:\n")
	given("  ", "name", name)
	b.WriteString("leader:\n  name:\n")
	was("    ", "leader", leader.Name)
	b.WriteString("  title:\n")
	was("    ", "title", leader.Title)
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
	if p := d.before; p != nil {
		// The earlier edition's pledges, ready to link to: the same
		// commitment made again, or a follow-up of it.
		fmt.Fprintf(&b, "    # again: {edition: %s, pledge: N}     # the same commitment as edition %s's pledge N, made again;\n", p.EditionID, p.EditionID)
		fmt.Fprintf(&b, "    # follows: {edition: %s, pledge: N}   # or a follow-up of it. Its pledges then:\n", p.EditionID)
		for i, pl := range p.Pledges {
			ref := strconv.Itoa(i + 1)
			if pl.ID != "" {
				ref = pl.ID
			}
			fmt.Fprintf(&b, "    #   %s: %s\n", ref, firstLine(pl.Text.In(langs[0])))
		}
	} else if d.editions {
		b.WriteString("    # again: {edition: 2, department: finance, pledge: 3}   # the same commitment as an earlier\n")
		b.WriteString("    #   edition's pledge, made again; follows: for a follow-up of it\n")
	}
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

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
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

// NewDepartment writes a skeleton for a department with slug into an edition
// of the site s whose content is in contentDir: placed after the edition's
// departments, offering the groups. When the department stood in an earlier
// edition, the file starts from its name and group, and offers its pledges to
// link to. edition is the edition's id; "" means the site's only one. It
// returns the file written, and refuses a slug that is not valid, an edition
// that does not exist, or a file that exists.
func NewDepartment(contentDir, slug, edition string, s *Site, langs []string) (string, error) {
	if err := checkNewSlug(slug); err != nil {
		return "", err
	}
	e, dir, err := editionFor(contentDir, edition, s)
	if err != nil {
		return "", err
	}
	x := s.Index()
	d := draft{order: 1, langs: langs, editions: s.Layered, schema: "../../schema/department.schema.json"}
	if s.Layered {
		d.schema = "../../../../schema/department.schema.json"
	}
	for _, o := range x.Departments(e.ID) {
		d.order = max(d.order, o.Order+1)
	}
	for _, g := range s.Groups {
		if g.ID != "" {
			d.groups = append(d.groups, g.ID)
		}
	}
	// Its newest appearance before this edition.
	for _, a := range x.Appearances(slug) {
		if x.Before(a.EditionID, e.ID) {
			d.before = a
			break
		}
	}
	path := filepath.Join(dir, "departments", slug+".yaml")
	return path, writeNew(path, relativeTo(filepath.Dir(contentDir))(path), departmentSkeleton(d))
}

// editionFor finds the edition a new file goes into, and its folder: the one
// named, or, when none is, the site's only one.
func editionFor(contentDir, id string, s *Site) (*Edition, string, error) {
	var ids []string
	for _, e := range s.Editions {
		ids = append(ids, e.ID)
	}
	folder := func(e *Edition) string {
		if s.Layered {
			return filepath.Join(contentDir, "editions", e.ID)
		}
		return contentDir
	}
	if id == "" {
		if len(s.Editions) == 1 {
			return s.Editions[0], folder(s.Editions[0]), nil
		}
		return nil, "", fmt.Errorf("this site has several editions: say which with --edition <id> (%s)", strings.Join(ids, ", "))
	}
	for _, e := range s.Editions {
		if e.ID == id {
			return e, folder(e), nil
		}
	}
	if len(ids) == 1 && ids[0] == "" {
		return nil, "", fmt.Errorf("there is no edition %q: this site's content is one edition, without a number (add content/edition.yaml to give it one; docs/content-format.md, Editions)", id)
	}
	return nil, "", fmt.Errorf("there is no edition %q (editions: %s); start one with: go run ./generator new edition %s", id, strings.Join(ids, ", "), id)
}

// NewArticle writes a skeleton for an article with slug in every language,
// dated date, into an edition (as NewDepartment does), and returns the files
// written. It writes none when any of them exists.
func NewArticle(contentDir, slug, edition string, s *Site, langs []string, date time.Time) ([]string, error) {
	if err := checkNewSlug(slug); err != nil {
		return nil, err
	}
	for _, l := range langs {
		if a := s.Articles[slug][l]; a != nil {
			return nil, fmt.Errorf("%s %w: a report's slug is its address in every edition; choose another", a.File, ErrExists)
		}
	}
	_, dir, err := editionFor(contentDir, edition, s)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, l := range langs {
		p := filepath.Join(dir, "articles", slug+"."+l+".md")
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

// NewEdition writes content/editions/<id>/edition.yaml for a new edition of
// the site s, numbered after the newest (or by id, when id is a number) and of
// the newest edition's series, with the title and date to fill in. It returns
// the file written and the moves it made first.
//
// A site in the one-edition layout becomes a site of editions: its edition,
// named by content/edition.yaml, moves to content/editions/<its id>/ (its
// file, departments/ and articles/, the schema lines at their tops following),
// before the new edition is written beside it. Its pages keep their addresses.
// An edition no file names cannot move: the error says to name it first.
func NewEdition(contentDir, id string, s *Site, langs []string) (written string, moved [][2]string, err error) {
	if !SlugPattern.MatchString(id) {
		return "", nil, fmt.Errorf("%q is not a valid edition id: use lower-case letters, digits and single hyphens, e.g. 5 (it becomes the edition's address)", id)
	}
	for _, e := range s.Editions {
		if e.ID == id && (e.Named() || !s.Layered) {
			return "", nil, fmt.Errorf("edition %s %w: %s", id, ErrExists, e.File)
		}
	}
	rel := relativeTo(filepath.Dir(contentDir))
	if !s.Layered && len(s.Departments)+len(s.Articles) > 0 {
		present := s.Editions[0]
		if !present.Named() {
			return "", nil, fmt.Errorf("this site's content is one edition without a number: name it first in content/%s (number, date, title, series; docs/content-format.md, Editions), then run this again to move it into content/editions/<its number>/ beside the new one", EditionFile)
		}
		if moved, err = moveIntoEditions(contentDir, present.ID, rel); err != nil {
			return "", moved, err
		}
	}
	number := 1
	var series *Text
	for _, e := range s.Editions {
		if e.Named() {
			number, series = max(number, e.Number+1), &e.Series
		}
	}
	if n, err := strconv.Atoi(id); err == nil && n > 0 {
		number = n
	}
	path := filepath.Join(contentDir, "editions", id, EditionFile)
	return path, moved, writeNew(path, rel(path), EditionSkeleton(number, series, langs))
}

// moveIntoEditions moves the one edition of a site in the one-edition layout
// into content/editions/<id>/: its file, departments/ and articles/. It moves
// all or, when a move fails, puts back what it moved.
func moveIntoEditions(contentDir, id string, rel func(string) string) ([][2]string, error) {
	to := filepath.Join(contentDir, "editions", id)
	if err := os.MkdirAll(to, 0o755); err != nil {
		return nil, err
	}
	var moved [][2]string
	undo := func(err error) ([][2]string, error) {
		for i := len(moved) - 1; i >= 0; i-- {
			_ = os.Rename(filepath.Join(filepath.Dir(contentDir), moved[i][1]), filepath.Join(filepath.Dir(contentDir), moved[i][0]))
		}
		return nil, fmt.Errorf("moving the edition into %s: %w (nothing was moved)", rel(to), err)
	}
	for _, name := range []string{EditionFile, "departments", "articles"} {
		from := filepath.Join(contentDir, name)
		if _, err := os.Lstat(from); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		dest := filepath.Join(to, name)
		if _, err := os.Lstat(dest); err == nil {
			return undo(fmt.Errorf("%s %w", rel(dest), ErrExists))
		}
		if err := os.Rename(from, dest); err != nil {
			return undo(err)
		}
		moved = append(moved, [2]string{rel(from), rel(dest)})
	}
	// The schema line at the top of a file names the schema's path from the
	// file, two folders deeper now.
	files, _ := filepath.Glob(filepath.Join(to, "departments", "*.yaml"))
	for _, f := range append(files, filepath.Join(to, EditionFile)) {
		deepenSchemaLine(f)
	}
	return moved, nil
}

// deepenSchemaLine rewrites the schema line at the top of a file moved two
// folders deeper, when it has one.
func deepenSchemaLine(path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		return
	}
	const prefix = "# yaml-language-server: $schema="
	first, rest, _ := strings.Cut(string(data), "\n")
	ref, ok := strings.CutPrefix(first, prefix)
	if !ok || !strings.HasPrefix(ref, "../") {
		return
	}
	_ = os.WriteFile(path, []byte(prefix+"../../"+ref+"\n"+rest), 0o644)
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
