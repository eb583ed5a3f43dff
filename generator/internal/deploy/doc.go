// Package deploy publishes a built site to a bucket of an S3-compatible object
// store (Alibaba Cloud OSS, Tencent Cloud COS, AWS S3, Huawei OBS, MinIO, …).
//
// It runs in three steps, each usable alone:
//
//   - Scan reads the built folder: each file's key, size, MD5 (which is what
//     the stores give as the ETag of an object uploaded in one piece) and the
//     headers it must be sent with, from the headers package, the same
//     definition _headers is written from.
//   - NewPlan compares that with the bucket's listing, and nothing else: which
//     files are new or changed (by content hash), which are unchanged, which
//     keys the build no longer has. It is a pure function.
//   - Run carries a plan out through a Store: uploads in an order that never
//     leaves a page pointing at something missing (assets, then data, then
//     pages, the home page last), and deletes only after every upload
//     succeeded, only under the prefix.
//
// The keys that open the bucket come from the environment only (Credentials).
// deploy reads a built folder; it knows nothing of content or templates, and
// it prints nothing: the command reports what Run returns.
package deploy
