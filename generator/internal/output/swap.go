package output

import "os"

// swapByRename moves dest aside and tmp into its place: two renames, with a moment
// between them when dest does not exist. It is the fallback where the filesystem
// cannot exchange two names at once.
func swapByRename(tmp, dest string) (string, error) {
	old := tmp + ".old"
	if err := os.Rename(dest, old); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dest); err != nil {
		_ = os.Rename(old, dest)
		return "", err
	}
	return old, nil
}
