//go:build !linux

package output

func swap(tmp, dest string) (string, error) { return swapByRename(tmp, dest) }
