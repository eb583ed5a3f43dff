package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// Options says how big a site to make.
type Options struct {
	Departments int
	// From is the sequence number of the first department (0 unless said). The
	// first year's departments (the first 384) are the real report's bureaus,
	// whose names carry no city or year and whose files are about a quarter
	// shorter than the later ones': a site of 1,000 has 38% of them, one of
	// 10,000 only 4%. From 384 on, the two sizes hold departments of the same
	// kind, which is what a measure of how cost grows with their number needs.
	From int
	// Seed picks the text; the same seed and size give the same bytes.
	Seed uint64
	// Editions, when more than 0, makes a publication of that many editions
	// (content/editions/<n>/) of Departments department appearances in all:
	// an equal share each, and every department in two editions, the second
	// time with a pledge that makes its first pledge again. Half the
	// departments, and so half the distinct slugs, of a site of one edition
	// of the same size. 0 is the one-edition layout.
	Editions int
}

// Site is a generated site, independent of either generator's file format.
type Site struct {
	Groups      []Group
	Departments []Department
	Articles    []Article
	// Editions are the publication's editions, oldest first; nil for a site
	// of one edition in the one-edition layout.
	Editions []Edition
}

// Edition is one session of the arena: its number is its folder's name.
type Edition struct {
	Number int
	Date   string // YYYY-MM-DD
	Title  pair
}

// Group is a section of the summary: one theme in one year.
type Group struct {
	ID    string
	Title pair
}

// Department is one department's record and pledge, in one edition.
type Department struct {
	Slug string
	// Edition is the number of the edition it stands in; 0 in the
	// one-edition layout.
	Edition     int
	Order       int
	Group       string
	Name        pair
	Leader      pair
	LeaderTitle pair
	Record      []Achievement
	Pledges     []Pledge
	Statement   pair // Markdown
}

// Achievement is one claim of a department's record, with the figures it states.
type Achievement struct {
	Text    pair
	Metrics []Metric
}

// Metric is a figure a claim states, which the department page charts with the
// others of its unit.
type Metric struct {
	Value int
	Unit  string
	Noun  *noun // what a count in 个 counts; nil in 亿元
	Label pair
}

// Pledge is one commitment.
type Pledge struct {
	Text   pair
	Target *Target
	Due    string // YYYY-MM-DD or ""
	// DueWords are the pledge's words the date rests on (年底前, stated; 全年,
	// inferred).
	DueWords    string
	DueInferred bool
	Status      string
	// Update is the news that rated the pledge; every status but not-rated has
	// one, since a verdict needs a source.
	Update *Update
	// Again is the edition whose pledge of the same number this one makes
	// again (0 for none).
	Again int
}

// Update is a dated note, with its source, that moved a pledge to its status.
type Update struct {
	Date   string
	Text   pair
	Source string
}

// Target is a pledge's measurable goal.
type Target struct {
	Value   int
	Unit    string
	Noun    *noun // what a count in 个 counts; nil in 亿元
	Compare string
}

// Article is the report of one arena: ten departments, in both languages.
type Article struct {
	Slug string
	// Edition is the number of the edition it reports; 0 in the one-edition
	// layout.
	Edition  int
	Date     string
	Title    pair
	Subtitle pair
	Lead     pair
	Body     pair // Markdown
}

// perYear is how many departments one year's edition holds: every bureau of every
// city. Beyond it the archive goes on to the next year.
var perYear = len(places) * len(bureaus)

// perArena is how many departments stand in one arena, and so one article.
const perArena = 10

const firstYear = 2022

// New generates a site of o.Departments departments. Department i is the same
// whatever the size, so a larger corpus extends a smaller one.
func New(o Options) *Site {
	if o.Editions > 0 {
		return newEditions(o)
	}
	s := &Site{Departments: make([]Department, o.Departments)}
	for y := o.From / perYear; y <= (o.From+o.Departments-1)/perYear; y++ {
		for t, th := range themes {
			title := th
			if y > 0 {
				title = pair{fmt.Sprintf("%d年 · %s", firstYear+y, th.zh), fmt.Sprintf("%d: %s", firstYear+y, th.en)}
			}
			s.Groups = append(s.Groups, Group{ID: groupID(y, t), Title: title})
		}
	}
	for i := range s.Departments {
		s.Departments[i] = department(o.Seed, o.From+i)
	}
	for i := range s.Departments {
		s.Departments[i].Statement = statement(rng(o.Seed, o.From+i, 1), s.Departments, i)
	}
	for a := 0; a*perArena < o.Departments; a++ {
		lo, hi := a*perArena, min((a+1)*perArena, o.Departments)
		n := o.From/perArena + a
		s.Articles = append(s.Articles, article(rng(o.Seed, n, 2), n, s.Departments[lo:hi]))
	}
	return s
}

