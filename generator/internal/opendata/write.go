package opendata

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"

	"leitai/generator/internal/content"
	"leitai/generator/internal/site"
)

// The names of the files written per language, under <lang>/data/: the plan
// names them, as it names every address the pages link to.
const (
	JSONFile   = site.DataJSON
	CSVFile    = site.DataCSV
	SchemaFile = site.DataSchema
)

// Schema is the JSON Schema of pledges.json, published beside it.
//
//go:embed pledges.schema.json
var Schema []byte

// Writer receives files: the build's output, on disk or in memory. The data
// files are streamed: at national scale they are tens of megabytes each.
type Writer interface {
	WriteFile(rel string, data []byte) error
	Stream(rel string, write func(io.Writer) error) error
}

// Write writes the data files of every language into w: the whole
// publication's, and on a site of several editions, each edition's beside its
// pages. An edition's files hold its departments as the publication's do, so
// each department is encoded once, into both.
func Write(w Writer, plan *site.Plan, s *content.Site) error {
	x := s.Index()
	for _, lang := range plan.Config().Languages {
		whole := New(plan, s, lang, nil)
		if !plan.Multi {
			if err := write(w, whole, lang.Code, ""); err != nil {
				return err
			}
			continue
		}
		// The publication's departments are in the editions' order: each
		// edition's are a run of them.
		var runs []editionRun
		for _, e := range s.Editions {
			n := len(x.Departments(e.ID))
			lo := 0
			if len(runs) > 0 {
				lo = runs[len(runs)-1].hi
			}
			runs = append(runs, editionRun{head: Head(plan, s, lang, e), prefix: plan.DataPrefix(e.ID), lo: lo, hi: lo + n})
		}
		if err := writeShared(w, whole, runs, lang.Code); err != nil {
			return err
		}
	}
	return nil
}

// editionRun is an edition's files: their head, and the departments [lo, hi)
// of the publication's dataset.
type editionRun struct {
	head   *Dataset
	prefix string
	lo, hi int
}

func write(w Writer, d *Dataset, lang, prefix string) error {
	if err := w.Stream(site.DataPathIn(lang, prefix, JSONFile), d.WriteJSON); err != nil {
		return err
	}
	if err := w.Stream(site.DataPathIn(lang, prefix, CSVFile), d.WriteCSV); err != nil {
		return err
	}
	return w.WriteFile(site.DataPathIn(lang, prefix, SchemaFile), Schema)
}

// writeShared writes the publication's files, and as each edition's run of
// departments is done, that edition's, from the same bytes.
func writeShared(w Writer, whole *Dataset, runs []editionRun, lang string) error {
	for _, format := range []struct {
		file  string
		write func(d *Dataset, out io.Writer, n int, part func(i int) ([]byte, error)) error
		own   func(d *Dataset) func(i int) ([]byte, error)
	}{
		{JSONFile, (*Dataset).writeJSON, (*Dataset).jsonPart},
		{CSVFile, (*Dataset).writeCSV, (*Dataset).csvPart},
	} {
		// An edition of no department yet (a new one, its departments still
		// to come) needs none of the publication's bytes; written here, it
		// cannot be missed when it comes last.
		for _, run := range runs {
			if run.hi == run.lo {
				if err := writeRun(w, run, 0, nil, format.file, format.write, lang); err != nil {
					return err
				}
			}
		}
		err := w.Stream(site.DataPathIn(lang, "", format.file), func(out io.Writer) error {
			own := format.own(whole)
			r := 0
			// The current edition's departments' bytes, one after the other,
			// and where each ends: one piece of memory, reused edition after
			// edition.
			var arena []byte
			var ends []int
			part := func(i int) ([]byte, error) {
				lo := 0
				if i > 0 {
					lo = ends[i-1]
				}
				return arena[lo:ends[i]], nil
			}
			return format.write(whole, out, len(whole.Departments), func(i int) ([]byte, error) {
				b, err := own(i)
				if err != nil {
					return nil, err
				}
				for r < len(runs) && runs[r].hi == runs[r].lo { // written above
					r++
				}
				arena = append(arena, b...)
				ends = append(ends, len(arena))
				if r < len(runs) && i+1 == runs[r].hi {
					if err := writeRun(w, runs[r], len(ends), part, format.file, format.write, lang); err != nil {
						return nil, err
					}
					r, arena, ends = r+1, arena[:0], ends[:0]
				}
				return b, nil
			})
		})
		if err != nil {
			return err
		}
	}
	for _, prefix := range append([]string{""}, runPrefixes(runs)...) {
		if err := w.WriteFile(site.DataPathIn(lang, prefix, SchemaFile), Schema); err != nil {
			return err
		}
	}
	return nil
}

