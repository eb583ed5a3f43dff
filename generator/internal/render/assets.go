package render

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Asset is one static file to copy into the output.
type Asset struct {
	Src  string // file on disk
	Path string // output path relative to the output folder, forward slashes
	// Fingerprinted is true when Path holds a hash of the bytes, so a host may
	// cache the file forever.
	Fingerprinted bool
	// Data, when set, is what to write instead of Src's bytes: the minified
	// stylesheet.
	Data []byte
}

// fingerprinted are the extensions whose output name carries a hash of the bytes,
// so hosts can cache them forever and a change reaches readers at once.
var fingerprinted = map[string]bool{".css": true, ".js": true}

// collectAssets walks static/ folders (theme first, then the site's own, which
// wins) and names each output file.
func collectAssets(dirs []string) ([]Asset, map[string]string, error) {
	byName := map[string]string{}
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) && p == dir {
					return filepath.SkipDir
				}
				return err
			}
			if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				return err
			}
			byName[filepath.ToSlash(rel)] = p
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	urls := map[string]string{}
	assets := make([]Asset, 0, len(names))
	for _, n := range names {
		out := n
		ext := path.Ext(n)
		var data []byte
		if fingerprinted[ext] {
			b, err := os.ReadFile(byName[n])
			if err != nil {
				return nil, nil, err
			}
			if ext == ".css" {
				// Every page loads the stylesheet before it can paint: its comments
				// and indentation are for the people who edit it, not for readers.
				b = minifyCSS(b)
				data = b
			}
			sum := sha256.Sum256(b)
			out = strings.TrimSuffix(n, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext
		}
		urls[n] = out
		assets = append(assets, Asset{Src: byName[n], Path: out, Fingerprinted: fingerprinted[ext], Data: data})
	}
	return assets, urls, nil
}
