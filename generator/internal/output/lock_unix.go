//go:build unix

package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// hold takes an exclusive lock on the folder dir, without waiting: it fails
// when another build holds it. The lock lasts until release, or until the
// process ends however it ends, so a killed build's folder is free to sweep.
func hold(dir string) (*os.File, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// release gives a lock back; nil is no lock.
func release(f *os.File) {
	if f != nil {
		f.Close() // closing the last descriptor drops the lock
	}
}
