package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"iter"
	"strings"
	"sync"
	"testing"
	texttemplate "text/template"
)

// Every test here runs a template through both html/template's Execute and
// the compiled Program, each on its own freshly parsed set (escaping changes
// a set), and requires the same bytes and the same error, word for word.

type inner struct {
	Name string
	Ptr  *inner
}

func (i inner) Hello() string     { return "hello " + i.Name }
func (i *inner) PtrHello() string { return "ptr hello " + i.Name }

type Embedded struct{ Promoted string }

func (Embedded) EmbeddedMethod() string { return "from embedded" }

type stringer struct{ n int }

func (s stringer) String() string { return fmt.Sprintf("stringer(%d)", s.n) }

type ptrStringer struct{ n int }

func (s *ptrStringer) String() string { return fmt.Sprintf("ptrStringer(%d)", s.n) }

type named string

type data struct {
	Embedded
	Str      string
	HTML     template.HTML
	URL      string
	Int      int
	Uint     uint8
	Float    float64
	Bool     bool
	Slice    []string
	Empty    []string
	Ints     []int
	Structs  []inner
	Ptrs     []*inner
	Inner    inner
	NilPtr   *inner
	PtrField *inner
	Map      map[string]string
	AnyMap   map[string]any
	IntMap   map[int]string
	NilMap   map[string]string
	Iface    any
	NilIface any
	Err      error
	Stringer stringer
	PtrStr   ptrStringer
	Named    named
	Func     func(string) string
	Chan     chan int
	Seq      iter.Seq[int]
	Seq2     iter.Seq2[string, int]
	unexp    string
}

func (d *data) Method() string                  { return "method" }
func (d *data) Arg(s string) string             { return "arg:" + s }
func (d *data) Args(a string, b int) string     { return fmt.Sprintf("args:%s,%d", a, b) }
func (d *data) Variadic(xs ...string) string    { return "variadic:" + strings.Join(xs, ",") }
func (d *data) Fail() (string, error)           { return "", errors.New("it failed") }
func (d *data) FailIf(b bool) (string, error)   { return fail(b) }
func (d *data) Panics() string                  { panic("boom") }
func (d *data) ReturnsHTML() template.HTML      { return "<b>bold</b>" }
func (d *data) ReturnsPtr() *inner              { return &inner{Name: "returned"} }
func (d *data) ReturnsNil() *inner              { return nil }
func (d *data) ReturnsStruct() inner            { return inner{Name: "value"} }
func (d *data) ReturnsAny() any                 { return 42 }
func (d *data) ReturnsSlice() []inner           { return []inner{{Name: "a"}, {Name: "b"}} }
func (d *data) TwoResults() (string, string)    { return "a", "b" }
func (d *data) Named2(n named) string           { return "named:" + string(n) }
func (d *data) IntArg(n int) int                { return n * 2 }
func (d *data) FloatArg(f float64) float64      { return f / 2 }
func (d *data) BoolArg(b bool) bool             { return !b }
func (d *data) PtrArg(i *inner) string          { return "ptr:" + i.Name }
func (d *data) ValArg(i inner) string           { return "val:" + i.Name }
func (d *data) AnyArg(x any) string             { return fmt.Sprintf("any:%v", x) }
func (d *data) Int8Arg(n int8) int8             { return n }
func (d *data) UintArg(n uint) uint             { return n }
func (d *data) Complex(c complex128) complex128 { return c }

func fail(b bool) (string, error) {
	if b {
		return "", errors.New("failed on purpose")
	}
	return "fine", nil
}

