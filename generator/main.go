// Command generator builds a Leitai site: `go run ./generator build`.
//
// This package holds only the commands: flags, exit codes and what is printed to
// the terminal. The pipeline lives in internal/.
package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `Leitai builds bilingual performance-pledge sites.

Usage:
  go run ./generator <command> [flags]

Commands:
  build    check the content and build the site into public/
  check    check the content and report every problem; write nothing
  serve    preview the site on http://127.0.0.1:1313/, rebuilding as files change
  new      start a new department or article from a skeleton
  deploy   publish the built site to an S3-compatible bucket (OSS, COS, S3, …)

Run "go run ./generator <command> -h" for a command's flags.
`

func main() {
	var loaded func()
	if len(os.Args) > 1 && (os.Args[1] == "build" || os.Args[1] == "check") {
		loaded = paceCollector(64 << 20)
	}
	os.Exit(runWith(os.Args[1:], os.Stdout, os.Stderr, loaded))
}

// run is main without the process: tests call it.
func run(args []string, stdout, stderr io.Writer) int {
	return runWith(args, stdout, stderr, nil)
}

// runWith is run with loaded, which build and check call once the content is
// loaded (see paceCollector); nil when the collector keeps its pace.
func runWith(args []string, stdout, stderr io.Writer, loaded func()) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return cmdBuild(args[1:], stdout, stderr, loaded)
	case "check":
		return cmdCheck(args[1:], stdout, stderr, loaded)
	case "serve":
		return cmdServe(args[1:], stdout, stderr)
	case "new":
		return cmdNew(args[1:], stdout, stderr)
	case "deploy":
		return cmdDeploy(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "unknown command %q\n\n%s", args[0], usage)
	return 2
}
