// Package output writes a built site atomically. Pages go into a temporary folder
// beside the output folder; only when every page is written does the temporary
// folder take the output folder's place. A failed build leaves the last good site
// exactly as it was, and a page whose bytes did not change keeps its modification
// time, so rsync and CDN uploads send only what changed.
//
// output knows files and folders, nothing about pages or content.
package output

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"leitai/generator/internal/fileio"
)

// Tx is one build's output in progress.
type Tx struct {
	dest string // the live output folder
	tmp  string // where this build writes
	// lock holds tmp, so that another build, sweeping up what interrupted
	// builds left, knows this one is alive (see sweep).
	lock *os.File

	// live is whether dest existed when the build began: when it did not, no file
	// can keep an old modification time, and a build skips looking.
	live bool

	mu   sync.Mutex
	dirs map[string]bool // folders already created under tmp

	// writers are the buffers of streamed files, kept for the next: a build
	// streams its open data, feeds and sitemap one after another, and a new
	// 64 KB buffer for each was a tenth of a small site's memory.
	writers sync.Pool
}

// Begin starts writing a new version of dest. The caller must Commit or Abort.
//
// dest may be a symbolic link to a folder: the link is kept, and the folder it
// leads to is replaced. Temporary folders that earlier builds of dest left
// behind (killed before they could clean up) are removed; a build still running
// keeps its own.
func Begin(dest string) (*Tx, error) {
	dest, err := followLink(dest)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	// The name needs to differ from other builds', not to be secret: the
	// runtime's generator gives it without the start of crypto/rand, which
	// was half a millisecond of a small site's build.
	tmp := filepath.Join(parent, tmpPrefix(dest)+fmt.Sprintf("%012x", rand.Uint64()>>16))
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return nil, err
	}
	// Without a lock (a filesystem without them), sweeps cannot take this
	// folder for a dead build's: they cannot lock it either.
	lock, _ := hold(tmp)
	sweep(dest, tmp)
	st, err := os.Stat(dest)
	live := err == nil && st.IsDir()
	return &Tx{dest: dest, tmp: tmp, lock: lock, live: live, dirs: map[string]bool{tmp: true}}, nil
}

// tmpPrefix starts the name of a temporary folder of dest's builds, beside
// dest: public gives .public.tmp-<12 hex digits>.
func tmpPrefix(dest string) string { return "." + filepath.Base(dest) + ".tmp-" }

// sweep removes the temporary folders earlier builds of dest left beside it:
// named as Begin names them (or with the .old of a swap by renames), and not
// held by a build still running. Anything else is left alone.
func sweep(dest, own string) {
	parent, prefix := filepath.Dir(dest), tmpPrefix(dest)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		suffix, ok := strings.CutPrefix(name, prefix)
		suffix = strings.TrimSuffix(suffix, ".old")
		if !ok || !e.IsDir() || len(suffix) != 12 || strings.Trim(suffix, "0123456789abcdef") != "" {
			continue
		}
		p := filepath.Join(parent, name)
		if p == own {
			continue
		}
		if lock, err := hold(p); err == nil {
			_ = os.RemoveAll(p)
			release(lock)
		}
	}
}

// followLink returns the folder dest leads to when dest is a symbolic link, so
// the build replaces the folder and keeps the link. A link that leads nowhere
// is refused: replacing it with a folder would break what set it up.
func followLink(dest string) (string, error) {
	st, err := os.Lstat(dest)
	if err != nil || st.Mode()&os.ModeSymlink == 0 {
		return dest, nil
	}
	real, err := filepath.EvalSymlinks(dest)
	if err != nil {
		target, _ := os.Readlink(dest)
		return "", fmt.Errorf("refusing to use %s as the output folder: it is a symbolic link to %s, which does not exist; create that folder, or remove the link", dest, target)
	}
	return real, nil
}

// Dir is the temporary folder, for tests and for reading back what was written.
func (t *Tx) Dir() string { return t.tmp }