// newEditions generates a publication of o.Editions editions holding
// o.Departments department appearances. Edition e (from 0) holds the
// departments whose sequence numbers run from e·per/2 on, per of them
// (wrapping round), so each department stands in two editions in turn, and
// each edition's second half returns in the next. An appearance's record,
// pledges and statement are those of the department of the same sequence
// number in a site of one edition: the two layouts hold the same text.
func newEditions(o Options) *Site {
	per := o.Departments / o.Editions
	distinct := per * o.Editions / 2
	s := &Site{Departments: make([]Department, 0, per*o.Editions)}
	for t, th := range themes {
		s.Groups = append(s.Groups, Group{ID: groupID(0, t), Title: th})
	}
	first := map[string]int{} // slug → the edition it first stood in
	for e := 0; e < o.Editions; e++ {
		n := e + 1
		s.Editions = append(s.Editions, Edition{
			Number: n,
			Date:   time.Date(firstYear, 1, 3+7*e, 0, 0, 0, 0, time.UTC).Format("2006-01-02"),
			Title:  pair{fmt.Sprintf("第%d期“部门擂台”", n), fmt.Sprintf("Department Arena, session %d", n)},
		})
		for k := 0; k < per; k++ {
			j := (e*per/2 + k) % distinct // the department
			a := len(s.Departments)       // the appearance: its text
			d := department(o.Seed, o.From+a)
			who := department(o.Seed, o.From+j)
			// Every edition reports under the same three headings.
			theme := (o.From + j) % perYear % len(bureaus) % len(themes)
			d.Slug, d.Name, d.Group, d.Order, d.Edition = who.Slug, who.Name, groupID(0, theme), k+1, n
			if f, ok := first[d.Slug]; ok && len(d.Pledges) > 0 {
				d.Pledges[0].Again = f
			} else {
				first[d.Slug] = n
			}
			s.Departments = append(s.Departments, d)
		}
	}
	for i := range s.Departments {
		s.Departments[i].Statement = statement(rng(o.Seed, o.From+i, 1), s.Departments, i)
	}
	for e := range s.Editions {
		depts := s.Departments[e*per : (e+1)*per]
		for a := 0; a*perArena < per; a++ {
			n := len(s.Articles)
			s.Articles = append(s.Articles, article(rng(o.Seed, n, 2), n, depts[a*perArena:min((a+1)*perArena, per)]))
			s.Articles[n].Edition = e + 1
		}
	}
	return s
}

// rng is the random source for one item, so items can be made in any order.
func rng(seed uint64, i, stream int) *rand.Rand {
	return rand.New(rand.NewPCG(seed, uint64(i)<<8|uint64(stream)))
}

func groupID(year, theme int) string {
	ids := []string{"demand", "factors", "wellbeing"}
	if year == 0 {
		return ids[theme]
	}
	return fmt.Sprintf("%s-%d", ids[theme], firstYear+year)
}

func department(seed uint64, i int) Department {
	r := rng(seed, i, 0)
	year, j := i/perYear, i%perYear
	b, pl := j%len(bureaus), j/len(bureaus)
	bu, p := bureaus[b], places[pl]
	d := Department{
		Slug:  p.slug + "-" + bu.slug,
		Order: i + 1,
		Group: groupID(year, b%len(themes)),
		Name:  pair{p.zh + "市" + bu.zh, p.en + " " + bu.en},
	}
	if p.slug == "qingdao" {
		d.Slug = bu.slug // the real site's addresses
	}
	if year > 0 {
		d.Slug += fmt.Sprintf("-%d", firstYear+year)
		d.Name.zh += fmt.Sprintf("（%d）", firstYear+year)
		d.Name.en += fmt.Sprintf(" (%d)", firstYear+year)
	}
	sn, gn := surnames[r.IntN(len(surnames))], givenNames[r.IntN(len(givenNames))]
	d.Leader = pair{sn.zh + gn.zh, sn.en + " " + gn.en}
	t := titles[r.IntN(len(titles))]
	d.LeaderTitle = pair{"市" + bu.zh + t.zh, t.en + " of the " + p.en + " " + bu.en}
	// Six departments in ten state their figures for charts, as in the real
	// report. The choice has its own random stream, so the text is the same
	// with or without.
	figures := rng(seed, i, 3).IntN(10) < 6
	for n := 4 + r.IntN(5); n > 0; n-- { // 4–8, six on average
		d.Record = append(d.Record, achievement(r, 1+r.IntN(2), figures))
	}
	for n := 5 + r.IntN(7); n > 0; n-- { // 5–11, eight on average
		d.Pledges = append(d.Pledges, pledge(r, firstYear+year))
	}
	return d
}

