package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"leitai/generator/internal/diag"
	"leitai/generator/internal/serve"
)

func cmdServe(args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	fs := newFlagSet("serve", stderr)
	f.register(fs)
	bind := fs.String("bind", "127.0.0.1", "address to listen on; anything but loopback lets other machines read the preview")
	port := fs.Int("port", 1313, "port to listen on (0: any free port)")
	poll := fs.Bool("poll", false, "check files for changes by polling, where file events are not delivered (network drives, some containers)")
	interval := fs.Duration("poll-interval", 300*time.Millisecond, "how often --poll checks")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if !loopbackOnly(*bind) {
		fmt.Fprintf(stderr, "warning: serving on %s: other machines on the network can read the preview\n", *bind)
	}
	o := serve.Options{Build: f.options(), Bind: *bind, Port: *port, Log: stderr}
	if *poll {
		o.Poll = *interval
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv, err := serve.Start(o)
	if err != nil {
		fmt.Fprintln(stderr, diag.Visible(err.Error()))
		return 1
	}
	fmt.Fprintf(stdout, "serving %s (Ctrl-C to stop); watching for changes\n", srv.URL())
	<-ctx.Done()
	fmt.Fprintln(stdout, "stopping")
	shutdown, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := srv.Close(shutdown); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// loopbackOnly reports whether every address host stands for is a loopback
// one, so no other machine can reach a server listening there. A name is
// resolved: "localhost" is loopback, though net.ParseIP cannot tell. The empty
// host (every interface) and a name that does not resolve count as reachable.
func loopbackOnly(host string) bool {
	ips, err := net.LookupIP(host)
	if err != nil || len(ips) == 0 {
		return false
	}
	for _, ip := range ips {
		if !ip.IsLoopback() {
			return false
		}
	}
	return true
}
