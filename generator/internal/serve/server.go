package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"leitai/generator/internal/build"
	"leitai/generator/internal/diag"
)

// Options configures a preview server.
type Options struct {
	Build build.Options
	Bind  string // default 127.0.0.1
	Port  int    // 0 picks a free port
	// Poll checks files at this interval instead of using file events; 0 uses events.
	Poll time.Duration
	// Log receives one line per rebuild and every warning; nil discards.
	Log io.Writer
}

// Server is a running preview.
type Server struct {
	opts    Options
	builder *build.Builder
	events  *broker
	http    *http.Server
	ln      net.Listener
	watch   watcher

	version  atomic.Int64 // of the output being served
	mu       sync.RWMutex
	problems diag.List // the content's problems now; the served output is the last good one

	rebuilt chan *build.Update // for tests: every finished rebuild
	done    chan struct{}
}

// ErrPortInUse is returned when the port is taken; the message suggests a free one.
var ErrPortInUse = errors.New("port in use")

// Start builds the site, listens, and starts watching. The site's base URL becomes
// the server's address, so every link leads to the preview.
func Start(o Options) (*Server, error) {
	if o.Bind == "" {
		o.Bind = "127.0.0.1"
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(o.Bind, strconv.Itoa(o.Port)))
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return nil, fmt.Errorf("%w: %s:%d is already taken by another program; %s", ErrPortInUse, o.Bind, o.Port, suggestPort(o.Bind, o.Port))
		}
		return nil, err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	host := o.Bind
	if host == "0.0.0.0" || host == "::" || host == "" {
		host = "127.0.0.1"
	}
	o.Build.Overrides.BaseURL = "http://" + net.JoinHostPort(host, strconv.Itoa(port)) + "/"

	s := &Server{
		opts:    o,
		builder: build.NewBuilder(o.Build),
		events:  newBroker(),
		ln:      ln,
		rebuilt: make(chan *build.Update, 16),
		done:    make(chan struct{}),
	}
	u := s.builder.Full()
	s.afterBuild(u)
	// The first build leaves the garbage of a whole site (gigabytes at 10,000
	// departments). Collected now, while the editor reads the first page, it is
	// not collected during the first save, which at 10,000 departments took
	// twice as long as the saves after it.
	runtime.GC()
	if s.builder.Config() == nil {
		ln.Close()
		return nil, fmt.Errorf("cannot read the site's config: %w", u.Problems.Err())
	}

	file, dirs := s.builder.WatchRoots()
	sc := scope{file: file, dirs: dirs}
	if o.Poll > 0 {
		s.watch = newPollWatcher(sc, o.Poll)
	} else if s.watch, err = newNotifyWatcher(sc); err != nil {
		ln.Close()
		return nil, fmt.Errorf("watching files: %w (try --poll)", err)
	}

	mux := http.NewServeMux()
	mux.HandleFunc("/__leitai/events", s.serveEvents)
	mux.HandleFunc("/__leitai/reload.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, reloadScript)
	})
	mux.HandleFunc("/", s.serveSite)
	s.http = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	// Streaming responses never go idle; ending them lets Shutdown finish.
	s.http.RegisterOnShutdown(s.events.close)

	go s.http.Serve(ln)
	go s.loop()
	return s, nil
}

// URL is where the site is served.
func (s *Server) URL() string { return s.opts.Build.Overrides.BaseURL }

// Problems is what the content has wrong now.
func (s *Server) Problems() diag.List {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.problems
}

// Rebuilt delivers every finished rebuild; a full buffer drops the oldest, so an
// unread channel never blocks the server.
func (s *Server) Rebuilt() <-chan *build.Update { return s.rebuilt }

// Close stops watching and serving, and waits for both.
func (s *Server) Close(ctx context.Context) error {
	err := s.watch.Close()
	<-s.done
	if herr := s.http.Shutdown(ctx); err == nil {
		err = herr
	}
	return err
}

