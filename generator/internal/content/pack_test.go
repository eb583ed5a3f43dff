package content

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"leitai/generator/internal/diag"
)

// realDepartments reads the real content's department files and the build
// fixture's, which has pledges with updates and their sources.
func realDepartments(t *testing.T) (files []string, data [][]byte) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "..", "content", "departments", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no department files: %v", err)
	}
	files = append(files, filepath.Join("..", "build", "testdata", "site", "content", "departments", "alpha.yaml"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		data = append(data, b)
	}
	return files, data
}

// Packing changes where the strings are, not what they say, and puts them all
// in one piece of memory: it allocates once, however many texts the
// department has.
func TestPackKeepsEveryValue(t *testing.T) {
	files, data := realDepartments(t)
	langs := []string{"zh", "en"}
	for i, f := range files {
		var p1, p2 diag.List
		want := decodeDepartment(f, data[i], langs, &p1)
		got := DecodeDepartment(f, data[i], langs, &p2)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: packing changed the department", f)
		}
		if n := len(fileStrings(got)); n < 20 {
			t.Fatalf("%s: %d strings, too few to show anything", f, n)
		}
		if allocs := testing.AllocsPerRun(10, got.pack); allocs != 1 {
			t.Errorf("%s: packing allocated %v times, want once", f, allocs)
		}
	}
}

// fileStrings names every string field of a decoded department except those
// that do not come from the file's values, so pack misses none.
func TestFileStringsAreEveryStringField(t *testing.T) {
	files, data := realDepartments(t)
	var problems diag.List
	covered := 0
	for i, f := range files {
		d := decodeDepartment(f, data[i], []string{"zh", "en"}, &problems)
		want := map[*string]bool{}
		var walk func(v reflect.Value, name string)
		walk = func(v reflect.Value, name string) {
			switch v.Kind() {
			case reflect.String:
				switch name {
				case "Slug", "File", "Field", "Lang", "EditionID":
				default:
					want[v.Addr().Interface().(*string)] = true
				}
			case reflect.Pointer:
				if !v.IsNil() {
					walk(v.Elem(), name)
				}
			case reflect.Slice:
				for i := 0; i < v.Len(); i++ {
					walk(v.Index(i), name)
				}
			case reflect.Struct:
				if v.Type() == reflect.TypeOf(diag.Pos{}) {
					return
				}
				for i := 0; i < v.NumField(); i++ {
					if v.Type().Field(i).IsExported() {
						walk(v.Field(i), v.Type().Field(i).Name)
					}
				}
			}
		}
		walk(reflect.ValueOf(d).Elem(), "")
		got := map[*string]bool{}
		for _, s := range fileStrings(d) {
			got[s] = true
		}
		for s := range want {
			if !got[s] {
				t.Errorf("%s: a string field holding %q is not in fileStrings", f, *s)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: fileStrings has %d fields, the department %d", f, len(got), len(want))
		}
		covered += len(want)
	}
	if covered == 0 {
		t.Fatal("no string field found")
	}
}

// fileStrings lists what eachFileString visits.
func fileStrings(d *Department) []*string {
	var out []*string
	d.eachFileString(func(s *string) { out = append(out, s) })
	return out
}
