package content

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"leitai/generator/internal/diag"
)

// The seed corpus is in testdata/fuzz/<FuzzName>/: the real departments and
// articles, and broken and hostile variants. `go test` runs it as ordinary
// tests; `go test -fuzz FuzzDecodeDepartment ./generator/internal/content`
// searches further.

func FuzzDecodeDepartment(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var problems diag.List
		d := DecodeDepartment("content/departments/x.yaml", data, langs, &problems)
		if d == nil {
			t.Fatal("nil department")
		}
		checkProblems(t, data, problems)
		if problems.HasErrors() {
			return
		}
		// No problem means a department that can be published.
		if d.Order < 1 || d.Group == "" || len(d.Record) == 0 || len(d.Pledges) == 0 {
			t.Fatalf("accepted an incomplete department: %+v", d)
		}
		for _, p := range d.Pledges {
			if !oneOf(p.Status, Statuses) {
				t.Fatalf("accepted status %q", p.Status)
			}
			if p.Target != nil {
				checkValue(t, p.Target.Value)
			}
		}
		for _, a := range d.Record {
			for _, m := range a.Metrics {
				checkValue(t, m.Value)
			}
		}
		d.eachText(func(txt *Text) {
			if !txt.Decoded {
				t.Fatalf("%s not decoded, yet no problem", txt.Field)
			}
			for _, v := range txt.Langs {
				if strings.TrimSpace(v.Value) == "" {
					t.Fatalf("%s: empty text accepted", txt.Field)
				}
			}
		})
	})
}

func FuzzDecodeArticle(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var problems diag.List
		a := DecodeArticle("content/articles/x.zh.md", data, langs, &problems)
		if a == nil {
			t.Fatal("nil article for a valid file name")
		}
		checkProblems(t, data, problems)
		if problems.HasErrors() {
			return
		}
		if a.Title == "" || a.Lead == "" || a.Date.IsZero() {
			t.Fatalf("accepted an article without title, lead or date: %+v", a)
		}
		if !utf8.Valid(a.Body) {
			t.Fatal("accepted a body that is not UTF-8")
		}
		if i := bytes.IndexFunc(a.Body, func(r rune) bool {
			return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f || r >= 0x80 && r <= 0x9f
		}); i >= 0 {
			t.Fatalf("accepted a body with the control character %q", a.Body[i:i+1])
		}
		if a.BodyLine < 3 {
			t.Fatalf("body starts on line %d", a.BodyLine)
		}
	})
}

// checkValue asserts that an accepted value is one a page can show.
func checkValue(t *testing.T, v float64) {
	t.Helper()
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > MaxQuantity {
		t.Fatalf("accepted the value %v", v)
	}
}

// checkProblems asserts what every report must be: in the file, at a line that
// exists, with a message, and printable without panicking.
func checkProblems(t *testing.T, data []byte, problems diag.List) {
	t.Helper()
	lines := strings.Count(string(data), "\n") + 1
	for _, p := range problems {
		if p.File != "content/departments/x.yaml" && p.File != "content/articles/x.zh.md" {
			t.Fatalf("problem in another file: %v", p)
		}
		if p.Line < 0 || p.Line > lines || p.Col < 0 {
			t.Fatalf("position outside the file (%d lines): %v", lines, p)
		}
		if p.Msg == "" {
			t.Fatalf("problem without a message at %v", p.Pos)
		}
		if !utf8.ValidString(p.Format()) {
			t.Fatalf("report is not valid UTF-8: %q", p.Format())
		}
	}
}
