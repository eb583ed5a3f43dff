// Package sitefs guards the site's folder as the build reads it: content,
// templates, interface strings and static files come from inside the folder
// that holds config.yaml, never through a symbolic link from elsewhere. Git
// carries links, so a pull request could otherwise add content/departments/x.yaml
// -> ~/.aws/credentials and have check print it, or static/passwd.txt ->
// /etc/passwd and have the build publish it.
//
// sitefs knows paths and links, nothing about what the files hold.
package sitefs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"leitai/generator/internal/diag"
)

// Root is a site's folder, with the links in its own path followed.
type Root struct {
	real string
}

// New prepares to check paths under dir.
func New(dir string) Root {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		real = abs
	}
	return Root{real: real}
}

// Outside is the error of a path that a symbolic link leads out of the site's
// folder, or to a folder where a file belongs.
type Outside struct {
	Path   string // as the build met it
	Target string // where it leads
	Folder bool   // it leads to a folder, inside the site's folder
}

func (e *Outside) Error() string {
	if e.Folder {
		return fmt.Sprintf("%s is a symbolic link to the folder %s; links to folders are not followed", e.Path, e.Target)
	}
	return fmt.Sprintf("%s is a symbolic link to %s, outside the site's folder; it is not read", e.Path, e.Target)
}

// Problem is err, an error of Check or CheckEntry, as a problem of file (the
// path as messages show it).
func Problem(file string, err error) diag.Problem {
	var o *Outside
	if errors.As(err, &o) {
		o.Path = file
	}
	return diag.Problem{Pos: diag.Pos{File: file}, Msg: err.Error(),
		Hint: "put the file itself here (links out of the site's folder, and links to folders, are not followed)"}
}

// Check returns an *Outside error when path leads out of the root through a
// symbolic link, its own or a folder's on the way. A path that does not exist
// (or a link that leads nowhere) is not Check's business: reading it reports it.
func (r Root) Check(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil
	}
	if !within(real, r.real) {
		return &Outside{Path: path, Target: real}
	}
	return nil
}

// CheckEntry is Check for an entry found by reading a folder, where a file is
// expected: only a link can lead elsewhere, so others cost nothing. A link to
// a folder is refused too: the folder would be read twice, or in a loop.
func (r Root) CheckEntry(path string, e fs.DirEntry) error {
	if e.Type()&fs.ModeSymlink == 0 {
		return nil
	}
	if err := r.Check(path); err != nil {
		return err
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		real, _ := filepath.EvalSymlinks(path)
		return &Outside{Path: path, Target: real, Folder: true}
	}
	return nil
}

// within reports whether p is dir or inside it.
func within(p, dir string) bool {
	if p == dir {
		return true
	}
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