// path checks that rel stays inside the output: nothing an editor writes can make
// the build write elsewhere.
func (t *Tx) path(rel string) (string, error) {
	clean := filepath.FromSlash(rel)
	if !filepath.IsLocal(clean) {
		return "", fmt.Errorf("refusing to write %q: outside the output folder", rel)
	}
	return filepath.Join(t.tmp, clean), nil
}

// mkdir creates dir under tmp, and its parents. Every page has a folder of its
// own, so this runs once per page: it remembers what it made and issues one
// mkdir a folder, where os.MkdirAll would first stat the folder and its parent.
func (t *Tx) mkdir(dir string) error {
	t.mu.Lock()
	done := t.dirs[dir]
	t.mu.Unlock()
	if done {
		return nil
	}
	if err := t.mkdir(filepath.Dir(dir)); err != nil {
		return err
	}
	// Another goroutine may make the same folder at the same moment.
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
		return err
	}
	t.mu.Lock()
	t.dirs[dir] = true
	t.mu.Unlock()
	return nil
}

// WriteFile writes data at rel (forward slashes) in the new output. Safe for
// concurrent use.
func (t *Tx) WriteFile(rel string, data []byte) error {
	p, err := t.path(rel)
	if err != nil {
		return err
	}
	if err := t.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	if err := fileio.WriteFile(p, data); err != nil {
		return err
	}
	if t.live {
		t.keepTime(rel, p, data)
	}
	return nil
}

// Stream writes the file at rel through write, for a file too large to hold in
// memory whole (the open data of a national site is tens of megabytes). Like
// WriteFile it keeps the live file's modification time when the bytes are equal.
func (t *Tx) Stream(rel string, write func(io.Writer) error) error {
	p, err := t.path(rel)
	if err != nil {
		return err
	}
	if err := t.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	bw, _ := t.writers.Get().(*bufio.Writer)
	if bw == nil {
		bw = bufio.NewWriterSize(f, 64<<10)
	} else {
		bw.Reset(f)
	}
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	bw.Reset(nil)
	t.writers.Put(bw)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if t.live {
		t.keepTimeFile(rel, p)
	}
	return nil
}

// keepTimeFile is keepTime for a file already on disk: the two files are
// compared a block at a time.
func (t *Tx) keepTimeFile(rel, p string) {
	old := filepath.Join(t.dest, filepath.FromSlash(rel))
	st, err := os.Stat(old)
	if err != nil || !st.Mode().IsRegular() {
		return
	}
	if nst, err := os.Stat(p); err != nil || nst.Size() != st.Size() {
		return
	}
	if same, err := sameContent(old, p); err != nil || !same {
		return
	}
	_ = os.Chtimes(p, st.ModTime(), st.ModTime())
}

func sameContent(a, b string) (bool, error) {
	fa, err := os.Open(a)
	if err != nil {
		return false, err
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return false, err
	}
	defer fb.Close()
	ba, bb := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		na, erra := io.ReadFull(fa, ba)
		nb, errb := io.ReadFull(fb, bb)
		if na != nb || !bytes.Equal(ba[:na], bb[:nb]) {
			return false, nil
		}
		if erra == io.EOF || erra == io.ErrUnexpectedEOF {
			return errb == io.EOF || errb == io.ErrUnexpectedEOF, nil
		}
		if erra != nil {
			return false, erra
		}
		if errb != nil {
			return false, errb
		}
	}
}

// CopyFile copies src to rel in the new output.
func (t *Tx) CopyFile(rel, src string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return t.WriteFile(rel, data)
}

// keepTime gives a file the modification time of the live file it replaces when
// their bytes are equal. Failing to do so costs only an upload, never correctness.
func (t *Tx) keepTime(rel, p string, data []byte) {
	old := filepath.Join(t.dest, filepath.FromSlash(rel))
	st, err := os.Stat(old)
	if err != nil || st.Size() != int64(len(data)) || !st.Mode().IsRegular() {
		return
	}
	f, err := os.Open(old)
	if err != nil {
		return
	}
	defer f.Close()
	prev, err := io.ReadAll(io.LimitReader(f, int64(len(data))+1))
	if err != nil || !bytes.Equal(prev, data) {
		return
	}
	_ = os.Chtimes(p, st.ModTime(), st.ModTime())
}