func pledge(r *rand.Rand, year int) Pledge {
	c := pledgeClauses[r.IntN(len(pledgeClauses))]
	v := slots(r)
	p := Pledge{Text: capital(fill(c, v)), Status: "not-rated"}
	switch {
	case strings.Contains(c.zh, "{y}"):
		p.Target = &Target{Value: v.y, Unit: "亿元", Compare: "at-least"}
	case strings.Contains(c.zh, "{n}"):
		n := counts[c.zh]
		p.Target = &Target{Value: v.n, Unit: "个", Noun: &n, Compare: "at-least"}
	}
	// A pledge falls due when its words say so: by the year's end (年底前), or,
	// as the editors read 全年, at the end of the year too. The draw stays, so
	// the text after it is what it was.
	_ = r.IntN(3)
	switch {
	case strings.Contains(c.zh, "年底前"):
		p.Due, p.DueWords = fmt.Sprintf("%d-12-31", year), "年底前"
	case strings.Contains(c.zh, "全年"):
		p.Due, p.DueWords, p.DueInferred = fmt.Sprintf("%d-12-31", year), "全年", true
	}
	if year > firstYear {
		p.Status = statuses[r.IntN(len(statuses))]
	}
	if p.Status != "not-rated" {
		n := updateNotes[r.IntN(len(updateNotes))]
		p.Update = &Update{
			Date:   fmt.Sprintf("%d-%02d-%02d", year, 1+r.IntN(12), 1+r.IntN(28)),
			Text:   n,
			Source: fmt.Sprintf("https://news.example.org/%d/%06d", year, r.IntN(1000000)),
		}
	}
	return p
}

// updateNotes are what a newspaper reports when it checks a pledge.
var updateNotes = []pair{
	{"记者回访：相关工作已按计划推进", "A follow-up by our reporters found the work going ahead as planned"},
	{"部门通报年度目标完成情况", "The department reported how far it met its annual target"},
	{"市政府工作报告公布了最新进展", "The city government's work report gave the latest figures"},
	{"审计报告指出任务未按期完成", "An audit report found the task was not finished on time"},
}

var statuses = []string{"not-rated", "in-progress", "stalled", "achieved", "partly-achieved", "missed"}

// achievement joins n record clauses into one claim, as sentence does (drawing
// the same random numbers), with a metric for each figure that has a label
// when figures is true.
func achievement(r *rand.Rand, n int, figures bool) Achievement {
	var zh, en []string
	var a Achievement
	for k := 0; k < n; k++ {
		c := records[r.IntN(len(records))]
		v := slots(r)
		f := fill(c, v)
		zh, en = append(zh, f.zh), append(en, f.en)
		if fig, ok := recordFigures[c.zh]; ok && figures {
			n := counts[c.zh]
			m := Metric{Value: v.n, Unit: "个", Noun: &n, Label: fig}
			if strings.Contains(c.zh, "{y}") {
				m = Metric{Value: v.y, Unit: "亿元", Label: fig}
			}
			a.Metrics = append(a.Metrics, m)
		}
	}
	a.Text = capital(pair{strings.Join(zh, "，"), strings.Join(en, "; ")})
	return a
}

// sentence joins n clauses from list into one sentence.
func sentence(r *rand.Rand, list []pair, n int) pair {
	var zh, en []string
	for k := 0; k < n; k++ {
		c := fill(list[r.IntN(len(list))], slots(r))
		zh, en = append(zh, c.zh), append(en, c.en)
	}
	return capital(pair{strings.Join(zh, "，"), strings.Join(en, "; ")})
}

// statement is the leader's Markdown statement: paragraphs of pledges, some
// emphasis, sometimes a list, and now and then a link to a neighbour department.
func statement(r *rand.Rand, all []Department, i int) pair {
	var zh, en strings.Builder
	paras := 2 + r.IntN(2)
	for k := 0; k < paras; k++ {
		if k > 0 {
			zh.WriteString("\n")
			en.WriteString("\n")
		}
		for n := 2 + r.IntN(3); n > 0; n-- {
			c := connectors[r.IntN(len(connectors))]
			s := sentence(r, pledgeClauses, 1+r.IntN(3))
			s.en = strings.ToLower(s.en[:1]) + s.en[1:]
			if r.IntN(4) == 0 {
				s = pair{"**" + s.zh + "**", "**" + s.en + "**"}
			}
			zh.WriteString(c.zh + s.zh + "。")
			en.WriteString(c.en + s.en + ". ")
		}
		if k == 0 && i > 0 && r.IntN(3) == 0 {
			o := all[r.IntN(i)]
			fmt.Fprintf(&zh, "我们将与[%s](/departments/%s/)加强协作。", o.Name.zh, o.Slug)
			fmt.Fprintf(&en, "We will work closely with the [%s](/departments/%s/).", o.Name.en, o.Slug)
		}
		zh.WriteString("\n")
		en.WriteString("\n")
		if k == 0 && r.IntN(3) == 0 {
			zh.WriteString("\n")
			en.WriteString("\n")
			for n := 2 + r.IntN(3); n > 0; n-- {
				c := capital(fill(pledgeClauses[r.IntN(len(pledgeClauses))], slots(r)))
				zh.WriteString("- " + c.zh + "\n")
				en.WriteString("- " + c.en + "\n")
			}
		}
	}
	return pair{zh.String(), strings.TrimRight(en.String(), " ")}
}