func newData() *data {
	d := &data{
		Embedded: Embedded{Promoted: "promoted"},
		Str:      `a <b> & "c" 'd' +`,
		HTML:     "<i>safe</i>",
		URL:      "https://example.org/a b?c=d&e=<f>",
		Int:      7,
		Uint:     3,
		Float:    2.5,
		Bool:     true,
		Slice:    []string{"x", "y<", "z"},
		Ints:     []int{3, 1, 2},
		Structs:  []inner{{Name: "s1"}, {Name: "s2"}},
		Ptrs:     []*inner{{Name: "p1"}, nil, {Name: "p3"}},
		Inner:    inner{Name: "in", Ptr: &inner{Name: "deep"}},
		PtrField: &inner{Name: "pf"},
		Map:      map[string]string{"b": "B", "a": "A<", "c": "C"},
		AnyMap:   map[string]any{"x": 1, "y": "two", "z": nil, "n": map[string]int{"k": 5}},
		IntMap:   map[int]string{3: "three", 1: "one", 2: "two"},
		Iface:    &inner{Name: "iface"},
		Err:      errors.New("an error value"),
		Stringer: stringer{5},
		PtrStr:   ptrStringer{6},
		Named:    "nm",
		Func:     strings.ToUpper,
		Seq: func(yield func(int) bool) {
			for i := range 3 {
				if !yield(i * 10) {
					return
				}
			}
		},
		Seq2: func(yield func(string, int) bool) {
			_ = yield("one", 1) && yield("two", 2)
		},
		unexp: "hidden",
	}
	d.Chan = make(chan int, 3)
	d.Chan <- 1
	d.Chan <- 2
	close(d.Chan)
	return d
}

var testFuncs = template.FuncMap{
	"upper":   strings.ToUpper,
	"join":    func(sep string, xs ...string) string { return strings.Join(xs, sep) },
	"fails":   func() (string, error) { return "", errors.New("func failed") },
	"safe":    func(s string) template.HTML { return template.HTML(s) },
	"pair":    func(a, b any) string { return fmt.Sprintf("%v|%v", a, b) },
	"strfunc": func(xs ...any) string { return fmt.Sprint(len(xs), xs) },
	"panics":  func(xs ...any) string { panic("func panicked") },
	"seq":     func(n int) []int { return make([]int, n) },
	"rv":      func(x any) any { return x },
}

type tcase struct {
	name string
	src  string
	defs []string // more templates, parsed into the set after src
	opt  string   // a template option, e.g. "missingkey=error"
	data func() any
}

func parseSet(t *testing.T, tc tcase) *template.Template {
	t.Helper()
	tm := template.New("root").Funcs(testFuncs)
	if tc.opt != "" {
		tm.Option(tc.opt)
	}
	if _, err := tm.Parse(tc.src); err != nil {
		t.Fatalf("parse: %v", err)
	}
	for i, d := range tc.defs {
		if _, err := tm.New(fmt.Sprintf("def%d", i)).Parse(d); err != nil {
			t.Fatalf("parse def: %v", err)
		}
	}
	return tm
}

// same executes tc both ways and compares.
func same(t *testing.T, tc tcase) {
	t.Helper()
	var dataValue any
	if tc.data != nil {
		dataValue = tc.data()
	} else {
		dataValue = newData()
	}
	std := parseSet(t, tc)
	var want bytes.Buffer
	wantErr := std.Execute(&want, dataValue)

	fast := parseSet(t, tc)
	p, err := Compile(fast)
	if err != nil {
		if wantErr != nil && err.Error() == wantErr.Error() {
			return // an escaping error: both ways report it, the same
		}
		t.Fatalf("compile: %v (standard: %v)", err, wantErr)
	}
	if tc.data != nil {
		dataValue = tc.data()
	} else {
		dataValue = newData()
	}
	var got bytes.Buffer
	gotErr := p.Execute(&got, dataValue)
	if got.String() != want.String() {
		t.Errorf("output differs\n got: %q\nwant: %q", got.String(), want.String())
	}
	switch {
	case (gotErr == nil) != (wantErr == nil):
		t.Errorf("error differs\n got: %v\nwant: %v", gotErr, wantErr)
	case gotErr != nil:
		if gotErr.Error() != wantErr.Error() {
			t.Errorf("error differs\n got: %v\nwant: %v", gotErr, wantErr)
		}
		_, gotExec := errors.AsType[texttemplate.ExecError](gotErr)
		_, wantExec := errors.AsType[texttemplate.ExecError](wantErr)
		if gotExec != wantExec {
			t.Errorf("error type differs: got ExecError %v, want %v", gotExec, wantExec)
		}
	}
}

