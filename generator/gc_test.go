package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// collectLate turns the collector off until the heap reaches the limit, and
// after that first collection gives back the runtime's usual pacing.
func TestCollectLateHandsBackAfterFirstCollection(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set, and collectLate leaves them alone")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))

	// A collection already under way would mark the sentinel as it is made;
	// collectLate runs first thing in main, where none is.
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	collectLate(int64(ms.Sys) + 32<<20)
	if p := debug.SetGCPercent(-1); p != -1 {
		t.Fatalf("GC percent %d right after collectLate, want -1 (off)", p)
	}
	gcs := ms.NumGC
	var keep [][]byte
	for ms.NumGC == gcs {
		keep = append(keep, make([]byte, 1<<20))
		if len(keep) > 4096 {
			t.Fatal("4 GiB allocated and no collection: the limit did not start one")
		}
		runtime.ReadMemStats(&ms)
	}
	keep = nil
	// The finalizer runs on its own goroutine soon after the collection.
	deadline := time.Now().Add(10 * time.Second)
	for debug.SetMemoryLimit(-1) != math.MaxInt64 {
		if time.Now().After(deadline) {
			t.Fatal("the memory limit was not lifted after the first collection")
		}
		time.Sleep(time.Millisecond)
	}
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("GC percent %d after the first collection, want 100", p)
	}
}