// article reports one arena: an introduction, a section per theme with a
// paragraph per department linking to its page, the shortcomings named, quoted.
func article(r *rand.Rand, a int, depts []Department) Article {
	year := firstYear + (depts[0].Order-1)/perYear
	art := Article{
		Slug: fmt.Sprintf("arena-%d-%04d", year, a+1),
		Date: fmt.Sprintf("%d-%02d-%02d", year, 1+a%12, 1+a%28),
		Title: pair{fmt.Sprintf("上“擂台”话“实干”：%d个部门冲刺决胜全年目标", len(depts)),
			fmt.Sprintf("Talking about real work in the arena: %d departments sprint for the year's goals", len(depts))},
		Subtitle: pair{"在作风能力提升年“部门擂台”上，各部门亮绩赛绩、查摆差距，明确下步举措",
			"At the Department Arena, departments showed their results, named their shortcomings and set out their next steps"},
		Lead: pair{"真抓才能攻坚克难，实干才能梦想成真。", "Only by truly grasping the work can difficulties be overcome; only by doing real work can dreams come true."},
	}
	var zh, en strings.Builder
	intro := sentence(r, records, 2)
	fmt.Fprintf(&zh, "在“部门擂台”上，%d个部门亮绩赛绩、查摆差距。%s。\n", len(depts), intro.zh)
	fmt.Fprintf(&en, "At the Department Arena, %d departments showed their results and named their shortcomings. %s.\n", len(depts), intro.en)
	for h, hd := range headings[:3] {
		fmt.Fprintf(&zh, "\n## %s\n", hd.zh)
		fmt.Fprintf(&en, "\n## %s\n", hd.en)
		for k, d := range depts {
			if k%3 != h {
				continue
			}
			rec := sentence(r, records, 3)
			fmt.Fprintf(&zh, "\n[%s](/departments/%s/)%s。%s。\n", d.Name.zh, d.Slug, rec.zh, d.Pledges[0].Text.zh)
			fmt.Fprintf(&en, "\nThe [%s](/departments/%s/) %s. It pledged to %s.\n", d.Name.en, d.Slug, lower(rec.en), lower(d.Pledges[0].Text.en))
		}
	}
	fmt.Fprintf(&zh, "\n## %s\n", headings[3].zh)
	fmt.Fprintf(&en, "\n## %s\n", headings[3].en)
	for n := 2 + r.IntN(2); n > 0; n-- {
		q := quotes[r.IntN(len(quotes))]
		fmt.Fprintf(&zh, "\n> “%s”\n", q.zh)
		fmt.Fprintf(&en, "\n> “%s”\n", q.en)
	}
	art.Body = pair{zh.String(), en.String()}
	return art
}

// values are one clause's numbers, the same in both languages.
type values struct {
	n, y, o int
	p       float64
}

func slots(r *rand.Rand) values {
	return values{n: 2 + r.IntN(500), y: 5 + r.IntN(900), o: 1 + r.IntN(10), p: float64(10+r.IntN(990)) / 10}
}

var ordinals = []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

// fill puts the numbers into a clause's slots.
func fill(c pair, v values) pair {
	rep := strings.NewReplacer(
		"{n}", fmt.Sprint(v.n),
		"{p}", fmt.Sprintf("%.1f", v.p),
		"{y}", fmt.Sprint(v.y),
		"{b}", fmt.Sprintf("%.1f", float64(v.y)/10),
		"{o}", fmt.Sprint(v.o),
		"{oth}", ordinals[v.o],
	)
	return pair{rep.Replace(c.zh), rep.Replace(c.en)}
}

func capital(p pair) pair {
	if p.en != "" {
		p.en = strings.ToUpper(p.en[:1]) + p.en[1:]
	}
	return p
}

func lower(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