func runPrefixes(runs []editionRun) []string {
	out := make([]string, len(runs))
	for i, r := range runs {
		out[i] = r.prefix
	}
	return out
}

// writeRun writes an edition's file of one format from its departments' bytes.
func writeRun(w Writer, run editionRun, n int, part func(i int) ([]byte, error), file string, write func(d *Dataset, out io.Writer, n int, part func(i int) ([]byte, error)) error, lang string) error {
	return w.Stream(site.DataPathIn(lang, run.prefix, file), func(out io.Writer) error {
		return write(run.head, out, n, part)
	})
}

// JSON encodes the dataset, indented so that a diff between two builds reads well.
func (d *Dataset) JSON() ([]byte, error) {
	var buf bytes.Buffer
	err := d.WriteJSON(&buf)
	return buf.Bytes(), err
}

// WriteJSON writes what JSON returns, a department at a time, so the whole
// document is never in memory. The bytes are those of encoding/json's indented
// encoding of the Dataset (a test holds them to it).
func (d *Dataset) WriteJSON(w io.Writer) error {
	return d.writeJSON(w, len(d.Departments), d.jsonPart())
}

// jsonPart encodes the dataset's departments one at a time, as they stand in
// its list; the bytes are reused by the next call.
func (d *Dataset) jsonPart() func(i int) ([]byte, error) {
	var (
		buf      bytes.Buffer
		indented []byte
	)
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	return func(i int) ([]byte, error) {
		buf.Reset()
		if err := enc.Encode(&d.Departments[i]); err != nil {
			return nil, err
		}
		indented = appendIndented(indented[:0], bytes.TrimSuffix(buf.Bytes(), []byte("\n")), "    ", "  ")
		return indented, nil
	}
}

// writeJSON writes the dataset's head, then n departments, each as part
// gives it, indented as it stands in the list.
func (d *Dataset) writeJSON(w io.Writer, n int, part func(i int) ([]byte, error)) error {
	var (
		buf      bytes.Buffer
		indented []byte
	)
	enc := json.NewEncoder(&buf)
	// Readers open the file in a browser; "<" in a pledge should read as "<".
	enc.SetEscapeHTML(false)
	// value writes v as it stands at the first level of the document. It
	// encodes compactly and indents with appendIndented: encoding/json's own
	// indentation runs every byte through its scanner again, which was a
	// twentieth of a large build.
	value := func(v any) error {
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		indented = appendIndented(indented[:0], bytes.TrimSuffix(buf.Bytes(), []byte("\n")), "  ", "  ")
		_, err := w.Write(indented)
		return err
	}
	head := []struct {
		key string
		v   any
	}{
		{"$schema", d.Schema}, {"schema_version", d.SchemaVersion}, {"language", d.Language},
		{"lang", d.Lang}, {"title", d.Title}, {"url", d.URL}, {"editions", d.Editions}, {"groups", d.Groups},
	}
	if _, err := io.WriteString(w, "{\n"); err != nil {
		return err
	}
	for _, f := range head {
		if f.key == "editions" && len(d.Editions) == 0 {
			continue // omitempty, as encoding/json would
		}
		if _, err := fmt.Fprintf(w, "  %q: ", f.key); err != nil {
			return err
		}
		if err := value(f.v); err != nil {
			return err
		}
		if _, err := io.WriteString(w, ",\n"); err != nil {
			return err
		}
	}
	if _, err := io.WriteString(w, `  "departments": `); err != nil {
		return err
	}
	switch {
	case n == 0:
		// nil encodes as null, an empty list as [].
		if err := value(d.Departments); err != nil {
			return err
		}
	default:
		if _, err := io.WriteString(w, "[\n"); err != nil {
			return err
		}
		for i := range n {
			b, err := part(i)
			if err != nil {
				return err
			}
			sep := ",\n"
			if i == n-1 {
				sep = "\n"
			}
			if _, err := io.WriteString(w, "    "); err != nil {
				return err
			}
			if _, err := w.Write(b); err != nil {
				return err
			}
			if _, err := io.WriteString(w, sep); err != nil {
				return err
			}
		}
		if _, err := io.WriteString(w, "  ]"); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "\n}\n")
	return err
}

// CSVHeader names the columns of pledges.csv. They are the same in every
// language, so one script reads both files. A site that names its editions
// adds EditionColumns at the end.
var CSVHeader = []string{
	"department_slug", "department_order", "group_id", "group_title", "department", "leader_name", "leader_title",
	"pledge_number", "pledge", "target_value", "target_unit", "target_compare", "due", "status", "url",
	"target_figure", "scope_value", "scope_unit", "scope_figure", "due_basis", "due_words",
}

