//go:build ignore

// machine measures what a short build pays on this machine before any of its
// own work: the first touch of fresh memory, and a file and a folder written.
// A build of the real content is a process of about 60 ms; when a page of
// fresh memory costs 16 µs instead of half a microsecond, its 2,700 page
// faults are most of it. BENCHMARKS.md quotes these figures beside the build's.
//
//	go build -o /tmp/machine scripts/machine.go
//	/tmp/machine -dir /dev/shm/machine            # fresh and reused memory, files on tmpfs
//	/tmp/machine -dir /tmp/machine                # files on the disk
//	hyperfine -N '/tmp/machine -noop' '/tmp/leitai help'   # a Go process that does nothing; one that only starts Leitai
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

func main() {
	noop := flag.Bool("noop", false, "exit at once: time a Go process that does nothing")
	dir := flag.String("dir", "", "also time folders and files written under this folder (emptied first)")
	flag.Parse()
	if *noop {
		return
	}
	const size = 64 << 20
	const page = 4096
	// Fresh memory: mapped, never touched, so each page's first write is a
	// fault the kernel (and on a virtual machine, the host) must serve. Three
	// rounds: a machine that keeps the frames a process gave back makes the
	// later ones cheaper.
	for round := 0; round < 3; round++ {
		fmt.Printf("fresh memory: %.2f µs a 4 KB page (64 MB)\n", touch(size, page, false))
	}
	// With huge pages, the second region is given the 2 MB frames the first
	// gave back a moment before: what touching memory costs once the machine
	// has it.
	for round := 0; round < 2; round++ {
		fmt.Printf("huge pages, round %d: %.2f µs a 4 KB page (64 MB)\n", round+1, touch(size, page, true))
	}
	if *dir != "" {
		if err := files(*dir); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

// touch maps size bytes, writes one byte of each page, unmaps them, and returns
// the time a page took.
func touch(size, page int, huge bool) float64 {
	b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		panic(err)
	}
	if huge {
		if err := syscall.Madvise(b, 14); err != nil { // MADV_HUGEPAGE
			panic(err)
		}
	}
	start := time.Now()
	for i := 0; i < size; i += page {
		b[i] = 1
	}
	d := time.Since(start)
	if err := syscall.Munmap(b); err != nil {
		panic(err)
	}
	return float64(d.Nanoseconds()) / 1e3 / float64(size/page)
}

// files times what a build's output costs on dir's file system: a folder per
// page, and a page of 12 KB in it.
func files(dir string) error {
	const n = 2000
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	data := make([]byte, 12<<10)
	start := time.Now()
	for i := 0; i < n; i++ {
		if err := os.Mkdir(filepath.Join(dir, fmt.Sprint(i)), 0o755); err != nil {
			return err
		}
	}
	mk := time.Since(start)
	start = time.Now()
	for i := 0; i < n; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprint(i), "index.html"), data, 0o644); err != nil {
			return err
		}
	}
	wr := time.Since(start)
	fmt.Printf("%s: a folder %.1f µs, a 12 KB file %.1f µs (%d each)\n", dir,
		float64(mk.Nanoseconds())/1e3/n, float64(wr.Nanoseconds())/1e3/n, n)
	return nil
}
