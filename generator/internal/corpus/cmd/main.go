// Command cmd writes a synthetic site for benchmarks:
//
//	go run ./generator/internal/corpus/cmd -n 10000 -o /tmp/corpus
//	go run ./generator/internal/corpus/cmd -n 2000 -editions 40 -o /tmp/editions
//
// writes a Leitai site into /tmp/corpus/leitai and, with -hugo, the equivalent
// Hugo site into /tmp/corpus/hugo. After both are built,
//
//	go run ./generator/internal/corpus/cmd -compare LEITAI_OUT HUGO_OUT
//
// compares what they wrote, by kind of file, and exits 1 if they wrote different
// files. The Hugo site holds two sets of templates: layouts/, the one a Hugo
// expert would write for speed (the default), and layouts-plain/, the earlier
// one, line by line Leitai's theme (hugo --layoutDir layouts-plain). And
//
//	go run ./generator/internal/corpus/cmd -floor CONTENT BUILT NEW
//
// times the floor of a build (see corpus.Floor): rendering every Markdown text
// of the Leitai content in CONTENT, and writing every file of the built site in
// BUILT into NEW, a folder that does not exist yet.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"leitai/generator/internal/corpus"
)

func main() {
	n := flag.Int("n", 10, "number of departments")
	out := flag.String("o", "", "folder to write into (must not exist or be empty)")
	seed := flag.Uint64("seed", 1, "seed; the same seed and -n give the same bytes")
	from := flag.Int("from", 0, "sequence number of the first department; 384 skips the first year's shorter departments")
	editions := flag.Int("editions", 0, "write a publication of this many editions (content/editions/<n>/), -n department appearances in all, every department in two; 0: one edition")
	theme := flag.String("theme", "themes/default", "the Leitai theme to copy into the site")
	hugo := flag.Bool("hugo", false, "also write the equivalent Hugo site into <o>/hugo")
	compare := flag.Bool("compare", false, "compare the Leitai and Hugo outputs given as arguments instead")
	floor := flag.Bool("floor", false, "time the floor of the content, built site and new folder given as arguments instead")
	flag.Parse()
	if *floor {
		if flag.NArg() != 3 {
			flag.Usage()
			os.Exit(2)
		}
		if err := corpus.Floor(os.Stdout, flag.Arg(0), flag.Arg(1), flag.Arg(2)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if *compare {
		if flag.NArg() != 2 {
			flag.Usage()
			os.Exit(2)
		}
		c, err := corpus.Compare(flag.Arg(0), flag.Arg(1))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		c.Report(os.Stdout, 10)
		if len(c.OnlyLeitai)+len(c.OnlyHugo) > 0 {
			os.Exit(1)
		}
		return
	}
	if *out == "" || *n < 1 || *from < 0 {
		flag.Usage()
		os.Exit(2)
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fmt.Fprintf(os.Stderr, "%s is not empty; give a new folder\n", *out)
		os.Exit(1)
	}
	start := time.Now()
	s := corpus.New(corpus.Options{Departments: *n, Seed: *seed, From: *from, Editions: *editions})
	if err := s.WriteLeitai(filepath.Join(*out, "leitai"), *theme); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *hugo {
		if err := s.WriteHugo(filepath.Join(*out, "hugo"), *theme); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	fmt.Printf("wrote %d departments, %d articles", len(s.Departments), len(s.Articles))
	if len(s.Editions) > 0 {
		fmt.Printf(" in %d editions", len(s.Editions))
	}
	fmt.Printf(" into %s in %s\n", *out, time.Since(start).Round(time.Millisecond))
}
