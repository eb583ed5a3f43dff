package main

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// syncBuffer is a buffer the command writes to while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// serveUntilServing runs `serve` with args until it says it is serving, then
// stops it as Ctrl-C does, and returns its exit status and output.
func serveUntilServing(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() { done <- run(append([]string{"serve"}, args...), &stdout, &stderr) }()
	deadline := time.After(30 * time.Second)
	for !strings.Contains(stdout.String(), "serving ") {
		select {
		case code := <-done:
			return code, stdout.String(), stderr.String()
		case <-deadline:
			t.Fatalf("serve did not start:\n%s%s", stdout.String(), stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	// serve prints "serving" after it has asked for SIGINT, so the signal stops
	// the command, not the test.
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		return code, stdout.String(), stderr.String()
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop on SIGINT")
	}
	return 0, "", ""
}

// Anything but loopback lets other machines read the preview: serve says so
// before it starts, and says nothing on loopback, named or numbered.
func TestServeWarnsWhenBoundBeyondLoopback(t *testing.T) {
	cfg := copySite(t, checkSite)
	const warning = "warning: serving on 0.0.0.0: other machines on the network can read the preview\n"
	for _, c := range []struct {
		bind string
		warn bool
	}{{"127.0.0.1", false}, {"localhost", false}, {"0.0.0.0", true}} {
		code, stdout, stderr := serveUntilServing(t, "--config", cfg, "--port", "0", "--bind", c.bind)
		if code != 0 || !strings.Contains(stdout, "serving http://") || !strings.Contains(stdout, "stopping") {
			t.Errorf("--bind %s: exit %d\n%s%s", c.bind, code, stdout, stderr)
		}
		if got := strings.Contains(stderr, "warning:"); got != c.warn {
			t.Errorf("--bind %s: warned %v, want %v:\n%s", c.bind, got, c.warn, stderr)
		}
		if c.warn && !strings.HasPrefix(stderr, warning) {
			t.Errorf("--bind %s: stderr starts %q, want %q", c.bind, stderr, warning)
		}
	}
}

// Which binds count as loopback: addresses and names, IPv4 and IPv6.
func TestLoopbackOnly(t *testing.T) {
	for host, want := range map[string]bool{
		"127.0.0.1": true, "127.0.0.2": true, "::1": true, "localhost": true,
		"0.0.0.0": false, "::": false, "": false, "192.0.2.1": false, "2001:db8::1": false,
		"no-such-host.invalid": false,
	} {
		if got := loopbackOnly(host); got != want {
			t.Errorf("loopbackOnly(%q) = %v, want %v", host, got, want)
		}
	}
}
