package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"leitai/generator/internal/config"
	"leitai/generator/internal/deploy"
	"leitai/generator/internal/diag"
)

// deployEnv is where deploy reads the keys; tests give their own.
type deployEnv struct {
	getenv func(string) string
	opts   []deploy.S3Option
}

func cmdDeploy(args []string, stdout, stderr io.Writer) int {
	return runDeploy(args, stdout, stderr, deployEnv{getenv: os.Getenv})
}

func runDeploy(args []string, stdout, stderr io.Writer, env deployEnv) int {
	fs := newFlagSet("deploy", stderr)
	cfgPath := fs.String("config", "config.yaml", "the site's config file, with the deploy: section")
	dest := fs.String("destination", "", "the built site to publish (default: output in config.yaml, else public)")
	dryRun := fs.Bool("dry-run", false, "print what would be uploaded and deleted, and change nothing")
	maxDeletes := fs.Int("max-deletes", deploy.DefaultMaxDeletes, "stop, changing nothing, if the deploy would delete more objects than this (-1: no limit)")
	force := fs.Bool("force", false, "upload every file, also those whose bytes the bucket already has (after headers changed)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	cfg, problems := config.Load(*cfgPath, config.Overrides{Destination: *dest})
	for _, p := range problems {
		fmt.Fprint(stderr, p.Format())
	}
	if cfg == nil {
		fmt.Fprintf(stderr, "%d %s\n", problems.Errors(), plural(problems.Errors(), "error", "errors"))
		return 1
	}
	if cfg.Deploy == nil {
		p := diag.Problem{Pos: diag.Pos{File: *cfgPath}, Msg: "there is no deploy: section: nothing says where to publish",
			Hint: "add deploy: with endpoint, region and bucket (see README.md, Publishing)"}
		fmt.Fprint(stderr, p.Format())
		return 1
	}
	creds, err := deploy.CredentialsFrom(env.getenv)
	if err != nil {
		fmt.Fprintf(stderr, "deploy: %v\n", err)
		return 1
	}
	store := deploy.NewS3(*cfg.Deploy, creds, env.opts...)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	pr := newProgressLine(stderr)
	res, err := deploy.Run(ctx, store, deploy.Options{
		Dir:        cfg.Output,
		Languages:  cfg.Codes(),
		Prefix:     cfg.Deploy.Prefix,
		MaxDeletes: *maxDeletes,
		DryRun:     *dryRun,
		Force:      *force,
		Progress:   pr.show,
	})
	pr.end()
	if err != nil {
		fmt.Fprintf(stderr, "deploy: %v\n", err)
		if res.Uploaded > 0 {
			fmt.Fprintf(stderr, "(%d of %d files were uploaded before it stopped)\n", res.Uploaded, len(res.Plan.Uploads))
		}
		return 1
	}
	p := res.Plan
	if *dryRun {
		for _, u := range p.Uploads {
			how := "changed"
			if u.New {
				how = "new"
			}
			fmt.Fprintf(stdout, "upload  %-7s %-9s %s\n", how, u.Rank, u.Key)
		}
		for _, k := range p.Deletes {
			fmt.Fprintf(stdout, "delete  %s\n", k)
		}
		fmt.Fprintf(stdout, "dry run, nothing changed: would upload %d (%s), leave %d unchanged, delete %d, in %s\n",
			len(p.Uploads), humanBytes(p.UploadBytes), p.Unchanged, len(p.Deletes), store)
		return 0
	}
	fmt.Fprintf(stdout, "deployed to %s: %d uploaded (%s), %d unchanged, %d deleted in %s\n",
		store, res.Uploaded, humanBytes(res.UploadedBytes), p.Unchanged, res.Deleted, res.Elapsed.Round(time.Millisecond))
	return 0
}

// progressLine shows how far a deploy is: redrawn in place on a terminal, a
// line every few seconds in a log; nothing for a deploy over in a moment.
type progressLine struct {
	w        io.Writer
	terminal bool
	start    time.Time
	last     time.Time
	shown    bool
}

func newProgressLine(w io.Writer) *progressLine {
	p := &progressLine{w: w, start: time.Now()}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.terminal = true
		}
	}
	return p
}

func (p *progressLine) show(pr deploy.Progress) {
	now := time.Now()
	every := 5 * time.Second
	if p.terminal {
		every = 100 * time.Millisecond
	}
	if now.Sub(p.start) < time.Second || now.Sub(p.last) < every && pr.Done != pr.Total {
		return
	}
	p.last = now
	line := fmt.Sprintf("deploying: %d of %d done, %s uploaded", pr.Done, pr.Total, humanBytes(pr.Bytes))
	if p.terminal {
		fmt.Fprintf(p.w, "\r%s\x1b[K", line)
		p.shown = true
		return
	}
	fmt.Fprintln(p.w, line)
}

func (p *progressLine) end() {
	if p.shown {
		fmt.Fprintln(p.w)
	}
}

func humanBytes(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
}