func TestConstructs(t *testing.T) {
	cases := []tcase{
		{name: "text only", src: "just text <b>"},
		{name: "field", src: "<p>{{.Str}}</p>"},
		{name: "field chain", src: "{{.Inner.Name}} {{.Inner.Ptr.Name}} {{.PtrField.Name}}"},
		{name: "promoted field and method", src: "{{.Promoted}} {{.EmbeddedMethod}}"},
		{name: "html content", src: "<p>{{.HTML}}</p><p title=\"{{.HTML}}\">x</p>"},
		{name: "attr", src: `<a title="{{.Str}}" class={{.Str}}>x</a>`},
		{name: "url", src: `<a href="{{.URL}}">x</a><a href="/p?q={{.Str}}">y</a><a href="{{.Str}}">z</a>`},
		{name: "javascript", src: `<script>var x = {{.Str}}; var y = {{.Map}}; var z = "{{.Str}}";</script>`},
		{name: "css", src: `<style>p { color: {{.Str}} }</style><p style="color: {{.Named}}">x</p>`},
		{name: "json-ld", src: `<script type="application/ld+json">{{.Inner}}</script>`},
		{name: "meta refresh", src: `<meta http-equiv="refresh" content="0; url={{.URL}}">`},
		{name: "srcset", src: `<img srcset="{{.URL}} 2x">`},
		{name: "comment and rcdata", src: `<textarea>{{.Str}}</textarea><title>{{.Str}}</title>`},
		{name: "numbers", src: "{{.Int}} {{.Uint}} {{.Float}} {{.Bool}} {{1}} {{1.5}} {{0x10}} {{'a'}} {{1e3}} {{2i}}"},
		{name: "constants", src: `{{"str"}} {{true}} {{false}}`},
		{name: "stringers", src: "{{.Stringer}} {{.PtrStr}} {{.Err}} {{.Named}}"},
		{name: "nil values", src: "[{{.NilPtr}}] [{{.NilIface}}] [{{.NilMap}}] [{{.Empty}}]"},
		{name: "slices and maps", src: "{{.Slice}} {{.Map}} {{.IntMap}} {{.Ints}}"},
		{name: "method", src: "{{.Method}} {{.Arg \"x\"}} {{.Args \"a\" 3}}"},
		{name: "variadic method", src: "{{.Variadic}} {{.Variadic \"a\"}} {{.Variadic \"a\" \"b\"}} {{\"c\" | .Variadic \"a\"}}"},
		{name: "value and pointer methods", src: "{{.Inner.Hello}} {{.Inner.PtrHello}} {{.ReturnsStruct.Hello}} {{.PtrField.PtrHello}} {{range .Structs}}{{.PtrHello}}{{end}}"},
		{name: "method returning html", src: "<p>{{.ReturnsHTML}}</p>"},
		{name: "method chain", src: "{{.ReturnsPtr.Name}} {{.ReturnsPtr.Hello}} {{.ReturnsAny}}"},
		{name: "typed arguments", src: "{{.Named2 \"x\"}} {{.IntArg 4}} {{.FloatArg 3.0}} {{.BoolArg true}} {{.Int8Arg 5}} {{.UintArg 9}} {{.Complex 1i}}"},
		{name: "argument from field", src: "{{.PtrArg .PtrField}} {{.ValArg .Inner}} {{.ValArg .PtrField}} {{.PtrArg .Inner}} {{.AnyArg .Int}} {{.AnyArg nil}} {{.AnyArg .NilIface}}"},
		{name: "pipeline", src: "{{.Str | printf \"%q\"}} {{.Int | .IntArg}} {{\"x\" | .Arg}} {{.Str | upper | html}}"},
		{name: "parenthesized", src: "{{(.IntArg 3) | .IntArg}} {{(.ReturnsPtr).Name}} {{printf \"%d-%s\" (.IntArg 2) (upper \"x\")}}"},
		{name: "variables", src: "{{$x := .Str}}{{$x}} {{$y := 1}}{{$y = 2}}{{$y}} {{$.Int}} {{with .Inner}}{{$.Str}}{{$x}}{{end}}"},
		{name: "variable fields", src: "{{$i := .Inner}}{{$i.Name}} {{$i.Ptr.Name}} {{$i.Hello}} {{$.Inner.Name}}"},
		{name: "variable shadowing", src: "{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}{{range .Ints}}{{$x := .}}{{$x}}{{end}}{{$x}}"},
		{name: "assign in range", src: "{{$last := 0}}{{range .Ints}}{{$last = .}}{{end}}{{$last}}"},
		{name: "if else", src: "{{if .Bool}}yes{{else}}no{{end}} {{if .Empty}}yes{{else if .Int}}int{{else}}no{{end}} {{if .NilPtr}}x{{end}}"},
		{name: "if with decl", src: "{{if $x := .Int}}{{$x}}{{else}}{{$x}}{{end}}"},
		{name: "with", src: "{{with .Inner}}{{.Name}}{{end}} {{with .NilPtr}}x{{else}}none{{end}} {{with $v := .Str}}{{$v}}{{end}} {{with .Empty}}x{{else with .Slice}}{{.}}{{end}}"},
		{name: "range slice", src: "{{range .Slice}}[{{.}}]{{end}} {{range $i, $v := .Slice}}{{$i}}={{$v}};{{end}} {{range $v := .Ints}}{{$v}}{{end}}"},
		{name: "range else", src: "{{range .Empty}}x{{else}}empty{{end}} {{range $x := .Empty}}x{{else}}[{{$x}}]{{end}} {{range .NilMap}}x{{else}}nil map{{end}}"},
		{name: "range map sorted", src: "{{range $k, $v := .Map}}{{$k}}={{$v}};{{end}} {{range .IntMap}}{{.}}{{end}} {{range $k, $v := .AnyMap}}{{$k}}:{{$v}};{{end}}"},
		{name: "range int", src: "{{range 3}}{{.}}{{end}} {{range $i := .Int}}{{$i}}{{end}} {{range 0}}x{{else}}none{{end}}"},
		{name: "range structs and pointers", src: "{{range .Structs}}{{.Name}}{{.Hello}}{{end}} {{range .Ptrs}}{{if .}}{{.Name}}{{else}}nil{{end}}{{end}}"},
		{name: "range chan", src: "{{range .Chan}}{{.}}{{end}}"},
		{name: "range iterators", src: "{{range .Seq}}{{.}},{{end}} {{range $k, $v := .Seq2}}{{$k}}={{$v}},{{end}} {{range .Seq2}}{{.}},{{end}}"},
		{name: "break continue", src: "{{range .Ints}}{{if eq . 1}}{{continue}}{{end}}{{.}}{{if eq . 1}}x{{end}}{{end}} {{range .Ints}}{{if eq . 1}}{{break}}{{end}}{{.}}{{end}} {{range .Slice}}{{range .Ints}}{{break}}{{end}}{{.}}{{end}}"},
		{name: "nested ranges with outer variables", src: "{{range $i, $s := .Structs}}{{range $.Slice}}{{$i}}{{$s.Name}}{{.}}{{end}}{{end}}"},
		{name: "template call", src: `{{define "t"}}[{{.}}]{{end}}{{template "t" .Str}}{{template "t" .Int}}{{template "t"}}`},
		{name: "template in attribute", src: `{{define "t"}}{{.}} & "q"{{end}}<p title="{{template "t" .Str}}">{{template "t" .Str}}</p><a href="{{template "t" .URL}}">x</a>`},
		{name: "block", src: `{{block "b" .}}default {{.Str}}{{end}}`},
		{name: "defined elsewhere", src: `{{template "def0" .}}`, defs: []string{`{{.Inner.Name}}{{template "def1" .Int}}`, `<i>{{.}}</i>`}},
		{name: "recursion", src: `{{define "r"}}{{if .}}{{.Name}}>{{template "r" .Ptr}}{{end}}{{end}}{{template "r" .Inner}}`},
		{name: "template variables are local", src: `{{define "t"}}{{$x := 1}}{{$x}}{{$}}{{end}}{{$x := 2}}{{template "t" .Int}}{{$x}}`},
		{name: "comparisons", src: "{{eq .Int 7}} {{ne .Int 7}} {{lt .Int 8}} {{le .Int 7}} {{gt .Int 7}} {{ge .Int 7}} {{eq .Str \"x\" \"y\"}} {{eq .Uint 3}} {{lt .Uint .Int}} {{eq .NilPtr nil}}"},
		{name: "and or not", src: "{{and .Bool .Int}} {{and .Empty .Int}} {{or .Empty .Str}} {{or .Empty .Empty}} {{not .Bool}} {{.Int | and 1}} {{.Empty | or 0}} {{and 1 (.FailIf false)}} {{or 1 (.FailIf true)}}"},
		{name: "len index slice", src: "{{len .Slice}} {{len .Map}} {{len .Str}} {{index .Slice 1}} {{index .Map \"a\"}} {{index .Map \"none\"}} {{index .AnyMap \"n\" \"k\"}} {{slice .Slice 1}} {{slice .Str 1 3}} {{len .Departments | print}}", data: func() any {
			return map[string]any{"Slice": []int{1, 2, 3}, "Map": map[string]int{"a": 1}, "Str": "hello", "AnyMap": map[string]any{"n": map[string]int{"k": 5}}, "Departments": []int{1}}
		}},
		{name: "print family", src: "{{print 1 2 \"a\" \"b\" 3}} {{println .Int .Str}} {{printf \"%05.1f|%s\" .Float .Str}} {{html .Str}} {{js .Str}} {{urlquery .Str .Int}} {{print}} {{print nil}}"},
		{name: "custom funcs", src: "{{upper .Str}} {{join \"-\" \"a\" \"b\"}} {{join \",\"}} {{safe \"<b>\"}} {{pair .Int .Str}} {{strfunc}} {{strfunc 1 nil .Str}} {{.Str | strfunc 1}} {{rv .Int}} {{rv nil}}"},
		{name: "call builtin", src: "{{call .Func \"abc\"}} {{.Func | call}} {{\"x\" | call .Func}}"},
		{name: "map fields", src: "{{.Map.a}} {{.Map.none}} {{.AnyMap.x}} {{.AnyMap.z}} {{.AnyMap.n.k}} {{.NilMap.x}}"},
		{name: "map data", src: "{{.a}} {{.b.c}} {{.missing}}", data: func() any { return map[string]any{"a": "A", "b": map[string]string{"c": "C"}} }},
		{name: "dot kinds", src: "{{.}}", data: func() any { return []int{1, 2} }},
		{name: "nil data", src: "a{{.}}b{{with .}}x{{end}}", data: func() any { return nil }},
		{name: "interface field", src: "{{.Iface.Name}} {{.Iface.Hello}} {{.Iface.PtrHello}} {{.Iface}}"},
		{name: "comments and trim", src: "a {{- /* c */ -}} b {{- .Str -}} c"},
		{name: "whitespace in html", src: "<ul>\n{{- range .Slice }}\n  <li>{{ . }}</li>\n{{- end }}\n</ul>"},
		{name: "same field on many types", src: `{{define "n"}}{{.Name}}{{end}}{{template "n" .Inner}}{{template "n" .PtrField}}{{template "n" .ReturnsStruct}}{{template "n" .Map}}{{range .Structs}}{{template "n" .}}{{end}}`, data: func() any {
			d := newData()
			d.Map = map[string]string{"Name": "map name"}
			return d
		}},
		{name: "missingkey zero", src: "{{.Map.none}}|{{.AnyMap.none}}", opt: "missingkey=zero"},
		{name: "missingkey error ok", src: "{{.Map.a}}", opt: "missingkey=error"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { same(t, tc) })
	}
}

