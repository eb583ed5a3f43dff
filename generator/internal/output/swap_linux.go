package output

import (
	"golang.org/x/sys/unix"
)

// swap exchanges tmp and dest in one step, so a web server reading dest never
// sees it missing, and returns where the old output now is.
func swap(tmp, dest string) (string, error) {
	if err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dest, unix.RENAME_EXCHANGE); err != nil {
		return swapByRename(tmp, dest)
	}
	return tmp, nil
}
