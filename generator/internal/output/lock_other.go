//go:build !unix

package output

import (
	"errors"
	"os"
)

// hold cannot lock a folder here, so no build can tell a running build's
// folder from a dead one's, and none is swept: each looks held.
func hold(dir string) (*os.File, error) {
	return nil, errors.New("folder locks are not supported on this system")
}

func release(*os.File) {}
