package render

import (
	"math/rand/v2"
	"sort"
	"testing"
	"time"

	"leitai/generator/internal/site"
)

// newest keeps what a stable sort by date, newest first, puts in front: on
// random candidates with many equal dates, fewer and more than k of them.
func TestNewestIsTheStableSortsHead(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	day := time.Date(2022, 11, 24, 0, 0, 0, 0, time.UTC)
	for round := 0; round < 2000; round++ {
		n, k := rng.IntN(120), 1+rng.IntN(60)
		cands := make([]candidate, n)
		for i := range cands {
			// Distinct pages tell equal dates apart.
			cands[i] = candidate{date: day.AddDate(0, 0, rng.IntN(10)), page: &site.Page{}}
		}
		want := append([]candidate(nil), cands...)
		sort.SliceStable(want, func(i, j int) bool { return want[i].date.After(want[j].date) })
		want = want[:min(k, n)]
		got := newest(cands, k)
		if len(got) != len(want) {
			t.Fatalf("n=%d k=%d: kept %d, want %d", n, k, len(got), len(want))
		}
		for i := range want {
			if got[i].page != want[i].page {
				t.Fatalf("n=%d k=%d: entry %d differs from the stable sort's", n, k, i)
			}
		}
	}
	if got := newest([]candidate{{date: day}}, 0); len(got) != 0 {
		t.Errorf("k=0 kept %d", len(got))
	}
}
