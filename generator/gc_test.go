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

// startPace runs paceCollector as main does, with a limit the test's heap
// reaches after allocating about 32 MiB, and restores the usual pace after the
// test.
func startPace(t *testing.T) (loaded func(), collect func()) {
	t.Helper()
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set, and paceCollector leaves them alone")
	}
	t.Cleanup(func() {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	})
	// A collection already under way would mark the sentinel as it is made;
	// paceCollector runs first thing in main, where none is.
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	loaded = paceCollector(int64(ms.Sys) + 32<<20)
	if p := gcPercent(); p != -1 {
		t.Fatalf("GC percent %d right after paceCollector, want -1 (off)", p)
	}
	// collect allocates until the limit starts a collection, then waits for the
	// finalizer that lifts the limit.
	collect = func() {
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
		deadline := time.Now().Add(10 * time.Second)
		for debug.SetMemoryLimit(-1) != math.MaxInt64 {
			if time.Now().After(deadline) {
				t.Fatal("the memory limit was not lifted after the first collection")
			}
			time.Sleep(time.Millisecond)
		}
	}
	return loaded, collect
}

// A large site passes the limit while it loads: the collector runs at the
// loading pace until the content is loaded, then at the usual one.
func TestPaceCollectorLargeSite(t *testing.T) {
	loaded, collect := startPace(t)
	collect()
	if p := gcPercent(); p != loadingGCPercent {
		t.Errorf("GC percent %d after the first collection, while loading; want %d", p, loadingGCPercent)
	}
	loaded()
	if p := gcPercent(); p != 100 {
		t.Errorf("GC percent %d once loaded, want 100", p)
	}
}

// A small site loads within the limit: nothing is collected until the limit
// is reached, and then the usual pace follows directly.
func TestPaceCollectorSmallSite(t *testing.T) {
	loaded, collect := startPace(t)
	loaded()
	if p := gcPercent(); p != -1 {
		t.Errorf("GC percent %d once loaded under the limit, want -1 (off until the limit)", p)
	}
	collect()
	if p := gcPercent(); p != 100 {
		t.Errorf("GC percent %d after the first collection of a loaded site, want 100", p)
	}
}
