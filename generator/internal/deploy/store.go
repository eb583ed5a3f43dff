package deploy

import (
	"context"
	"io"

	"leitai/generator/internal/headers"
)

// Store is a bucket as Run uses it. Keys are whole keys, prefix included.
type Store interface {
	// List gives every object whose key starts with prefix.
	List(ctx context.Context, prefix string) ([]Object, error)
	// Put uploads one object with its headers; md5 is the body's, which the
	// store checks.
	Put(ctx context.Context, key string, body io.ReadSeeker, size int64, md5hex string, h headers.Object) error
	// Delete removes one object.
	Delete(ctx context.Context, key string) error
	// String names the bucket, for messages.
	String() string
}