// EditionColumns are the edition of each pledge, and the earlier pledge it
// renews ("again") or follows up ("follows"), by edition, department and
// number.
var EditionColumns = []string{
	"edition_id", "edition_number", "edition_date", "link", "link_edition", "link_department", "link_pledge_number",
}

// bom makes Excel read the file as UTF-8; without it, Chinese turns to mojibake.
var bom = []byte{0xEF, 0xBB, 0xBF}

// CSV encodes the pledges, one row per pledge, with CRLF line ends (RFC 4180).
func (d *Dataset) CSV() ([]byte, error) {
	var buf bytes.Buffer
	err := d.WriteCSV(&buf)
	return buf.Bytes(), err
}

// WriteCSV writes what CSV returns, a row at a time.
func (d *Dataset) WriteCSV(out io.Writer) error {
	return d.writeCSV(out, len(d.Departments), d.csvPart())
}

// writeCSV writes the byte-order mark and the header, then the rows of n
// departments, each department's as part gives them.
func (d *Dataset) writeCSV(out io.Writer, n int, part func(i int) ([]byte, error)) error {
	if _, err := out.Write(bom); err != nil {
		return err
	}
	w := csv.NewWriter(out)
	w.UseCRLF = true
	header := CSVHeader
	if len(d.Editions) > 0 {
		header = append(slices.Clip(CSVHeader), EditionColumns...)
	}
	if err := w.Write(header); err != nil {
		return err
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	for i := range n {
		b, err := part(i)
		if err != nil {
			return err
		}
		if _, err := out.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// csvPart writes the rows of the dataset's departments one at a time, one row
// per pledge; the bytes are reused by the next call.
func (d *Dataset) csvPart() func(i int) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	editions := len(d.Editions) > 0
	// One row, refilled for each pledge: csv.Writer keeps none of it.
	row := make([]string, 0, len(CSVHeader)+len(EditionColumns))
	return func(i int) ([]byte, error) {
		buf.Reset()
		dep := d.Departments[i]
		for _, p := range dep.Pledges {
			var value, unit, compare, fig, scopeValue, scopeUnit, scopeFig string
			if p.Target != nil {
				value = strconv.FormatFloat(p.Target.Value, 'f', -1, 64)
				unit, compare, fig = p.Target.Unit, p.Target.Compare, p.Target.Figure
			}
			if p.Scope != nil {
				scopeValue = strconv.FormatFloat(p.Scope.Value, 'f', -1, 64)
				scopeUnit, scopeFig = p.Scope.Unit, p.Scope.Figure
			}
			// Text cells are guarded against spreadsheets' formulas; slugs,
			// numbers, dates, statuses and URLs cannot start like one.
			row = append(row[:0],
				dep.Slug, strconv.Itoa(dep.Order), dep.Group.ID, guard(dep.Group.Title), guard(dep.Name), guard(dep.Leader.Name), guard(dep.Leader.Title),
				strconv.Itoa(p.Number), guard(p.Text), value, guard(unit), compare, p.Due, p.Status, dep.URL,
				guard(fig), scopeValue, guard(scopeUnit), guard(scopeFig), p.DueBasis, guard(p.DueWords),
			)
			if editions {
				row = appendEditionCells(row, p)
			}
			if err := w.Write(row); err != nil {
				return nil, err
			}
		}
		w.Flush()
		return buf.Bytes(), w.Error()
	}
}

// appendEditionCells appends a pledge's cells of EditionColumns to row.
func appendEditionCells(row []string, p Pledge) []string {
	var id, number, date string
	if e := p.Edition; e != nil {
		id, number, date = e.ID, strconv.Itoa(e.Number), e.Date
	}
	row = append(row, id, number, date)
	kind, l := "again", p.Again
	if l == nil {
		kind, l = "follows", p.Follows
	}
	if l == nil {
		return append(row, "", "", "", "")
	}
	return append(row, kind, l.Edition, l.Department, strconv.Itoa(l.Number))
}

// appendIndented appends src, compact JSON as encoding/json writes it, indented
// exactly as json.Indent indents it: each element on a line of its own starting
// with prefix and one indent per level, ": " after a key, and empty objects and
// arrays left as {} and []. Only strings need reading carefully, for escaped
// quotes; everything else is one byte at a time.
func appendIndented(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"':
			j := i + 1
			for j < len(src) {
				k := bytes.IndexAny(src[j:], `"\`)
				if k < 0 {
					j = len(src)
					break
				}
				j += k
				if src[j] == '"' {
					break
				}
				j += 2 // a backslash and the character it escapes
			}
			end := min(j+1, len(src))
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
