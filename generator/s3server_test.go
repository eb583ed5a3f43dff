package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// The deploy tests run against a real S3-compatible server on loopback:
// Versity Gateway (versitygw), which serves a folder over the S3 API. .ci/run
// installs it; elsewhere the tests skip without it, except in CI.

const (
	s3Key    = "leitai-test-key"
	s3Secret = "leitai-test-secret"
	s3Bucket = "pledges"
)

func findVersitygw(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("LEITAI_VERSITYGW"); p != "" {
		return p
	}
	if p, err := exec.LookPath("versitygw"); err == nil {
		return p
	}
	if out, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		p := filepath.Join(strings.TrimSpace(string(out)), "bin", "versitygw")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	requireTool(t, "Versity Gateway (versitygw)", "go install github.com/versity/versitygw/cmd/versitygw@v1.8.0, or set LEITAI_VERSITYGW")
	return ""
}

// s3Server is a running versitygw with one bucket.
type s3Server struct {
	URL    string // http://127.0.0.1:port
	client *s3.Client
}

// startS3 starts versitygw over a fresh folder and creates the bucket; the
// server stops when the test ends.
func startS3(t *testing.T, flags ...string) *s3Server {
	t.Helper()
	bin := findVersitygw(t)
	root := t.TempDir()
	var addr string
	var cmd *exec.Cmd
	for try := 0; ; try++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr = l.Addr().String()
		l.Close()
		args := append([]string{"--access", s3Key, "--secret", s3Secret, "--port", addr, "--quiet"}, flags...)
		cmd = exec.Command(bin, append(args, "posix", root)...)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatalf("starting versitygw: %v", err)
		}
		if waitListening(addr, 10*time.Second) {
			break
		}
		cmd.Process.Kill()
		cmd.Wait()
		if try == 2 {
			t.Fatalf("versitygw did not listen on %s", addr)
		}
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	srv := &s3Server{URL: "http://" + addr}
	srv.client = s3.New(s3.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(srv.URL),
		UsePathStyle: true,
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: s3Key, SecretAccessKey: s3Secret}, nil
		}),
	})
	if _, err := srv.client.CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String(s3Bucket)}); err != nil {
		t.Fatalf("creating the bucket: %v", err)
	}
	return srv
}

func waitListening(addr string, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			return true
		}
		time.Sleep(50 * time.Millisecond)
	}
	return false
}

// list gives every key of the bucket under prefix with its ETag.
func (s *s3Server) list(t *testing.T, prefix string) map[string]string {
	t.Helper()
	out := map[string]string{}
	p := s3.NewListObjectsV2Paginator(s.client, &s3.ListObjectsV2Input{Bucket: aws.String(s3Bucket), Prefix: aws.String(prefix)})
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range page.Contents {
			out[aws.ToString(o.Key)] = strings.Trim(aws.ToString(o.ETag), `"`)
		}
	}
	return out
}

func (s *s3Server) put(t *testing.T, key, body string) {
	t.Helper()
	_, err := s.client.PutObject(context.Background(), &s3.PutObjectInput{Bucket: aws.String(s3Bucket), Key: aws.String(key), Body: strings.NewReader(body)})
	if err != nil {
		t.Fatal(err)
	}
}

// head gives an object's headers, or nil when there is none.
func (s *s3Server) head(t *testing.T, key string) *s3.HeadObjectOutput {
	t.Helper()
	out, err := s.client.HeadObject(context.Background(), &s3.HeadObjectInput{Bucket: aws.String(s3Bucket), Key: aws.String(key)})
	if err != nil {
		return nil
	}
	return out
}

// recorder stands between the deploy and the server: it passes every request
// on unchanged (the Host header too, which the signature covers), notes each
// one, and can answer in the server's place to make a request fail.
type recorder struct {
	srv *httptest.Server
	mu  sync.Mutex
	log []string // "PUT pledges/site/zh/index.html"
	// fail, when set (by failWith), may answer a request itself: it returns
	// the status and the S3 error code to send, or 0 to pass the request on.
	// The deploy sends requests in parallel; fail runs under mu, one at a time.
	fail func(method, key string, n int) (int, string)
}

// failWith sets fail, or clears it with nil.
func (r *recorder) failWith(fail func(method, key string, n int) (int, string)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.fail = fail
}

func newRecorder(t *testing.T, target string) *recorder {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	proxy := &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
		r.SetURL(u)
		r.Out.Host = r.In.Host
	}, ErrorLog: log.New(io.Discard, "", 0)} // a cancelled request is what a test of cancelling wants
	rec.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := strings.TrimPrefix(r.URL.Path, "/")
		rec.mu.Lock()
		rec.log = append(rec.log, r.Method+" "+key)
		status, code := 0, ""
		if rec.fail != nil {
			status, code = rec.fail(r.Method, key, len(rec.log))
		}
		rec.mu.Unlock()
		if status != 0 {
			w.Header().Set("Content-Type", "application/xml")
			w.WriteHeader(status)
			fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>%s</Code><Message>injected by the test</Message></Error>`, code)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(rec.srv.Close)
	return rec
}

// take returns the requests noted since the last call, and forgets them.
func (r *recorder) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.log
	r.log = nil
	return out
}

// writes are the PUTs and DELETEs among requests, as "PUT key".
func writes(reqs []string) []string {
	var out []string
	for _, r := range reqs {
		if strings.HasPrefix(r, "PUT ") || strings.HasPrefix(r, "DELETE ") {
			out = append(out, r)
		}
	}
	return out
}
