package deploy

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"leitai/generator/internal/headers"
)

// Scan reads the built site in dir: every file with its size, MD5 and
// headers. languages are the site's language folders ("zh", "en"), which the
// header rules name. It refuses a folder that is not a built site, since
// deploying an empty or wrong folder would delete the published one.
func Scan(dir string, languages []string) ([]File, error) {
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		return nil, fmt.Errorf("%s holds no built site (no index.html): run go run ./generator build first", dir)
	}
	var files []File
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		sum, size, err := md5File(p)
		if err != nil {
			return err
		}
		files = append(files, File{Key: filepath.ToSlash(rel), Size: size, MD5: sum})
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Key < files[j].Key })
	// The rules _headers is written from, for a site at the root of its
	// prefix: the assets whose names hold their hash are told by their names.
	site := headers.Site{BasePath: "/", Languages: languages}
	for _, f := range files {
		if headers.Fingerprinted(f.Key) {
			site.Fingerprinted = append(site.Fingerprinted, f.Key)
		}
	}
	rules := headers.Rules(site)
	for i := range files {
		files[i].Headers = headers.For(rules, "/", files[i].Key)
	}
	return files, nil
}

func md5File(p string) (string, int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := md5.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}
