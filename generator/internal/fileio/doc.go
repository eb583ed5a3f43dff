// Package fileio reads and writes whole files with the fewest system calls:
// a build reads ten thousand content files and writes twenty thousand pages.
// Opening a file through the os package costs five calls more than the open
// itself on Linux (it offers the file to the network poller, which refuses
// regular files, and sets and clears non-blocking mode around that): a third
// of the calls such a build made. Elsewhere the os package does the work.
//
// fileio knows files, not what is in them.
package fileio

import "fmt"

// TooLargeError is ReadFile's error for a file larger than its limit.
type TooLargeError struct {
	Path string
	Size int64 // at least; the file was not read to its end
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s: %d bytes, more than the limit", e.Path, e.Size)
}
