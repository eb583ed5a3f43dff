package yamldoc_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"leitai/generator/internal/corpus"
	"leitai/generator/internal/diag"
	"leitai/generator/internal/testsite"
	"leitai/generator/internal/yamldoc"
)

// The worst files yamldoc.MaxFileSize lets through: the most nodes yaml.v3 can build
// from 1 MB. The figures are in BENCHMARKS.md.
func BenchmarkParseWorstCase(b *testing.B) {
	inputs := map[string]string{
		"flat-list-1MB": "[" + strings.Repeat("1,", yamldoc.MaxFileSize/2-1) + "]",
		"keys-1MB":      strings.Repeat("a: 1\n", yamldoc.MaxFileSize/5),
		"nest-10000":    strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
	}
	for name, in := range inputs {
		data := []byte(in)
		if len(data) > yamldoc.MaxFileSize {
			b.Fatalf("%s is %d bytes, over the limit", name, len(data))
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				var problems diag.List
				yamldoc.Parse("x.yaml", data, &problems)
			}
		})
	}
}

// A real department file, through Parse and through yaml.v3 alone: what the
// checks add to the parse.
func BenchmarkParseDepartment(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(testsite.Root(), "content", "departments", "finance.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	benchmarkParse(b, [][]byte{data})
}

// Every YAML file of a 1,000-department corpus, as a build reads them.
func BenchmarkParseCorpus1000(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.New(corpus.Options{Departments: 1000, Seed: 1}).WriteLeitai(dir, filepath.Join(testsite.Root(), "themes", "default")); err != nil {
		b.Fatal(err)
	}
	var files [][]byte
	for name, data := range testsite.Files(b, filepath.Join(dir, "content")) {
		if strings.HasSuffix(name, ".yaml") {
			files = append(files, data)
		}
	}
	benchmarkParse(b, files)
}

func benchmarkParse(b *testing.B, files [][]byte) {
	size := 0
	for _, f := range files {
		size += len(f)
	}
	b.Run("Parse", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, f := range files {
				var problems diag.List
				if _, root := yamldoc.Parse("x.yaml", f, &problems); root == nil {
					b.Fatal(problems)
				}
			}
		}
	})
	b.Run("yaml.v3", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, f := range files {
				var n yaml.Node
				if err := yaml.NewDecoder(bytes.NewReader(f)).Decode(&n); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