// Commit puts the new output in place of the old one and removes the old one.
func (t *Tx) Commit() error {
	defer release(t.lock)
	if _, err := os.Lstat(t.dest); errors.Is(err, os.ErrNotExist) {
		return os.Rename(t.tmp, t.dest)
	}
	old, err := swap(t.tmp, t.dest)
	if err != nil {
		t.Abort()
		return fmt.Errorf("replacing %s: %w", t.dest, err)
	}
	return os.RemoveAll(old)
}

// Abort throws the new output away; the live output is untouched.
func (t *Tx) Abort() {
	_ = os.RemoveAll(t.tmp)
	release(t.lock)
}

// CheckDest refuses output folders whose replacement would destroy something that
// is not build output: the filesystem root, the home folder, the site's folder or
// anything holding it, the current folder, and the folders editors and designers
// work in (content/, themes/, layouts/, static/) or anything inside them.
// Symbolic links are followed first, so a link cannot smuggle in one of these.
//
// It also refuses a folder that holds files but no built site (no index.html
// and no sitemap.xml at its top): a build replaces the whole folder, so a
// mistyped --destination docs would otherwise swap the project's documentation
// for the site. A file (--destination config.yaml) is refused, and so is a git
// work tree (a folder holding .git), built site or not: its history would go
// with the folder.
func CheckDest(dest, siteRoot string) error {
	shown := dest
	dest = resolve(dest)
	siteRoot = resolve(siteRoot)
	refuse := func(why string) error {
		return fmt.Errorf("refusing to use %s as the output folder: %s; choose a folder of its own, such as public/", shown, why)
	}
	if _, err := followLink(shown); err != nil {
		return err
	}
	if st, err := os.Stat(dest); err == nil && !st.IsDir() {
		return refuse("it is a file, not a folder, and a build would replace it")
	}
	if _, err := os.Lstat(filepath.Join(dest, ".git")); err == nil {
		return refuse("it is a git work tree (it holds .git), whose history a build would delete")
	}
	if dest == filepath.Dir(dest) {
		return refuse("it is the filesystem root")
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" && within(resolve(home), dest) {
		return refuse("it is or contains the home folder")
	}
	if within(siteRoot, dest) {
		return refuse("it is or contains the site's folder")
	}
	if wd, err := os.Getwd(); err == nil && within(resolve(wd), dest) {
		return refuse("it is or contains the current folder")
	}
	for _, name := range []string{"content", "themes", "layouts", "static", ".git"} {
		if within(dest, filepath.Join(siteRoot, name)) {
			return refuse("it is or is inside " + name + "/")
		}
	}
	if entries, err := os.ReadDir(dest); err == nil && len(entries) > 0 && !holdsSite(dest) {
		names := make([]string, 0, 3)
		for _, e := range entries[:min(3, len(entries))] {
			names = append(names, e.Name())
		}
		more := ""
		if len(entries) > 3 {
			more = ", …"
		}
		return fmt.Errorf("refusing to use %s as the output folder: it holds files that are not a built site (%s%s), and a build replaces the whole folder; choose an empty or new folder, such as public/, or empty this one if its files are not needed",
			shown, strings.Join(names, ", "), more)
	}
	return nil
}

// holdsSite reports whether dir looks like a built site, Leitai's or another
// generator's: one with a home page or a sitemap at its top.
func holdsSite(dir string) bool {
	for _, name := range []string{"index.html", "sitemap.xml"} {
		if st, err := os.Stat(filepath.Join(dir, name)); err == nil && st.Mode().IsRegular() {
			return true
		}
	}
	return false
}

// resolve makes p absolute and follows symbolic links in the part of it that
// exists; the rest (an output folder not built yet) is joined on unchanged.
func resolve(p string) string {
	p, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	rest := ""
	for dir := p; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest)
		}
		if dir == filepath.Dir(dir) {
			return p
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// within reports whether p is dir or inside it.
func within(p, dir string) bool {
	if p == dir {
		return true
	}
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
