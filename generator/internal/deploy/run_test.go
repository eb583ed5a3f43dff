package deploy

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"leitai/generator/internal/headers"
)

// carelessStore lists every object of the bucket whatever the prefix, as a
// store that ignored it would. The tests against a real server are in
// generator/deploy_test.go; this one shows what no real server does.
type carelessStore struct {
	objects []Object
	deleted []string
	puts    []string
}

func (s *carelessStore) List(context.Context, string) ([]Object, error) { return s.objects, nil }
func (s *carelessStore) Put(_ context.Context, key string, _ io.ReadSeeker, _ int64, _ string, _ headers.Object) error {
	s.puts = append(s.puts, key)
	return nil
}
func (s *carelessStore) Delete(_ context.Context, key string) error {
	s.deleted = append(s.deleted, key)
	return nil
}
func (s *carelessStore) String() string { return "s3://test/site/" }

func builtSite(t *testing.T, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestRunNeverDeletesOutsideThePrefix(t *testing.T) {
	dir := builtSite(t, "index.html", "zh/index.html")
	st := &carelessStore{objects: []Object{
		{Key: "site/zh/old/index.html"}, {Key: "other/index.html"}, {Key: "sitemap.xml"}, {Key: "site"}, {Key: "site/"},
	}}
	res, err := Run(context.Background(), st, Options{Dir: dir, Prefix: "site/", MaxDeletes: -1})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(st.deleted, " ") != "site/zh/old/index.html" || res.Deleted != 1 {
		t.Errorf("deleted %v", st.deleted)
	}
	if strings.Join(st.puts, " ") != "site/zh/index.html site/index.html" {
		t.Errorf("uploaded %v", st.puts)
	}
}

func TestRunRefusesAFolderThatIsNoSite(t *testing.T) {
	st := &carelessStore{objects: []Object{{Key: "site/index.html"}}}
	_, err := Run(context.Background(), st, Options{Dir: t.TempDir(), Prefix: "site/", MaxDeletes: -1})
	if err == nil || !strings.Contains(err.Error(), "no built site") || len(st.deleted) != 0 {
		t.Errorf("an empty folder: %v, deleted %v", err, st.deleted)
	}
}

func TestMaxDeletesStopsBeforeAnyChange(t *testing.T) {
	dir := builtSite(t, "index.html")
	st := &carelessStore{objects: []Object{{Key: "a"}, {Key: "b"}, {Key: "c"}}}
	_, err := Run(context.Background(), st, Options{Dir: dir, MaxDeletes: 2})
	var tm *TooManyDeletes
	if !errors.As(err, &tm) || tm.Would != 3 || tm.Max != 2 {
		t.Fatalf("error %v", err)
	}
	if len(st.puts)+len(st.deleted) != 0 {
		t.Errorf("changed: puts %v, deletes %v", st.puts, st.deleted)
	}
	if _, err := Run(context.Background(), st, Options{Dir: dir, MaxDeletes: 3}); err != nil || len(st.deleted) != 3 {
		t.Errorf("at the limit: %v, deleted %v", err, st.deleted)
	}
}
