package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"leitai/generator/internal/build"
	"leitai/generator/internal/diag"
)

// siteFlags are the flags every command that reads the site shares.
type siteFlags struct {
	config      string
	destination string
	baseURL     string
	format      string
}

func (f *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.config, "config", "config.yaml", "the site's config file; content/ and themes/ sit beside it")
	fs.StringVar(&f.destination, "destination", "", "output folder (default: output in config.yaml, else public)")
	fs.StringVar(&f.baseURL, "baseURL", "", "base URL the site is published at, e.g. https://example.org/pledges/ (overrides config.yaml)")
	fs.StringVar(&f.format, "format", "text", "how to print problems: text or json")
}

// parse reads the flags and refuses a format it does not know.
func (f *siteFlags) parse(fs *flag.FlagSet, args []string) bool {
	if err := fs.Parse(args); err != nil {
		return false
	}
	if f.format != "text" && f.format != "json" {
		fmt.Fprintf(fs.Output(), "--format %q: use text or json\n", f.format)
		return false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "unexpected argument %q\n", fs.Arg(0))
		return false
	}
	return true
}

func (f *siteFlags) options() build.Options {
	o := build.Options{Config: f.config}
	o.Overrides.BaseURL = f.baseURL
	o.Overrides.Destination = f.destination
	return o
}

func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	fs := newFlagSet("build", stderr)
	f.register(fs)
	if !f.parse(fs, args) {
		return 2
	}
	o := f.options()
	// Ctrl-C or a SIGTERM stops the build, which removes its temporary
	// folder; a second one ends the process at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	o.Context = ctx
	res, err := build.Run(o)
	if err != nil && ctx.Err() != nil {
		fmt.Fprintln(stderr, "build interrupted; the previous site was left as it was")
		return 130
	}
	if code := report(res, err, f.format, stdout, stderr); code != 0 {
		fmt.Fprintln(stderr, "build failed; the previous site was left as it was")
		return code
	}
	if f.format != "json" {
		fmt.Fprintln(stdout, res.Summary(res.Config.Codes()))
	}
	return 0
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	fs := newFlagSet("check", stderr)
	f.register(fs)
	if !f.parse(fs, args) {
		return 2
	}
	o := f.options()
	o.DryRun = true
	res, err := build.Run(o)
	if code := report(res, err, f.format, stdout, stderr); code != 0 {
		return code
	}
	if f.format != "json" {
		fmt.Fprintln(stdout, res.CheckSummary(res.Config.Codes()))
	}
	return 0
}

// report prints problems (text, with GitHub annotations in Actions, or JSON) and
// returns the exit status: 1 for content problems, 0 when the run succeeded.
func report(res *build.Result, err error, format string, stdout, stderr io.Writer) int {
	problems := res.Problems
	if err != nil && !errors.Is(err, build.ErrProblems) {
		problems = append(problems, diag.Problem{Pos: diag.Pos{File: "build"}, Msg: err.Error()})
	}
	switch format {
	case "json":
		b, jerr := problems.JSON()
		if jerr != nil {
			fmt.Fprintln(stderr, jerr)
			return 1
		}
		fmt.Fprintln(stdout, string(b))
	default:
		for _, p := range problems {
			fmt.Fprint(stderr, p.Format())
		}
		if os.Getenv("GITHUB_ACTIONS") == "true" {
			for _, p := range problems {
				fmt.Fprintln(stdout, p.GitHubAnnotation())
			}
		}
		if n := problems.Errors(); n > 0 {
			fmt.Fprintf(stderr, "%d %s\n", n, plural(n, "error", "errors"))
		}
	}
	if err != nil {
		return 1
	}
	return 0
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
