#!/usr/bin/env bash
# A CPU profile of one Hugo build, for finding where Hugo spends its time on
# the benchmark's site (see BENCHMARKS.md, the expert Hugo site).
#
#   scripts/hugo-profile.sh --source CORPUS/hugo --destination /tmp/out
#   scripts/hugo-profile.sh --source CORPUS/hugo --layoutDir layouts-plain --destination /tmp/out
#   go tool pprof -top -cum $WORK/hugo $WORK/cpu.prof
#
# It builds, in $WORK (its own Go module, outside this repository's), Hugo
# v0.166.0 as bench-vs-hugo.sh installs it, with a main of four lines that runs
# Hugo's command under runtime/pprof, then runs it with the arguments given and
# prints the functions with the most CPU time, cumulative.
set -euo pipefail

WORK=${WORK:-/tmp/hugo-profile}
mkdir -p "$WORK"
if [ ! -x "$WORK/hugo" ]; then
  cat >"$WORK/main.go" <<'EOF'
// Command hugo is Hugo's command, profiled: the CPU profile goes to $PROF.
package main

import (
	"os"
	"runtime/pprof"

	"github.com/gohugoio/hugo/commands"
)

func main() {
	f, err := os.Create(os.Getenv("PROF"))
	if err != nil {
		panic(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		panic(err)
	}
	err = commands.Execute(os.Args[1:])
	pprof.StopCPUProfile()
	if err != nil {
		println(err.Error())
		os.Exit(1)
	}
}
EOF
  printf 'module hugoprofile\n\ngo 1.26\n' >"$WORK/go.mod"
  (
    cd "$WORK"
    export GOTOOLCHAIN=go1.27.3 CGO_ENABLED=0
    go get github.com/gohugoio/hugo@v0.166.0
    go mod tidy
    go build -o hugo .
  )
fi
PROF="$WORK/cpu.prof" "$WORK/hugo" --quiet "$@"
go tool pprof -top -cum -nodecount=60 "$WORK/hugo" "$WORK/cpu.prof" 2>/dev/null