func TestErrors(t *testing.T) {
	cases := []tcase{
		{name: "missing map key", src: "before {{.Map.nope}} after", opt: "missingkey=error"},
		{name: "missing map key in chain", src: "<p title=\"{{.AnyMap.n.nope}}\">", opt: "missingkey=error"},
		{name: "missing key on nil data", src: "x{{.Field}}", opt: "missingkey=error", data: func() any { return nil }},
		{name: "missing key from variable", src: "{{$m := .Map}}{{$m.nope}}", opt: "missingkey=error"},
		{name: "method error", src: "a{{.Fail}}b"},
		{name: "method error in argument", src: "{{.Arg (.FailIf true)}}"},
		{name: "method error in if", src: "{{if .FailIf true}}x{{end}}"},
		{name: "method error in partial", src: `{{define "p"}}line one
{{.Fail}}{{end}}x{{template "p" .}}`},
		{name: "method error in attribute template", src: `{{define "p"}}{{.Fail}}{{end}}<a title="{{template "p" .}}">`},
		{name: "func error", src: "{{fails}}"},
		{name: "method panic", src: "{{.Panics}}"},
		{name: "func panic", src: "{{panics .Str}}"},
		{name: "filter panic", src: "{{.Str | panics}}"},
		{name: "nil pointer field", src: "{{.NilPtr.Name}}"},
		{name: "nil pointer method", src: "{{.NilPtr.Hello}}"},
		{name: "nil pointer missing field", src: "{{.NilPtr.Nope}}"},
		{name: "nil pointer from method", src: "{{.ReturnsNil.Name}}"},
		{name: "nil interface field", src: "{{.NilIface.Name}}"},
		{name: "nil in range", src: "{{range .Ptrs}}{{.Name}}{{end}}"},
		{name: "no such field", src: "{{.Nope}}"},
		{name: "no such field in map of ints", src: "{{.IntMap.x}}"},
		{name: "field of a string", src: "{{.Str.Len}}"},
		{name: "unexported field", src: "{{.unexp}}"},
		{name: "wrong arg count", src: "{{.Arg}}"},
		{name: "too many args", src: "{{.Method \"x\"}}"},
		{name: "variadic too few", src: "{{.Args \"a\"}}"},
		{name: "func wrong arg count", src: "{{upper}}"},
		{name: "func wrong arg count with final", src: "{{.Str | upper \"x\"}}"},
		{name: "builtin wrong count", src: "{{not}}"},
		{name: "and with no args", src: "{{and}}"},
		{name: "wrong arg type", src: "{{.IntArg \"x\"}}"},
		{name: "wrong arg type from field", src: "{{.IntArg .Str}}"},
		{name: "wrong final type", src: "{{.Str | .IntArg}}"},
		{name: "nil arg to int", src: "{{.IntArg nil}}"},
		{name: "nil value to int", src: "{{.IntArg .NilIface}}"},
		{name: "nil pointer deref arg", src: "{{.ValArg .NilPtr}}"},
		{name: "bad int constant", src: "{{.Int8Arg 1.5}}"},
		{name: "bad float constant", src: "{{.FloatArg true}}"},
		{name: "bad bool constant", src: "{{.BoolArg 1}}"},
		{name: "bad string constant", src: "{{.Arg 1}}"},
		{name: "bad uint constant", src: "{{.UintArg -1}}"},
		{name: "two results", src: "{{.TwoResults}}"},
		{name: "arguments to field", src: "{{.Str \"x\"}}"},
		{name: "arguments to map key", src: "{{.Map.a \"x\"}}"},
		{name: "piped into field", src: "{{1 | .Str}}"},
		{name: "arguments to non-function", src: "{{$x := 1}}{{$x 2}}"},
		{name: "arguments to variable", src: "{{$x := 1}}{{2 | $x}}"},
		{name: "overflowing constant", src: "{{print 18446744073709551615}}"},
		{name: "comparison error", src: "{{lt .Str 1}}"},
		{name: "eq of incomparable", src: "{{eq .Slice .Slice}}"},
		{name: "index out of range", src: "{{index .Slice 10}}"},
		{name: "len of int", src: "{{len .Int}}"},
		{name: "call of non-function", src: "{{call .Str}}"},
		{name: "call wrong count", src: "{{call .Func}}"},
		{name: "range over int with two vars", src: "{{range $i, $v := .Int}}{{end}}"},
		{name: "range over struct", src: "{{range .Stringer}}{{end}}"},
		{name: "if over func", src: "{{if .Func}}x{{end}}"},
		{name: "print a func", src: "{{.Func}}", data: func() any { return map[string]any{"Func": strings.ToUpper} }},
		{name: "print a nil chan", src: "{{.Chan}}", data: func() any { return map[string]any{"Chan": (chan int)(nil)} }},
		{name: "embedded nil pointer", src: "{{.Name}}", data: func() any {
			type E struct{ *inner }
			return E{}
		}},
		{name: "error in range else", src: "{{range .Empty}}{{else}}{{.Fail}}{{end}}"},
		{name: "error in with else", src: "{{with .Empty}}{{else}}{{.Nope}}{{end}}"},
		{name: "error after output", src: "<p>{{.Str}}</p>{{range .Slice}}<i>{{.}}</i>{{end}}{{.Fail}}"},
		{name: "undefined template", src: `{{template "nope" .}}`},
		{name: "escaping error", src: `{{if .Bool}}<a href="{{end}}x`},
		{name: "percent in template name", src: `{{define "a%d"}}{{.Fail}}{{end}}{{template "a%d" .}}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { same(t, tc) })
	}
}

// TestParallel runs one Program from many goroutines over values of several
// types, as a build does; with -race it checks the per-type caches.
func TestParallel(t *testing.T) {
	src := `{{define "n"}}{{.Name}}{{.Hello}}{{end}}{{range .Structs}}{{template "n" .}}{{end}}{{template "n" .Inner}}{{template "n" .PtrField}}{{.Map.a}}{{.Arg "x"}}`
	tc := tcase{src: src}
	std := parseSet(t, tc)
	var want bytes.Buffer
	if err := std.Execute(&want, newData()); err != nil {
		t.Fatal(err)
	}
	p, err := Compile(parseSet(t, tc))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				var got bytes.Buffer
				if err := p.Execute(&got, newData()); err != nil {
					t.Error(err)
					return
				}
				if got.String() != want.String() {
					t.Errorf("got %q, want %q", got.String(), want.String())
					return
				}
			}
		})
	}
	wg.Wait()
}

// failingWriter fails after n bytes, to compare write errors.
type failingWriter struct{ n int }

func (w *failingWriter) Write(b []byte) (int, error) {
	if len(b) > w.n {
		return 0, errors.New("disk full")
	}
	w.n -= len(b)
	return len(b), nil
}

func TestWriteError(t *testing.T) {
	tc := tcase{src: "<p>{{.Str}}</p>{{range .Slice}}{{.}}{{end}}"}
	wantErr := parseSet(t, tc).Execute(&failingWriter{n: 10}, newData())
	p, err := Compile(parseSet(t, tc))
	if err != nil {
		t.Fatal(err)
	}
	gotErr := p.Execute(&failingWriter{n: 10}, newData())
	if gotErr == nil || wantErr == nil || gotErr.Error() != wantErr.Error() {
		t.Errorf("got %v, want %v", gotErr, wantErr)
	}
}

// TestUnsupported: what the compiler refuses, it says so, and nothing runs.
func TestUnsupported(t *testing.T) {
	for _, src := range []string{
		"{{and ($x := 1) $x}}",
		"{{range .Slice}}{{else}}{{break}}{{end}}",
	} {
		tm, err := template.New("u").Parse(src)
		if err != nil {
			t.Logf("%s: does not parse: %v", src, err)
			continue
		}
		if _, err := Compile(tm); !errors.As(err, new(*Unsupported)) {
			t.Errorf("%s: compiled (err %v); want Unsupported", src, err)
		}
	}
}
