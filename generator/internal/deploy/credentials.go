package deploy

import (
	"fmt"
	"strings"
)

// Credentials open the bucket. They come from the environment only: a file in
// the repository would publish them.
type Credentials struct {
	ID, Secret, Token string
	// From names the variables they came from, for messages.
	From string
}

// envPairs are the variables each provider documents, in the order they are
// tried: the standard AWS names first, which every S3-compatible store
// accepts, then Alibaba Cloud's and Tencent Cloud's own.
var envPairs = [][3]string{
	{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"},
	{"OSS_ACCESS_KEY_ID", "OSS_ACCESS_KEY_SECRET", "OSS_SESSION_TOKEN"},
	{"COS_SECRETID", "COS_SECRETKEY", "COS_SESSIONTOKEN"},
}

// CredentialsFrom reads the first complete pair of variables. Half a pair is
// an error rather than a reason to try the next: it is a mistake to fix.
func CredentialsFrom(getenv func(string) string) (Credentials, error) {
	for _, p := range envPairs {
		id, secret := strings.TrimSpace(getenv(p[0])), strings.TrimSpace(getenv(p[1]))
		switch {
		case id != "" && secret != "":
			return Credentials{ID: id, Secret: secret, Token: strings.TrimSpace(getenv(p[2])), From: p[0] + "/" + p[1]}, nil
		case id != "":
			return Credentials{}, fmt.Errorf("%s is set but %s is not: set both, to the key's ID and its secret", p[0], p[1])
		case secret != "":
			return Credentials{}, fmt.Errorf("%s is set but %s is not: set both, to the key's ID and its secret", p[1], p[0])
		}
	}
	return Credentials{}, fmt.Errorf("no access key in the environment: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY " +
		"(or OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET, or COS_SECRETID and COS_SECRETKEY) to a key allowed to list, upload and delete in the bucket")
}
