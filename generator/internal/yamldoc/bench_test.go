package yamldoc

import (
	"strings"
	"testing"

	"leitai/generator/internal/diag"
)

// The worst files MaxFileSize lets through: the most nodes yaml.v3 can build
// from 1 MB. The figures are in BENCHMARKS.md.
func BenchmarkParseWorstCase(b *testing.B) {
	inputs := map[string]string{
		"flat-list-1MB": "[" + strings.Repeat("1,", MaxFileSize/2-1) + "]",
		"keys-1MB":      strings.Repeat("a: 1\n", MaxFileSize/5),
		"nest-10000":    strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
	}
	for name, in := range inputs {
		data := []byte(in)
		if len(data) > MaxFileSize {
			b.Fatalf("%s is %d bytes, over the limit", name, len(data))
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				var problems diag.List
				Parse("x.yaml", data, &problems)
			}
		})
	}
}
