package opendata

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"strconv"

	"leitai/generator/internal/content"
	"leitai/generator/internal/site"
)

// The names of the files written per language, under <lang>/data/.
const (
	JSONFile   = "pledges.json"
	CSVFile    = "pledges.csv"
	SchemaFile = "pledges.schema.json"
)

// Schema is the JSON Schema of pledges.json, published beside it.
//
//go:embed pledges.schema.json
var Schema []byte

// Writer receives files: the build's output, on disk or in memory.
type Writer interface {
	WriteFile(rel string, data []byte) error
}

// Write writes the data files of every language into w.
func Write(w Writer, plan *site.Plan, s *content.Site) error {
	for _, lang := range plan.Config().Languages {
		d := New(plan, s, lang)
		j, err := d.JSON()
		if err != nil {
			return err
		}
		c, err := d.CSV()
		if err != nil {
			return err
		}
		files := []struct {
			name string
			data []byte
		}{{JSONFile, j}, {CSVFile, c}, {SchemaFile, Schema}}
		for _, f := range files {
			if err := w.WriteFile(site.DataPath(lang.Code, f.name), f.data); err != nil {
				return err
			}
		}
	}
	return nil
}

// JSON encodes the dataset, indented so that a diff between two builds reads well.
func (d *Dataset) JSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	// Readers open the file in a browser; "<" in a pledge should read as "<".
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// CSVHeader names the columns of pledges.csv. They are the same in every
// language, so one script reads both files.
var CSVHeader = []string{
	"department_slug", "department_order", "group_id", "group_title", "department", "leader_name", "leader_title",
	"pledge_number", "pledge", "target_value", "target_unit", "target_compare", "due", "status", "url",
}

// bom makes Excel read the file as UTF-8; without it, Chinese turns to mojibake.
var bom = []byte{0xEF, 0xBB, 0xBF}

// CSV encodes the pledges, one row per pledge, with CRLF line ends (RFC 4180).
func (d *Dataset) CSV() ([]byte, error) {
	var buf bytes.Buffer
	buf.Write(bom)
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.Write(CSVHeader); err != nil {
		return nil, err
	}
	for _, dep := range d.Departments {
		for _, p := range dep.Pledges {
			var value, unit, compare string
			if p.Target != nil {
				value = strconv.FormatFloat(p.Target.Value, 'f', -1, 64)
				unit, compare = p.Target.Unit, p.Target.Compare
			}
			row := []string{
				dep.Slug, strconv.Itoa(dep.Order), dep.Group.ID, dep.Group.Title, dep.Name, dep.Leader.Name, dep.Leader.Title,
				strconv.Itoa(p.Number), p.Text, value, unit, compare, p.Due, p.Status, dep.URL,
			}
			if err := w.Write(row); err != nil {
				return nil, err
			}
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}
