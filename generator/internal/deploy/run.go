package deploy

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// DefaultMaxDeletes is how many objects a deploy may delete unless told
// otherwise: more than a removed department or a rebuilt search index takes,
// far fewer than a site.
const DefaultMaxDeletes = 256

// Options say how to carry out a deploy.
type Options struct {
	Dir       string   // the built site
	Languages []string // its language folders, which the header rules name
	Prefix    string   // "" or a folder ending in "/": everything happens under it
	// MaxDeletes stops a deploy that would delete more objects, before it
	// changes anything; negative for no limit.
	MaxDeletes int
	DryRun     bool // plan, and change nothing
	Force      bool // upload every file, changed or not
	Workers    int  // uploads at once within a rank; 0 means 4
	// Progress, when set, is called after each upload and deletion.
	Progress func(Progress)
}

// Progress is how far a deploy is.
type Progress struct {
	Done, Total int
	Bytes       int64 // uploaded so far
}

// Result is what a deploy did (or, in a dry run, would do).
type Result struct {
	Plan          Plan
	Uploaded      int
	UploadedBytes int64
	Deleted       int
	Elapsed       time.Duration
}

// TooManyDeletes is the error of a deploy that --max-deletes stopped.
type TooManyDeletes struct {
	Would, Max int
	Target     string
}

func (e *TooManyDeletes) Error() string {
	return fmt.Sprintf("the deploy would delete %d objects under %s, more than --max-deletes %d; nothing was changed: "+
		"check deploy.prefix and that the build is complete (run with --dry-run to see them, or --max-deletes %d if they should go)",
		e.Would, e.Target, e.Max, e.Would)
}

// Run deploys the built site in o.Dir to the store: it plans, then uploads
// rank by rank (assets, data, pages, the home page), then deletes what the
// build no longer has. Any failed upload stops it before anything is deleted;
// run again, it picks up where it stopped, since the plan compares hashes.
func Run(ctx context.Context, st Store, o Options) (Result, error) {
	start := time.Now()
	var res Result
	local, err := Scan(o.Dir, o.Languages)
	if err != nil {
		return res, err
	}
	listed, err := st.List(ctx, o.Prefix)
	if err != nil {
		return res, err
	}
	remote := make([]Object, 0, len(listed))
	for _, obj := range listed {
		// A store that ignored the prefix must not lead to a deletion outside it.
		if rel, ok := strings.CutPrefix(obj.Key, o.Prefix); ok && rel != "" {
			obj.Key = rel
			remote = append(remote, obj)
		}
	}
	res.Plan = NewPlan(local, remote, o.Force)
	if o.MaxDeletes >= 0 && len(res.Plan.Deletes) > o.MaxDeletes {
		return res, &TooManyDeletes{Would: len(res.Plan.Deletes), Max: o.MaxDeletes, Target: st.String()}
	}
	if o.DryRun {
		res.Elapsed = time.Since(start)
		return res, nil
	}
	ex := executor{st: st, o: o, total: len(res.Plan.Uploads) + len(res.Plan.Deletes), res: &res}
	if o.Workers <= 0 {
		ex.o.Workers = 4
	}
	ups := res.Plan.Uploads
	for len(ups) > 0 {
		n := 1
		for n < len(ups) && ups[n].Rank == ups[0].Rank {
			n++
		}
		if err := ex.uploadAll(ctx, ups[:n]); err != nil {
			res.Elapsed = time.Since(start)
			return res, fmt.Errorf("%w; nothing was deleted, and running the deploy again continues it", err)
		}
		ups = ups[n:]
	}
	for _, key := range res.Plan.Deletes {
		if err := st.Delete(ctx, o.Prefix+key); err != nil {
			res.Elapsed = time.Since(start)
			return res, err
		}
		res.Deleted++
		ex.step(0)
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// executor uploads and counts.
type executor struct {
	st    Store
	o     Options
	total int
	res   *Result

	mu   sync.Mutex
	done int
}

func (ex *executor) step(bytes int64) {
	ex.mu.Lock()
	defer ex.mu.Unlock()
	ex.done++
	if bytes > 0 {
		ex.res.Uploaded++
		ex.res.UploadedBytes += bytes
	}
	if ex.o.Progress != nil {
		ex.o.Progress(Progress{Done: ex.done, Total: ex.total, Bytes: ex.res.UploadedBytes})
	}
}

// uploadAll uploads files of one rank, several at once; the first failure
// stops the others and is returned.
func (ex *executor) uploadAll(ctx context.Context, ups []Upload) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	work := make(chan Upload)
	var (
		wg       sync.WaitGroup
		once     sync.Once
		firstErr error
	)
	for range min(ex.o.Workers, len(ups)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range work {
				if err := ex.upload(ctx, u); err != nil {
					once.Do(func() { firstErr = err; cancel() })
					return
				}
			}
		}()
	}
feed:
	for _, u := range ups {
		select {
		case work <- u:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	if firstErr == nil && ctx.Err() != nil {
		// Stopped from outside (Ctrl-C): the parent's context says so.
		firstErr = fmt.Errorf("deploy to %s interrupted", ex.st)
	}
	return firstErr
}

func (ex *executor) upload(ctx context.Context, u Upload) error {
	data, err := os.ReadFile(filepath.Join(ex.o.Dir, filepath.FromSlash(u.Key)))
	if err != nil {
		return err
	}
	if int64(len(data)) != u.Size {
		return fmt.Errorf("%s changed while deploying: build again, then deploy", u.Key)
	}
	if err := ex.st.Put(ctx, ex.o.Prefix+u.Key, bytes.NewReader(data), u.Size, u.MD5, u.Headers); err != nil {
		return err
	}
	ex.step(u.Size)
	return nil
}
