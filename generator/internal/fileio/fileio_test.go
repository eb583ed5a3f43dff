package fileio

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteThenRead(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 4095, 4096, 1 << 20} {
		p := filepath.Join(dir, "f")
		data := bytes.Repeat([]byte("页a"), size/4+1)[:size]
		if err := WriteFile(p, data); err != nil {
			t.Fatal(err)
		}
		got, err := ReadFile(p, int64(size))
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%d bytes: read %d bytes, %v", size, len(got), err)
		}
		if st, err := os.Stat(p); err != nil || st.Mode().Perm() != 0o644&^umask(t) {
			t.Errorf("%d bytes: mode %v, %v", size, st.Mode(), err)
		}
	}
	// Writing again replaces the file whole.
	p := filepath.Join(dir, "f")
	if err := WriteFile(p, []byte("short")); err != nil {
		t.Fatal(err)
	}
	if got, err := ReadFile(p, 100); err != nil || string(got) != "short" {
		t.Errorf("rewritten file reads %q, %v", got, err)
	}
}

func TestReadFileRefusesLargeFiles(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big")
	if err := os.WriteFile(p, make([]byte, 101), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(p, 100)
	var large *TooLargeError
	if !errors.As(err, &large) || large.Size != 101 {
		t.Errorf("err = %v, want a TooLargeError of 101 bytes", err)
	}
	if _, err := ReadFile(p, 101); err != nil {
		t.Errorf("a file of exactly the limit: %v", err)
	}
}

func TestErrorsNameThePath(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing")
	_, err := ReadFile(missing, 100)
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != missing || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("reading a missing file: %v", err)
	}
	err = WriteFile(filepath.Join(dir, "no", "such", "folder"), nil)
	if !errors.As(err, &pe) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("writing into a missing folder: %v", err)
	}
}

// umask is the process's file-creation mask, read from a file os creates.
func umask(t *testing.T) os.FileMode {
	p := filepath.Join(t.TempDir(), "mask")
	if err := os.WriteFile(p, nil, 0o777); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return 0o777 &^ st.Mode().Perm()
}
