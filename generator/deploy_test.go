package main

import (
	"bytes"
	"context"
	"crypto/md5"
	"encoding/hex"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"leitai/generator/internal/config"
	"leitai/generator/internal/deploy"
	"leitai/generator/internal/headers"
)

// deploySite is a copy of the real site whose config.yaml deploys to endpoint,
// under the prefix site/.
type deploySite struct {
	cfg, root, out string
	env            map[string]string
}

func newDeploySite(t *testing.T, endpoint string) *deploySite {
	t.Helper()
	cfg := copySite(t, "..")
	root := filepath.Dir(cfg)
	f, err := os.OpenFile(cfg, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	// No addressing: a loopback endpoint is addressed by path, as servers of
	// one's own are.
	f.WriteString("deploy:\n  endpoint: " + endpoint + "\n  region: us-east-1\n  bucket: " + s3Bucket + "\n  prefix: site\n")
	f.Close()
	return &deploySite{cfg: cfg, root: root, out: filepath.Join(root, "public"),
		env: map[string]string{"AWS_ACCESS_KEY_ID": s3Key, "AWS_SECRET_ACCESS_KEY": s3Secret}}
}

func (s *deploySite) build(t *testing.T) {
	t.Helper()
	if code, out, errOut := runCmd("build", "--config", s.cfg); code != 0 {
		t.Fatalf("build exited %d:\n%s%s", code, out, errOut)
	}
}

// deploy runs the command and returns its status and output. Retries wait
// milliseconds, not seconds, so a test of them is quick.
func (s *deploySite) deploy(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := deployEnv{
		getenv: func(k string) string { return s.env[k] },
		opts:   []deploy.S3Option{deploy.WithRetries(4, 20*time.Millisecond)},
	}
	code := runDeploy(append([]string{"--config", s.cfg}, args...), &out, &errOut, env)
	return code, out.String(), errOut.String()
}

// files lists the built site's files with their MD5, keyed as in the bucket.
func (s *deploySite) files(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(s.out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(s.out, p)
		sum := md5.Sum(b)
		out["site/"+filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func keysOf(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// putKeys are the keys of the PUTs among requests, in order, without the bucket.
func putKeys(reqs []string) []string {
	var out []string
	for _, r := range writes(reqs) {
		if k, ok := strings.CutPrefix(r, "PUT "+s3Bucket+"/"); ok {
			out = append(out, k)
		}
	}
	return out
}

func mustDeploy(t *testing.T, s *deploySite, args ...string) string {
	t.Helper()
	code, out, errOut := s.deploy(t, args...)
	if code != 0 {
		t.Fatalf("deploy %v exited %d:\n%s%s", args, code, out, errOut)
	}
	return out
}

// The bucket holds exactly the build, byte for byte (by MD5), and whatever
// lies outside the prefix is untouched.
func assertConverged(t *testing.T, srv *s3Server, s *deploySite, when string) {
	t.Helper()
	want := s.files(t)
	got := srv.list(t, "site/")
	if !slices.Equal(keysOf(got), keysOf(want)) {
		t.Fatalf("%s: the bucket's keys differ from the build's:\nbucket %v\nbuild  %v", when, keysOf(got), keysOf(want))
	}
	for k, sum := range want {
		if got[k] != sum {
			t.Errorf("%s: %s has ETag %s, the build's file MD5 %s", when, k, got[k], sum)
		}
	}
	if _, ok := srv.list(t, "")["elsewhere/keep.txt"]; !ok {
		t.Errorf("%s: elsewhere/keep.txt, outside the prefix, was deleted", when)
	}
}

// deployFixture starts a server with the recorder in front, a copy of the
// real site that deploys to it, an object outside the prefix that must
// survive every deploy, and builds the site.
func deployFixture(t *testing.T) (*s3Server, *recorder, *deploySite) {
	t.Helper()
	srv := startS3(t)
	rec := newRecorder(t, srv.URL)
	s := newDeploySite(t, rec.srv.URL)
	srv.put(t, "elsewhere/keep.txt", "not the site's")
	s.build(t)
	return srv, rec, s
}

func TestDeployToARealS3Server(t *testing.T) {
	srv, rec, s := deployFixture(t)
	srv.put(t, "sitemap.xml", "another site at the bucket's root")
	built := s.files(t)
	rec.take()

	// A dry run lists every file as new and changes nothing.
	out := mustDeploy(t, s, "--dry-run")
	if n := strings.Count(out, "upload  new"); n != len(built) {
		t.Errorf("dry run lists %d new files, the build has %d:\n%s", n, len(built), out)
	}
	if !strings.Contains(out, "dry run, nothing changed") {
		t.Errorf("dry run's summary: %q", out)
	}
	if w := writes(rec.take()); len(w) != 0 {
		t.Fatalf("the dry run wrote: %v", w)
	}
	if got := srv.list(t, "site/"); len(got) != 0 {
		t.Fatalf("after the dry run the bucket holds %v", keysOf(got))
	}

	// The first deploy uploads every file, assets first, the home page last.
	out = mustDeploy(t, s)
	puts := putKeys(rec.take())
	if len(puts) != len(built) {
		t.Errorf("first deploy: %d PUTs for %d files", len(puts), len(built))
	}
	assertUploadOrder(t, puts)
	if len(puts) > 0 && puts[len(puts)-1] != "site/index.html" {
		t.Errorf("the last upload is %s, not the home page", puts[len(puts)-1])
	}
	if !strings.Contains(out, "deployed to s3://pledges/site/: "+itoa(len(built))+" uploaded") || !strings.Contains(out, "0 unchanged, 0 deleted") {
		t.Errorf("summary: %q", out)
	}
	assertConverged(t, srv, s, "first deploy")
	if srv.head(t, "sitemap.xml") == nil {
		t.Error("the object at the bucket's root, outside the prefix, was deleted")
	}

	// Each object carries the headers that _headers gives the same file.
	for key, want := range map[string][2]string{
		"site/zh/index.html":                     {"text/html; charset=utf-8", headers.Short},
		"site/en/departments/finance/index.html": {"text/html; charset=utf-8", headers.Short},
		"site/zh/atom.xml":                       {"application/atom+xml; charset=utf-8", headers.Short},
		"site/en/data/pledges.csv":               {"text/csv; charset=utf-8", headers.Short},
		"site/zh/data/pledges.json":              {"application/json; charset=utf-8", headers.Short},
		"site/favicon.svg":                       {"image/svg+xml; charset=utf-8", headers.Short},
		styleKey(t, built):                       {"text/css; charset=utf-8", headers.Immutable},
	} {
		h := srv.head(t, key)
		if h == nil {
			t.Errorf("HEAD %s: no object", key)
			continue
		}
		if got := aws.ToString(h.ContentType); got != want[0] {
			t.Errorf("HEAD %s: Content-Type %q, want %q", key, got, want[0])
		}
		if got := aws.ToString(h.CacheControl); got != want[1] {
			t.Errorf("HEAD %s: Cache-Control %q, want %q", key, got, want[1])
		}
	}

	// Nothing changed: nothing goes up.
	out = mustDeploy(t, s)
	if w := writes(rec.take()); len(w) != 0 {
		t.Errorf("second deploy wrote %v", w)
	}
	if !strings.Contains(out, ": 0 uploaded (0 B), "+itoa(len(built))+" unchanged, 0 deleted") {
		t.Errorf("second deploy's summary: %q", out)
	}

	// One department edited: exactly the files whose bytes changed go up.
	applyEdits(t, s.root, []edit{{file: "content/departments/finance.yaml", old: "市财政局党组书记、局长", new: "市财政局党组书记、局长（代）"}})
	s.build(t)
	after := s.files(t)
	var changed []string
	for k, sum := range after {
		if built[k] != sum {
			changed = append(changed, k)
		}
	}
	slices.Sort(changed)
	mustDeploy(t, s)
	puts = putKeys(rec.take())
	assertUploadOrder(t, puts)
	slices.Sort(puts)
	if !slices.Equal(puts, changed) {
		t.Errorf("after one edit, uploaded %v; changed %v", puts, changed)
	}
	if !slices.Contains(puts, "site/zh/departments/finance/index.html") {
		t.Errorf("the edited department's page was not uploaded: %v", puts)
	}
	assertConverged(t, srv, s, "after an edit")

	// A removed department: --max-deletes below what would go stops the deploy
	// before it changes anything.
	applyEdits(t, s.root, []edit{{file: "content/departments/commerce.yaml", new: "-"}})
	removeLinks(t, s.root, "commerce")
	s.build(t)
	code, out, errOut := s.deploy(t, "--max-deletes", "1")
	if code == 0 || !strings.Contains(errOut, "more than --max-deletes 1; nothing was changed") {
		t.Errorf("--max-deletes 1: exit %d\n%s%s", code, out, errOut)
	}
	if w := writes(rec.take()); len(w) != 0 {
		t.Errorf("a deploy stopped by --max-deletes wrote %v", w)
	}
	out = mustDeploy(t, s, "--dry-run")
	for _, page := range []string{"delete  zh/departments/commerce/index.html", "delete  en/departments/commerce/index.html"} {
		if !strings.Contains(out, page) {
			t.Errorf("dry run does not list %q:\n%s", page, out)
		}
	}
	rec.take()
	mustDeploy(t, s)
	reqs := writes(rec.take())
	if i, j := lastIndex(reqs, "PUT "), firstIndex(reqs, "DELETE "); j >= 0 && i > j {
		t.Errorf("a deletion came before an upload: %v", reqs)
	}
	for _, gone := range []string{"site/zh/departments/commerce/index.html", "site/en/departments/commerce/index.html"} {
		if srv.head(t, gone) != nil {
			t.Errorf("%s is still in the bucket", gone)
		}
	}
	assertConverged(t, srv, s, "after a removal")
	t.Logf("files %d, changed by the edit %d, now %d", len(built), len(changed), len(s.files(t)))
}

// assertUploadOrder checks that no file went up before one of a lower rank:
// assets, then data, then pages, then the home page.
func assertUploadOrder(t *testing.T, puts []string) {
	t.Helper()
	last := deploy.Asset
	for _, k := range puts {
		r := deploy.RankOf(strings.TrimPrefix(k, "site/"))
		if r < last {
			t.Errorf("%s (%s) went up after a %s: %v", k, r, last, puts)
			return
		}
		last = r
	}
}

func styleKey(t *testing.T, files map[string]string) string {
	t.Helper()
	for k := range files {
		if strings.HasPrefix(k, "site/style.") && strings.HasSuffix(k, ".css") {
			return k
		}
	}
	t.Fatal("no stylesheet in the build")
	return ""
}

func firstIndex(reqs []string, prefix string) int {
	for i, r := range reqs {
		if strings.HasPrefix(r, prefix) {
			return i
		}
	}
	return -1
}

func lastIndex(reqs []string, prefix string) int {
	for i := len(reqs) - 1; i >= 0; i-- {
		if strings.HasPrefix(reqs[i], prefix) {
			return i
		}
	}
	return -1
}

// removeLinks drops Markdown links to a department that is gone, which check
// would otherwise report.
func removeLinks(t *testing.T, root, slug string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(root, "content", "articles", "*.md"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		for {
			i := strings.Index(s, "](/departments/"+slug+"/)")
			if i < 0 {
				break
			}
			j := strings.LastIndex(s[:i], "[")
			s = s[:j] + s[j+1:i] + s[i+len("](/departments/"+slug+"/)"):]
		}
		if err := os.WriteFile(f, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Whatever fails, nothing is deleted after it, the error is one line that says
// what to check, and the next deploy finishes the job.
func TestDeployFailuresDeleteNothingAndConverge(t *testing.T) {
	srv, rec, s := deployFixture(t)
	mustDeploy(t, s)
	// The next build has one department fewer and one edited: its deploy would
	// upload some files and delete others.
	applyEdits(t, s.root, []edit{
		{file: "content/departments/commerce.yaml", new: "-"},
		{file: "content/departments/finance.yaml", old: "市财政局党组书记、局长", new: "市财政局党组书记、局长（代）"},
	})
	removeLinks(t, s.root, "commerce")
	s.build(t)
	stale := "site/zh/departments/commerce/index.html"
	rec.take()

	oneLine := func(what, errOut string, want ...string) {
		t.Helper()
		if strings.Count(errOut, "\n") != 1 {
			t.Errorf("%s: the error is not one line:\n%s", what, errOut)
		}
		for _, w := range want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%s: the error does not say %q:\n%s", what, w, errOut)
			}
		}
	}

	// A wrong secret.
	s.env["AWS_SECRET_ACCESS_KEY"] = "not-the-secret"
	code, _, errOut := s.deploy(t)
	s.env["AWS_SECRET_ACCESS_KEY"] = s3Secret
	if code != 1 {
		t.Errorf("wrong secret: exit %d", code)
	}
	oneLine("wrong secret", errOut, "SignatureDoesNotMatch", "check AWS_SECRET_ACCESS_KEY")
	// A key the store does not know, read from Alibaba Cloud's variables.
	s.env = map[string]string{"OSS_ACCESS_KEY_ID": "nobody", "OSS_ACCESS_KEY_SECRET": s3Secret}
	code, _, errOut = s.deploy(t)
	s.env = map[string]string{"AWS_ACCESS_KEY_ID": s3Key, "AWS_SECRET_ACCESS_KEY": s3Secret}
	if code != 1 {
		t.Errorf("unknown key: exit %d", code)
	}
	oneLine("unknown key", errOut, "InvalidAccessKeyId", "check OSS_ACCESS_KEY_ID")
	// No key at all.
	s.env = map[string]string{}
	code, _, errOut = s.deploy(t)
	s.env = map[string]string{"AWS_ACCESS_KEY_ID": s3Key, "AWS_SECRET_ACCESS_KEY": s3Secret}
	if code != 1 {
		t.Errorf("no key: exit %d", code)
	}
	oneLine("no key", errOut, "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
	if w := writes(rec.take()); len(w) != 0 {
		t.Errorf("refused deploys wrote %v", w)
	}
	if srv.head(t, stale) == nil {
		t.Fatalf("%s was deleted by a refused deploy", stale)
	}

	// A bucket that does not exist.
	other := *s
	other.cfg = filepath.Join(s.root, "other.yaml")
	cfgText := read(t, s.cfg)
	if err := os.WriteFile(other.cfg, []byte(strings.Replace(cfgText, "bucket: "+s3Bucket, "bucket: no-such-bucket", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = other.deploy(t)
	if code != 1 {
		t.Errorf("missing bucket: exit %d", code)
	}
	oneLine("missing bucket", errOut, "NoSuchBucket", `no bucket "no-such-bucket"`, "check deploy.bucket")

	// An upload refused half-way: what went up stays, nothing is deleted.
	rec.failWith(func(method, key string, n int) (int, string) {
		if method == "PUT" && strings.HasSuffix(key, ".html") {
			return http.StatusForbidden, "AccessDenied"
		}
		return 0, ""
	})
	code, _, errOut = s.deploy(t)
	rec.failWith(nil)
	if code != 1 {
		t.Errorf("refused upload: exit %d", code)
	}
	if !strings.Contains(errOut, "AccessDenied") || !strings.Contains(errOut, "nothing was deleted") {
		t.Errorf("refused upload: %s", errOut)
	}
	reqs := writes(rec.take())
	if firstIndex(reqs, "DELETE ") >= 0 {
		t.Errorf("a deploy whose upload failed deleted: %v", reqs)
	}
	if srv.head(t, stale) == nil {
		t.Errorf("%s was deleted after a failed upload", stale)
	}

	// A transient failure is retried: the first try of each page is
	// answered 503 SlowDown, the second passes.
	tried := map[string]bool{}
	rec.failWith(func(method, key string, n int) (int, string) {
		if method == "PUT" && strings.HasSuffix(key, ".html") && !tried[key] {
			tried[key] = true
			return http.StatusServiceUnavailable, "SlowDown"
		}
		return 0, ""
	})
	mustDeploy(t, s)
	rec.failWith(nil)
	puts := putKeys(rec.take())
	for key := range tried {
		if n := countOf(puts, strings.TrimPrefix(key, s3Bucket+"/")); n != 2 {
			t.Errorf("%s: %d PUTs, want 2 (one refused, one retried)", key, n)
		}
	}
	if len(tried) == 0 {
		t.Error("no page was uploaded, so no retry was tested")
	}
	assertConverged(t, srv, s, "after a failed deploy, run again")
	if code, out, _ := s.deploy(t); code != 0 || !strings.Contains(out, ": 0 uploaded") {
		t.Errorf("a deploy after convergence: %s", out)
	}
}

func countOf(list []string, s string) int {
	n := 0
	for _, x := range list {
		if x == s {
			n++
		}
	}
	return n
}

// A deploy stopped from outside (Ctrl-C, a cancelled CI job) mid-way leaves a
// bucket that the next deploy brings to the build.
func TestInterruptedDeployConverges(t *testing.T) {
	srv, rec, s := deployFixture(t)
	srv.put(t, "site/zh/departments/gone/index.html", "a page the build no longer has")
	cfg, problems := config.Load(s.cfg, config.Overrides{})
	if cfg == nil {
		t.Fatal(problems)
	}
	creds := deploy.Credentials{ID: s3Key, Secret: s3Secret, From: "test"}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	puts := 0
	rec.failWith(func(method, key string, n int) (int, string) {
		if method == "PUT" {
			if puts++; puts == 10 {
				cancel()
			}
		}
		return 0, ""
	})
	st := deploy.NewS3(*cfg.Deploy, creds)
	o := deploy.Options{Dir: cfg.Output, Languages: cfg.Codes(), Prefix: cfg.Deploy.Prefix, MaxDeletes: -1}
	res, err := deploy.Run(ctx, st, o)
	rec.failWith(nil)
	if err == nil {
		t.Fatal("the interrupted deploy reported success")
	}
	if res.Uploaded == 0 || res.Uploaded >= len(res.Plan.Uploads) || res.Deleted != 0 {
		t.Errorf("interrupted: uploaded %d of %d, deleted %d", res.Uploaded, len(res.Plan.Uploads), res.Deleted)
	}
	if srv.head(t, "site/zh/departments/gone/index.html") == nil {
		t.Error("the interrupted deploy deleted")
	}
	if srv.head(t, "site/index.html") != nil {
		t.Error("the home page went up before the deploy was complete")
	}
	res, err = deploy.Run(context.Background(), st, o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Plan.Unchanged == 0 || res.Deleted != 1 {
		t.Errorf("run again: %d unchanged (the first run's uploads), %d deleted", res.Plan.Unchanged, res.Deleted)
	}
	assertConverged(t, srv, s, "after an interrupted deploy, run again")
}

// What deploy sets on each object is what a host that reads _headers sends
// for the same file: both come from one definition, and this holds them to
// it over every file of a real build.
func TestDeployHeadersAgreeWithTheHeadersFile(t *testing.T) {
	out := buildReal(t)
	rules := readHeadersFile(t, filepath.Join(out, headers.File))
	files, err := deploy.Scan(out, []string{"zh", "en"})
	if err != nil {
		t.Fatal(err)
	}
	immutable := 0
	for _, f := range files {
		var fromFile []string
		for _, r := range rules {
			if globMatch(r.pattern, "/"+f.Key) {
				for _, h := range r.headers {
					if h[0] == "Cache-Control" {
						fromFile = append(fromFile, h[1])
					}
				}
			}
		}
		if len(fromFile) > 1 {
			t.Errorf("%s: _headers sets Cache-Control %d times", f.Key, len(fromFile))
		}
		if len(fromFile) == 1 && fromFile[0] != f.Headers.CacheControl {
			t.Errorf("%s: _headers gives %q, the deploy %q", f.Key, fromFile[0], f.Headers.CacheControl)
		}
		if len(fromFile) == 0 && f.Key != headers.File {
			t.Errorf("%s: _headers gives it no Cache-Control", f.Key)
		}
		if f.Headers.CacheControl == headers.Immutable {
			immutable++
		}
		if strings.HasPrefix(f.Headers.ContentType, "text/") && !strings.HasSuffix(f.Headers.ContentType, "; charset=utf-8") {
			t.Errorf("%s: %s without charset", f.Key, f.Headers.ContentType)
		}
		if f.Headers.ContentType == "application/octet-stream" {
			t.Errorf("%s: no known Content-Type", f.Key)
		}
	}
	if immutable < 2 {
		t.Errorf("%d immutable files; the stylesheet and the search script are", immutable)
	}
}

// OSS accepts only virtual-hosted addressing (bucket.endpoint/key), the
// default for its endpoints and COS's; and a new OSS account in mainland China
// must upload through a domain bound to the bucket (endpoint/key). A server
// that routes by host name takes both; the host names resolve to loopback
// through the test's dialer, and the requests show where each went.
func TestDeployVirtualHostedAndBoundDomain(t *testing.T) {
	for _, c := range []struct{ endpoint, addressing string }{
		{"http://s3.leitai.test:PORT", "virtual"},
		{"http://" + s3Bucket + ".s3.leitai.test:PORT", "domain"},
	} {
		srv := startS3(t, "--virtual-domain", "s3.leitai.test")
		srv.put(t, "elsewhere/keep.txt", "not the site's")
		port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]
		dialer := &net.Dialer{}
		loopback := &http.Transport{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return dialer.DialContext(ctx, network, "127.0.0.1:"+port)
		}}
		wantPut := "PUT " + s3Bucket + ".s3.leitai.test:" + port + "/site/index.html"
		var reqs []string
		var mu sync.Mutex
		client := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
			mu.Lock()
			reqs = append(reqs, r.Method+" "+r.URL.Host+r.URL.Path)
			mu.Unlock()
			return loopback.RoundTrip(r)
		})}
		s := newDeploySite(t, strings.Replace(c.endpoint, "PORT", port, 1))
		if err := os.WriteFile(s.cfg, []byte(read(t, s.cfg)+"  addressing: "+c.addressing+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		s.build(t)
		env := deployEnv{getenv: func(k string) string { return s.env[k] }, opts: []deploy.S3Option{deploy.WithHTTPClient(client)}}
		for i, want := range []string{" uploaded", ": 0 uploaded"} {
			var out, errOut bytes.Buffer
			if code := runDeploy([]string{"--config", s.cfg}, &out, &errOut, env); code != 0 || !strings.Contains(out.String(), want) {
				t.Errorf("%s, deploy %d: exit %d\n%s%s", c.addressing, i+1, code, out.String(), errOut.String())
			}
		}
		if !slices.Contains(reqs, wantPut) {
			t.Errorf("%s: no %q among the requests: %v", c.addressing, wantPut, reqs[:min(5, len(reqs))])
		}
		for _, r := range reqs {
			if strings.Contains(r, "/"+s3Bucket+"/") {
				t.Errorf("%s: the path names the bucket: %s", c.addressing, r)
			}
		}
		assertConverged(t, srv, s, c.addressing)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
