package deploy

import (
	"path"
	"sort"
	"strings"

	"leitai/generator/internal/headers"
)

// File is one file of the built site.
type File struct {
	Key  string // relative to the site's root, forward slashes: "zh/index.html"
	Size int64
	MD5  string // lower-case hex
	// Headers are what the object is sent with.
	Headers headers.Object
}

// Object is one object of the bucket's listing under the prefix.
type Object struct {
	Key  string // relative to the prefix, like File.Key
	Size int64
	ETag string // as the store lists it, quotes and all
}

// Rank is when a file goes up: a file is uploaded after everything of a lower
// rank, so that whatever a reader loads, what it names is already there.
type Rank int

const (
	// Asset is what pages and data load: the stylesheet, scripts, images, the
	// search index's chunks. A fingerprinted asset is new under a new name, so
	// the pages that still name the old one keep working.
	Asset Rank = iota
	// Data is what pages link to and what names assets: open data, feeds, the
	// sitemap, the search index's entry file.
	Data
	// Page is every HTML page but the home page.
	Page
	// Home is the site's front door, the page a reader arrives at: last.
	Home
)

var rankNames = [...]string{"asset", "data", "page", "home page"}

func (r Rank) String() string { return rankNames[r] }

// RankOf says when the file at key goes up.
func RankOf(key string) Rank {
	switch {
	case key == "index.html":
		return Home
	case path.Ext(key) == ".html":
		return Page
	case key == "pagefind/pagefind-entry.json", key == headers.File:
		return Data
	case strings.HasPrefix(key, "pagefind/"):
		return Asset
	}
	switch path.Ext(key) {
	case ".json", ".csv", ".xml", ".txt":
		return Data
	}
	return Asset
}

// Upload is one file to upload, and why.
type Upload struct {
	File
	Rank Rank
	New  bool // false: the bucket has an older version
}

// Plan is what a deploy does.
type Plan struct {
	Uploads   []Upload // in the order they go up: by rank, then by key
	Deletes   []string // keys the build no longer has, relative to the prefix, sorted
	Unchanged int
	// UploadBytes is the size of the uploads together.
	UploadBytes int64
}

// NewPlan compares the built files with the bucket's listing. A file is
// unchanged when the bucket holds an object of the same size whose ETag is the
// file's MD5; anything else (a changed file, an object uploaded in parts, a
// store whose ETag is not an MD5) is uploaded again, which is never wrong. With
// force, every file is uploaded, for headers that changed while bytes did not.
func NewPlan(local []File, remote []Object, force bool) Plan {
	have := make(map[string]Object, len(remote))
	for _, o := range remote {
		have[o.Key] = o
	}
	var p Plan
	built := make(map[string]bool, len(local))
	for _, f := range local {
		built[f.Key] = true
		o, exists := have[f.Key]
		if exists && !force && o.Size == f.Size && normalETag(o.ETag) == f.MD5 {
			p.Unchanged++
			continue
		}
		p.Uploads = append(p.Uploads, Upload{File: f, Rank: RankOf(f.Key), New: !exists})
		p.UploadBytes += f.Size
	}
	sort.Slice(p.Uploads, func(i, j int) bool {
		a, b := p.Uploads[i], p.Uploads[j]
		if a.Rank != b.Rank {
			return a.Rank < b.Rank
		}
		return a.Key < b.Key
	})
	for _, o := range remote {
		if !built[o.Key] {
			p.Deletes = append(p.Deletes, o.Key)
		}
	}
	sort.Strings(p.Deletes)
	return p
}

// normalETag turns an ETag as stores give it ("\"9E107D9D…\"", W/"…") into
// lower-case hex.
func normalETag(s string) string {
	s = strings.TrimPrefix(s, "W/")
	return strings.ToLower(strings.Trim(s, `"`))
}
