package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/chromedp/chromedp"

	"leitai/generator/internal/headers"
)

// bucketSite serves the site from the bucket as a store's website endpoint or
// a CDN in front of it does: a folder's address gets its index.html, a
// missing key the site's 404.html, and every response carries the object's
// own Content-Type and Cache-Control as the store returns them. Versity
// Gateway has no website mode and answers only signed requests, so this
// handler signs each GET (with the test's key) and passes the object on; it
// adds what a CDN adds and no object can carry: the policy, and nosniff, so a
// wrong Content-Type would break the page.
func bucketSite(t *testing.T, srv *s3Server, prefix string) *httptest.Server {
	t.Helper()
	get := func(ctx context.Context, key string) (*s3.GetObjectOutput, error) {
		return srv.client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(s3Bucket), Key: aws.String(key)})
	}
	h := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "read only", http.StatusMethodNotAllowed)
			return
		}
		key := prefix + strings.TrimPrefix(r.URL.Path, "/")
		if key == prefix || strings.HasSuffix(key, "/") {
			key += "index.html"
		}
		status := http.StatusOK
		obj, err := get(r.Context(), key)
		var missing *types.NoSuchKey
		if errors.As(err, &missing) {
			status = http.StatusNotFound
			obj, err = get(r.Context(), prefix+"404.html")
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer obj.Body.Close()
		w.Header().Set("Content-Type", aws.ToString(obj.ContentType))
		w.Header().Set("Cache-Control", aws.ToString(obj.CacheControl))
		w.Header().Set("Content-Security-Policy", headers.CSP)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.WriteHeader(status)
		io.Copy(w, obj.Body)
	}))
	t.Cleanup(h.Close)
	return h
}

// The site deployed to the bucket works in a browser: every page's
// stylesheet applies (a wrong Content-Type under nosniff would block it),
// every resource it loads answers 200, and the links lead on.
func TestSiteFromTheBucketWorksInChromium(t *testing.T) {
	chrome := findChromium(t)
	srv := startS3(t)
	s := newDeploySite(t, srv.URL)
	s.build(t)
	mustDeploy(t, s)
	site := bucketSite(t, srv, "site/")
	ctx := startChromium(t, chrome)

	type report struct {
		URL       string
		H1        string
		Rules     int
		Failed    []string
		Resources int
		Links     []string
	}
	visit := func(url string) report {
		t.Helper()
		c, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(c, chromedp.Navigate(url)); err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		raw, err := chromedp.Run(c, chromedp.Evaluate[[]byte](`(() => {
			const sheet = document.querySelector('link[rel=stylesheet]');
			let rules = 0;
			try { rules = sheet.sheet.cssRules.length; } catch (e) { /* blocked: no rules */ }
			const res = performance.getEntriesByType('resource');
			return {
				URL: location.href,
				H1: (document.querySelector('h1') || {}).textContent || '',
				Rules: rules,
				Failed: res.filter(e => e.responseStatus !== 200).map(e => e.name + ' ' + e.responseStatus),
				Resources: res.length,
				Links: [...document.querySelectorAll('main a[href]')].map(a => a.href).filter(h => h.startsWith(location.origin)),
			};
		})()`))
		if err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		var r report
		if err := json.Unmarshal(raw, &r); err != nil {
			t.Fatal(err)
		}
		return r
	}

	// The bucket's home page is there; it sends the reader on at once (a
	// refresh), so the browser starts at the summaries.
	resp, err := http.Get(site.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `http-equiv="refresh"`) {
		t.Errorf("home page: %d\n%s", resp.StatusCode, body)
	}
	pages := []string{site.URL + "/zh/", site.URL + "/en/"}
	seen := map[string]bool{}
	for len(pages) > 0 && len(seen) < 12 {
		url := pages[0]
		pages = pages[1:]
		if seen[url] {
			continue
		}
		seen[url] = true
		r := visit(url)
		if r.Rules == 0 {
			t.Errorf("%s: the stylesheet did not apply", url)
		}
		if len(r.Failed) > 0 || r.Resources == 0 {
			t.Errorf("%s: %d resources, failed: %v", url, r.Resources, r.Failed)
		}
		if r.H1 == "" {
			t.Errorf("%s: no heading", url)
		}
		for _, l := range r.Links {
			if strings.Contains(l, "/departments/") && !strings.Contains(l, "#") {
				pages = append(pages, l)
			}
		}
	}
	if len(seen) < 4 {
		t.Errorf("visited only %v", seen)
	}
	// A missing page answers with the site's own 404 page.
	resp, err = http.Get(site.URL + "/zh/departments/no-such/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Errorf("missing page: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}
