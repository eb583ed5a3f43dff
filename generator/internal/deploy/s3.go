package deploy

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go"
	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"leitai/generator/internal/config"
	"leitai/generator/internal/headers"
)

// S3 is a bucket of an S3-compatible store, through the AWS SDK for Go.
type S3 struct {
	client *s3.Client
	target config.Deploy
	from   string // where the credentials came from, for messages
}

// S3Option changes how the store is reached; tests use it.
type S3Option func(*s3.Options)

// WithHTTPClient sends the requests through c.
func WithHTTPClient(c *http.Client) S3Option {
	return func(o *s3.Options) { o.HTTPClient = c }
}

// WithRetries sets how many times a request is tried and the longest wait
// between two tries.
func WithRetries(attempts int, maxBackoff time.Duration) S3Option {
	return func(o *s3.Options) {
		o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) {
			so.MaxAttempts = attempts
			so.MaxBackoff = maxBackoff
		})
	}
}

// NewS3 opens the bucket d names with the credentials c. Transient failures
// (throttling, a 5xx, a dropped connection) are retried with exponential
// backoff and jitter, five tries in all.
func NewS3(d config.Deploy, c Credentials, opts ...S3Option) *S3 {
	o := s3.Options{
		Region:       d.Region,
		BaseEndpoint: aws.String(d.Endpoint),
		UsePathStyle: d.Addressing == config.Path,
		Credentials: aws.NewCredentialsCache(aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: c.ID, SecretAccessKey: c.Secret, SessionToken: c.Token, Source: c.From}, nil
		})),
		// The SDK's default adds CRC32 checksums in a chunked body, which OSS,
		// COS and others refuse; Content-MD5 (set on each upload) is the
		// integrity check they all know.
		RequestChecksumCalculation: aws.RequestChecksumCalculationWhenRequired,
		ResponseChecksumValidation: aws.ResponseChecksumValidationWhenRequired,
	}
	if d.Addressing == config.Domain {
		o.EndpointResolverV2 = boundDomain{}
	}
	WithRetries(5, 20*time.Second)(&o)
	for _, f := range opts {
		f(&o)
	}
	return &S3{client: s3.New(o), target: d, from: c.From}
}

func (s *S3) String() string { return s.target.String() }

// List uses the first version of ListObjects, which every store answers
// (Tencent Cloud COS among them).
func (s *S3) List(ctx context.Context, prefix string) ([]Object, error) {
	var out []Object
	marker := ""
	for {
		res, err := s.client.ListObjects(ctx, &s3.ListObjectsInput{
			Bucket: aws.String(s.target.Bucket),
			Prefix: aws.String(prefix),
			Marker: aws.String(marker),
		})
		if err != nil {
			return nil, s.explain("list", prefix, err)
		}
		for _, o := range res.Contents {
			out = append(out, Object{Key: aws.ToString(o.Key), Size: aws.ToInt64(o.Size), ETag: aws.ToString(o.ETag)})
		}
		if !aws.ToBool(res.IsTruncated) || len(res.Contents) == 0 {
			return out, nil
		}
		if next := aws.ToString(res.NextMarker); next != "" {
			marker = next
		} else {
			marker = aws.ToString(res.Contents[len(res.Contents)-1].Key)
		}
	}
}

func (s *S3) Put(ctx context.Context, key string, body io.ReadSeeker, size int64, md5hex string, h headers.Object) error {
	sum, err := hex.DecodeString(md5hex)
	if err != nil {
		return err
	}
	_, err = s.client.PutObject(ctx, &s3.PutObjectInput{
		Bucket:        aws.String(s.target.Bucket),
		Key:           aws.String(key),
		Body:          body,
		ContentLength: aws.Int64(size),
		ContentMD5:    aws.String(base64.StdEncoding.EncodeToString(sum)),
		ContentType:   aws.String(h.ContentType),
		CacheControl:  aws.String(h.CacheControl),
	})
	if err != nil {
		return s.explain("upload", key, err)
	}
	return nil
}

func (s *S3) Delete(ctx context.Context, key string) error {
	_, err := s.client.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String(s.target.Bucket), Key: aws.String(key)})
	if err != nil {
		return s.explain("delete", key, err)
	}
	return nil
}

// explain turns what the store answered into one line: what failed, why, and
// what to check.
func (s *S3) explain(op, key string, err error) error {
	what := fmt.Sprintf("%s %s", op, s.target.String()+strings.TrimPrefix(key, s.target.Prefix))
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("%s: interrupted", what)
	}
	var api smithy.APIError
	if errors.As(err, &api) {
		code := api.ErrorCode()
		if code == "XAdminUserNotFound" { // Versity Gateway's name for it
			code = "InvalidAccessKeyId"
		}
		hint := map[string]string{
			"InvalidAccessKeyId":           fmt.Sprintf("the store does not know this access key ID: check %s", s.idVar()),
			"SignatureDoesNotMatch":        fmt.Sprintf("the secret does not match the access key ID: check %s", s.secretVar()),
			"NoSuchBucket":                 fmt.Sprintf("there is no bucket %q at %s: check deploy.bucket and deploy.endpoint in config.yaml", s.target.Bucket, s.target.Endpoint),
			"AccessDenied":                 "the key may not do this: give it permission to list, upload and delete in the bucket (and check deploy.bucket)",
			"AuthorizationHeaderMalformed": "the store expects another region: check deploy.region in config.yaml",
			"PermanentRedirect":            "the bucket is in another region or needs another address: check deploy.endpoint, deploy.region and deploy.addressing",
			"SecondLevelDomainForbidden":   "the store wants the bucket in the host name: set deploy.addressing to virtual",
			"InvalidBucketName":            "check deploy.bucket, and deploy.addressing (virtual for OSS and COS)",
			"RequestTimeTooSkewed":         "this machine's clock is wrong: set it right",
		}[code]
		if hint == "" {
			hint = "the store refused the request: " + api.ErrorMessage()
		}
		return fmt.Errorf("%s: %s (%s)", what, hint, code)
	}
	var netErr *net.OpError
	var dns *net.DNSError
	switch {
	case errors.As(err, &dns):
		return fmt.Errorf("%s: cannot find %s: check deploy.endpoint and the network (%v)", what, dns.Name, dns.Err)
	case errors.As(err, &netErr):
		return fmt.Errorf("%s: cannot reach %s: check deploy.endpoint and the network (%v)", what, s.target.Endpoint, netErr.Err)
	}
	var re interface{ HTTPStatusCode() int }
	if errors.As(err, &re) && re.HTTPStatusCode() > 0 {
		return fmt.Errorf("%s: the store answered HTTP %d: check deploy.endpoint, deploy.bucket and the key's permissions", what, re.HTTPStatusCode())
	}
	return fmt.Errorf("%s: %v", what, err)
}

func (s *S3) idVar() string {
	id, _, _ := strings.Cut(s.from, "/")
	return id
}

func (s *S3) secretVar() string {
	_, secret, _ := strings.Cut(s.from, "/")
	return secret
}

// boundDomain resolves every request to the endpoint itself: a domain bound to
// the bucket (an OSS custom domain, say) names the bucket already, so neither
// the host nor the path may name it again. Requests are signed as usual, for
// the region in the options.
type boundDomain struct{}

func (boundDomain) ResolveEndpoint(_ context.Context, p s3.EndpointParameters) (smithyendpoints.Endpoint, error) {
	u, err := url.Parse(aws.ToString(p.Endpoint))
	if err != nil {
		return smithyendpoints.Endpoint{}, err
	}
	return smithyendpoints.Endpoint{URI: *u}, nil
}
