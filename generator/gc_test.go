package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// gcPercent reads the collector's GOGC setting.
func gcPercent() int {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}

// Nothing is collected until the heap reaches the limit; the first collection
// restores the usual pace and lifts the limit.
func TestCollectLate(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set, and collectLate leaves them alone")
	}
	t.Cleanup(func() {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	})
	// A collection already under way would mark the sentinel as it is made;
	// collectLate runs first thing in main, where none is.
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	collectLate(int64(ms.Sys) + 32<<20)
	if p := gcPercent(); p != -1 {
		t.Fatalf("GC percent %d right after collectLate, want -1 (off)", p)
	}
	gcs := ms.NumGC
	var keep [][]byte
	for i := 0; i < 8; i++ {
		keep = append(keep, make([]byte, 1<<20))
	}
	runtime.ReadMemStats(&ms)
	if ms.NumGC != gcs {
		t.Errorf("%d collections with 8 MiB allocated under the limit, want none", ms.NumGC-gcs)
	}
	for ms.NumGC == gcs {
		keep = append(keep, make([]byte, 1<<20))
		if len(keep) > 4096 {
			t.Fatal("4 GiB allocated and no collection: the limit did not start one")
		}
		runtime.ReadMemStats(&ms)
	}
	keep = nil
	deadline := time.Now().Add(10 * time.Second)
	for debug.SetMemoryLimit(-1) != math.MaxInt64 {
		if time.Now().After(deadline) {
			t.Fatal("the memory limit was not lifted after the first collection")
		}
		time.Sleep(time.Millisecond)
	}
	if p := gcPercent(); p != 100 {
		t.Errorf("GC percent %d after the first collection, want 100", p)
	}
}