// loop rebuilds after each batch of changes, one at a time.
func (s *Server) loop() {
	defer close(s.done)
	for {
		select {
		case batch, ok := <-s.watch.Batches():
			if !ok {
				return
			}
			s.afterBuild(s.builder.Apply(batch))
		case err := <-s.watch.Errors():
			fmt.Fprintf(s.opts.Log, "watch: %s\n", diag.Visible(err.Error()))
		}
	}
}

// afterBuild publishes a build's outcome: a reload when the new pages are in
// place, else the problems.
func (s *Server) afterBuild(u *build.Update) {
	s.mu.Lock()
	s.problems = u.Problems
	s.mu.Unlock()
	if u.OK() {
		v := s.version.Add(1)
		s.events.publish(event{name: "reload", data: strconv.FormatInt(v, 10), version: v})
		fmt.Fprintf(s.opts.Log, "%s rebuilt %d pages in %s\n", time.Now().Format("15:04:05"), len(u.Written), u.Duration.Round(100*time.Microsecond))
	} else {
		b, _ := json.Marshal(struct {
			Problems diag.List `json:"problems"`
		}{errorsOnly(u.Problems)})
		s.events.publish(event{name: "problems", data: string(b), version: s.version.Load()})
		for _, p := range u.Problems {
			fmt.Fprint(s.opts.Log, p.Format())
		}
	}
	select {
	case s.rebuilt <- u:
	default:
		select {
		case <-s.rebuilt:
		default:
		}
		s.rebuilt <- u
	}
}

func errorsOnly(l diag.List) diag.List {
	out := diag.List{}
	for _, p := range l {
		if p.Severity == diag.Error {
			out = append(out, p)
		}
	}
	return out
}

func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ch, leave := s.events.subscribe()
	defer leave()
	io.WriteString(w, "retry: 500\n\n")
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev, ok := <-ch:
			if !ok {
				return
			}
			if ev.name == "" {
				continue
			}
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
			flusher.Flush()
		}
	}
}

// serveSite answers from the in-memory site. Paths are looked up, never joined
// onto a folder, so no request can read outside the site.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	out := s.builder.Output()
	p := path.Clean("/" + r.URL.Path)
	rel := strings.TrimPrefix(p, "/")
	if strings.HasSuffix(r.URL.Path, "/") || rel == "" {
		rel = path.Join(rel, "index.html")
	}
	data, ok := out.File(rel)
	if !ok && !strings.HasSuffix(rel, "index.html") {
		if _, isDir := out.File(path.Join(rel, "index.html")); isDir {
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
	}
	status := http.StatusOK
	if !ok {
		status = http.StatusNotFound
		rel = "404.html"
		if data, ok = out.File(rel); !ok {
			data = []byte("<!DOCTYPE html><title>Not found</title><body><h1>Not found</h1></body>")
		}
	}
	ctype := contentType(rel)
	if strings.HasPrefix(ctype, "text/html") {
		data = decorate(data, s.version.Load(), s.Problems())
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(data)
	}
}

// types are the content types the site's files need, stated here rather than
// taken from the machine's MIME database, which differs between systems.
var types = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".json":        "application/json",
	".xml":         "application/xml; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".csv":         "text/csv; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".webp":        "image/webp",
	".ico":         "image/x-icon",
	".woff2":       "font/woff2",
	".webmanifest": "application/manifest+json",
}

func contentType(name string) string {
	if t, ok := types[strings.ToLower(path.Ext(name))]; ok {
		return t
	}
	return "application/octet-stream"
}

// suggestPort finds a free port near the one asked for.
func suggestPort(bind string, port int) string {
	for p := port + 1; p < port+50 && p < 65536; p++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(p)))
		if err == nil {
			ln.Close()
			return fmt.Sprintf("try --port %d, which is free", p)
		}
	}
	return "try --port 0 to pick any free port"
}
