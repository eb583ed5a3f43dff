//go:build ignore

// serve serves a built site over HTTP the way a static host does: gzip for text,
// 404.html for missing pages. scripts/lighthouse.sh measures the site through it.
//
//	go run scripts/serve.go -dir public -addr 127.0.0.1:0 -addr-file /tmp/addr
package main

import (
	"compress/gzip"
	"flag"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

type gzipWriter struct {
	http.ResponseWriter
	gz *gzip.Writer
}

func (w gzipWriter) Write(b []byte) (int, error) { return w.gz.Write(b) }

func main() {
	dir := flag.String("dir", "public", "the built site")
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on; port 0 picks a free one")
	addrFile := flag.String("addr-file", "", "write the address listened on into this file")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	if *addrFile != "" {
		if err := os.WriteFile(*addrFile, []byte(ln.Addr().String()), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	files := http.FileServer(http.Dir(*dir))
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := filepath.Join(*dir, filepath.FromSlash(r.URL.Path))
		if strings.HasSuffix(r.URL.Path, "/") {
			p = filepath.Join(p, "index.html")
		}
		if _, err := os.Stat(p); err != nil {
			b, _ := os.ReadFile(filepath.Join(*dir, "404.html"))
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(b)
			return
		}
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") && !strings.HasSuffix(p, ".png") {
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Add("Vary", "Accept-Encoding")
			gz := gzip.NewWriter(w)
			defer gz.Close()
			w = gzipWriter{w, gz}
		}
		files.ServeHTTP(w, r)
	})
	log.Fatal(http.Serve(ln, h))
}
