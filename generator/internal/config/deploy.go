package config

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"leitai/generator/internal/yamldoc"
)

// Deploy is where `generator deploy` publishes the built site: a bucket of an
// S3-compatible object store. The keys that open it are never here: they come
// from the environment (see the deploy package).
type Deploy struct {
	Endpoint string // "https://s3.oss-cn-qingdao.aliyuncs.com", without the bucket
	Region   string // "cn-qingdao", "ap-beijing"
	Bucket   string
	// Prefix is the folder of the bucket the site lives in: "" for the whole
	// bucket, else ending in "/". Nothing outside it is touched.
	Prefix string
	// Addressing is how a request names the bucket: Virtual
	// (bucket.endpoint/key), Path (endpoint/bucket/key) or Domain (the
	// endpoint is a domain bound to the bucket: endpoint/key).
	Addressing string
}

// The ways of addressing a bucket.
const (
	Virtual = "virtual"
	Path    = "path"
	Domain  = "domain"
)

var (
	deployKeys     = []string{"endpoint", "region", "bucket", "prefix", "addressing"}
	deployRequired = []string{"endpoint", "region", "bucket"}
	// bucketName is the rule every S3-compatible store shares: 3 to 63 lower-case
	// letters, digits, dots and hyphens, starting and ending with a letter or digit.
	// Like the other patterns of this package it is compiled when first used:
	// compiled as the program starts, they were a tenth of a millisecond of every
	// build's start, most of them for sites that deploy or file nothing.
	bucketName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`) })
)

// virtualHosted lists the clouds whose endpoints are addressed bucket-first by
// default; OSS accepts nothing else. Any other endpoint (a server of one's own,
// MinIO, a test server on loopback) is addressed by path unless the config says.
var virtualHosted = []string{".aliyuncs.com", ".myqcloud.com", ".amazonaws.com", ".amazonaws.com.cn", ".myhuaweicloud.com"}

// secretKey tells a key that holds a credential: whoever writes one into
// config.yaml publishes it with the repository.
var secretKey = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(secret|password|passwd|token|credential|access[_-]?key|key[_-]?id|^ak$|^sk$)`)
})

func readDeploy(doc *yamldoc.Doc, n *yaml.Node) *Deploy {
	if n.Kind == yaml.MappingNode {
		n = withoutSecrets(doc, n)
	}
	m, ok := doc.Fields(n, "deploy", deployKeys, deployRequired)
	if !ok {
		return nil
	}
	d := &Deploy{}
	hasErr := false
	bad := func(n *yaml.Node, hint, format string, args ...any) {
		doc.Errorf(n, hint, format, args...)
		hasErr = true
	}
	if v := m.Get("endpoint"); v != nil {
		if s, ok := doc.String(v, "deploy.endpoint"); ok {
			u, err := url.Parse(s)
			switch {
			case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
				bad(v, "e.g. https://s3.oss-cn-qingdao.aliyuncs.com or https://cos.ap-beijing.myqcloud.com", "deploy.endpoint %q is not an http or https address", s)
			case u.User != nil:
				bad(v, "delete the user and password from the address; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment instead", "deploy.endpoint carries credentials")
			case strings.Trim(u.Path, "/") != "" || u.RawQuery != "":
				bad(v, "give the region's endpoint alone; the bucket goes under bucket:, a folder under prefix:", "deploy.endpoint %q has a path", s)
			default:
				d.Endpoint = u.Scheme + "://" + u.Host
			}
		}
	}
	if v := m.Get("region"); v != nil {
		d.Region, _ = doc.String(v, "deploy.region")
	}
	if v := m.Get("bucket"); v != nil {
		if s, ok := doc.String(v, "deploy.bucket"); ok {
			if !bucketName().MatchString(s) {
				bad(v, "the bucket's name as the console shows it: lower-case letters, digits, dots and hyphens (COS adds -<APPID>, e.g. pledges-1250000000)", "deploy.bucket %q is not a bucket name", s)
			}
			d.Bucket = s
		}
	}
	if v := m.Get("prefix"); v != nil {
		if s, ok := doc.String(v, "deploy.prefix"); ok {
			p := strings.Trim(s, "/")
			switch {
			case strings.Contains(p, "//") || strings.Contains("/"+p+"/", "/../") || strings.Contains("/"+p+"/", "/./"):
				bad(v, "a folder such as pledges or news/pledges", "deploy.prefix %q is not a folder", s)
			case p != "":
				d.Prefix = p + "/"
			}
		}
	}
	if v := m.Get("addressing"); v != nil {
		if s, ok := doc.String(v, "deploy.addressing"); ok {
			switch s {
			case Virtual, Path, Domain:
				d.Addressing = s
			default:
				bad(v, "virtual (bucket.endpoint/key: what OSS, COS and AWS expect), path (endpoint/bucket/key: most servers of one's own) "+
					"or domain (the endpoint is a domain bound to the bucket, such as an OSS custom domain)", "deploy.addressing %q is not virtual, path or domain", s)
			}
		}
	} else if d.Endpoint != "" {
		d.Addressing = Path
		if isVirtualHosted(d.Endpoint) {
			d.Addressing = Virtual
		}
	}
	if hasErr || d.Endpoint == "" || d.Region == "" || d.Bucket == "" {
		return nil
	}
	return d
}

func isVirtualHosted(endpoint string) bool {
	u, err := url.Parse(endpoint)
	if err != nil {
		return false
	}
	host := "." + u.Hostname()
	for _, suffix := range virtualHosted {
		if strings.HasSuffix(host, suffix) {
			return true
		}
	}
	return false
}

// withoutSecrets reports each key of the deploy mapping that holds a
// credential, and returns the mapping without them, so that Fields does not
// report them a second time as unknown keys.
func withoutSecrets(doc *yamldoc.Doc, n *yaml.Node) *yaml.Node {
	var kept []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind == yaml.ScalarNode && !contains(deployKeys, k.Value) && secretKey().MatchString(k.Value) {
			doc.Errorf(k, "delete it, and replace the key at your provider: it is public once committed. "+
				"Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment (repository secrets in GitHub Actions)",
				"deploy.%s: credentials do not belong in %s", k.Value, "config.yaml")
			continue
		}
		kept = append(kept, n.Content[i], n.Content[i+1])
	}
	if len(kept) == len(n.Content) {
		return n
	}
	c := *n
	c.Content = kept
	return &c
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// String names the bucket and folder, for messages: s3://pledges/news/.
func (d *Deploy) String() string { return fmt.Sprintf("s3://%s/%s", d.Bucket, d.Prefix) }
