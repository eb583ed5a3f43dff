//go:build !unix

package fileio

import (
	"io"
	"os"
)

// ReadFile reads the file at p, or returns a *TooLargeError without reading
// it when it holds more than limit bytes.
func ReadFile(p string, limit int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > limit {
		return nil, &TooLargeError{Path: p, Size: st.Size()}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		return nil, &TooLargeError{Path: p, Size: int64(len(data))}
	}
	return data, err
}

// WriteFile writes data to the file at p, created or emptied.
func WriteFile(p string, data []byte) error { return os.WriteFile(p, data, 0o644) }
