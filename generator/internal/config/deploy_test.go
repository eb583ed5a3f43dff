package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const baseConfig = `baseURL: https://example.org/
title: {zh: 擂台, en: Arena}
languages:
  - {code: zh, lang: zh-Hans, name: 中文}
  - {code: en, lang: en, name: English}
`

// writeConfig writes yaml as config.yaml beside a theme folder, in a fresh
// folder, and returns its path.
func writeConfig(t *testing.T, yaml string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "themes", "default"), 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(p, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// load writes config.yaml (the base config plus extra) beside a theme folder
// and loads it.
func load(t *testing.T, extra string) (*Config, []string) {
	t.Helper()
	p := writeConfig(t, baseConfig+extra)
	c, problems := Load(p, Overrides{})
	var out []string
	for _, pr := range problems {
		out = append(out, strings.TrimPrefix(pr.Format(), p))
	}
	return c, out
}

func TestDeploySection(t *testing.T) {
	for _, c := range []struct {
		yaml string
		want Deploy
	}{
		{"deploy:\n  endpoint: https://s3.oss-cn-qingdao.aliyuncs.com\n  region: cn-qingdao\n  bucket: pledges\n",
			Deploy{Endpoint: "https://s3.oss-cn-qingdao.aliyuncs.com", Region: "cn-qingdao", Bucket: "pledges", Addressing: Virtual}},
		{"deploy:\n  endpoint: https://cos.ap-beijing.myqcloud.com/\n  region: ap-beijing\n  bucket: pledges-1250000000\n  prefix: /news/pledges/\n",
			Deploy{Endpoint: "https://cos.ap-beijing.myqcloud.com", Region: "ap-beijing", Bucket: "pledges-1250000000", Prefix: "news/pledges/", Addressing: Virtual}},
		{"deploy:\n  endpoint: http://127.0.0.1:9000\n  region: us-east-1\n  bucket: site\n",
			Deploy{Endpoint: "http://127.0.0.1:9000", Region: "us-east-1", Bucket: "site", Addressing: Path}},
		{"deploy:\n  endpoint: https://minio.example.org\n  region: us-east-1\n  bucket: site\n  addressing: virtual\n",
			Deploy{Endpoint: "https://minio.example.org", Region: "us-east-1", Bucket: "site", Addressing: Virtual}},
		{"deploy:\n  endpoint: https://s3.oss-cn-qingdao.aliyuncs.com\n  region: cn-qingdao\n  bucket: site\n  addressing: path\n",
			Deploy{Endpoint: "https://s3.oss-cn-qingdao.aliyuncs.com", Region: "cn-qingdao", Bucket: "site", Addressing: Path}},
		{"deploy:\n  endpoint: https://static.example.cn\n  region: cn-qingdao\n  bucket: site\n  addressing: domain\n",
			Deploy{Endpoint: "https://static.example.cn", Region: "cn-qingdao", Bucket: "site", Addressing: Domain}},
	} {
		cfg, problems := load(t, c.yaml)
		if cfg == nil || len(problems) > 0 {
			t.Errorf("%s: %v", c.yaml, problems)
			continue
		}
		if *cfg.Deploy != c.want {
			t.Errorf("%s: got %+v, want %+v", c.yaml, *cfg.Deploy, c.want)
		}
	}
	if cfg, _ := load(t, ""); cfg == nil || cfg.Deploy != nil {
		t.Errorf("no deploy: section gives %+v", cfg)
	}
}

// Every mistake is reported at its line and column, with what to do.
func TestDeployMistakes(t *testing.T) {
	for _, c := range []struct {
		yaml string
		want []string
	}{
		{"deploy:\n  endpoint: https://s3.oss-cn-qingdao.aliyuncs.com\n  region: cn-qingdao\n  bucket: pledges\n  accessKeyId: LTAI5tEXAMPLE\n  secretAccessKey: abc\n",
			[]string{":10:3: error: deploy.accessKeyId: credentials do not belong in config.yaml", ":11:3: error: deploy.secretAccessKey: credentials do not belong",
				"Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment"}},
		{"deploy:\n  endpoint: https://key:secret@s3.example.org\n  region: r\n  bucket: pledges\n",
			[]string{":7:13: error: deploy.endpoint carries credentials"}},
		{"deploy:\n  endpoint: s3.oss-cn-qingdao.aliyuncs.com\n  region: r\n  bucket: pledges\n",
			[]string{":7:13: error: deploy.endpoint \"s3.oss-cn-qingdao.aliyuncs.com\" is not an http or https address", "hint: e.g. https://s3.oss-cn-qingdao.aliyuncs.com"}},
		{"deploy:\n  endpoint: https://s3.example.org/pledges\n  region: r\n  bucket: pledges\n",
			[]string{":7:13: error: deploy.endpoint \"https://s3.example.org/pledges\" has a path"}},
		{"deploy:\n  endpoint: https://s3.example.org\n  region: r\n  bucket: Pledges_2022\n",
			[]string{":9:11: error: deploy.bucket \"Pledges_2022\" is not a bucket name"}},
		{"deploy:\n  endpoint: https://s3.example.org\n  region: r\n  bucket: pledges\n  prefix: a/../b\n",
			[]string{":10:11: error: deploy.prefix \"a/../b\" is not a folder"}},
		{"deploy:\n  endpoint: https://s3.example.org\n  region: r\n  bucket: pledges\n  addressing: dns\n",
			[]string{":10:15: error: deploy.addressing \"dns\" is not virtual, path or domain"}},
		{"deploy:\n  endpoint: https://s3.example.org\n  bucket: pledges\n",
			[]string{":7:3: error: deploy is missing required key \"region\""}},
		{"deploy:\n  endpoint: https://s3.example.org\n  region: r\n  bucket: pledges\n  bukket: x\n",
			[]string{":10:3: error: unknown key \"bukket\" in deploy"}},
	} {
		cfg, problems := load(t, c.yaml)
		if cfg != nil {
			t.Errorf("%s: loaded", c.yaml)
		}
		all := strings.Join(problems, "\n")
		for _, w := range c.want {
			if !strings.Contains(all, w) {
				t.Errorf("%s:\nwant %q in\n%s", c.yaml, w, all)
			}
		}
		if strings.Contains(all, "unknown key \"accessKeyId\"") {
			t.Errorf("a credential key is reported twice:\n%s", all)
		}
	}
}

func TestFiling(t *testing.T) {
	cfg, problems := load(t, "filing:\n  icp: 鲁ICP备12345678号-1\n  police: 鲁公网安备 37020202000123号\n")
	if cfg == nil {
		t.Fatal(problems)
	}
	if cfg.Filing.ICP != "鲁ICP备12345678号-1" || cfg.Filing.Police != "鲁公网安备 37020202000123号" {
		t.Errorf("filing %+v", cfg.Filing)
	}
	if got := cfg.Filing.PoliceURL(); got != "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=37020202000123" {
		t.Errorf("police URL %s", got)
	}
	for _, ok := range []string{"鲁ICP备12345678号", "京ICP备2021000001号", "粤ICP备05019374号-12"} {
		if cfg, problems := load(t, "filing:\n  icp: "+ok+"\n"); cfg == nil || cfg.Filing.ICP != ok {
			t.Errorf("%s refused: %v", ok, problems)
		}
	}
	for _, c := range []struct{ yaml, want string }{
		{"filing:\n  icp: ICP备12345678号\n", ":7:8: error: filing.icp \"ICP备12345678号\" is not an ICP filing number"},
		{"filing:\n  icp: 鲁ICP备12345678\n", "hint: copy it as the filing system shows it, e.g. 鲁ICP备12345678号"},
		{"filing:\n  icp: 鲁ICP证12345678号\n", "is not an ICP filing number"},
		{"filing:\n  icp: 鲁ICP备12345678号\n  police: 鲁公网安备 3702020200012号\n", ":8:11: error: filing.police \"鲁公网安备 3702020200012号\" is not a public-security filing number"},
		{"filing:\n  icp: 鲁ICP备12345678号\n  police: 37020202000123\n", "hint: copy it as the filing system shows it: the province, 公网安备, 14 digits and 号"},
		{"filing:\n  police: 鲁公网安备 37020202000123号\n", "filing has a public-security number but no ICP number"},
		{"filing:\n  icp: 鲁ICP备12345678号\n  beian: x\n", "unknown key \"beian\" in filing"},
	} {
		cfg, problems := load(t, c.yaml)
		all := strings.Join(problems, "\n")
		if cfg != nil || !strings.Contains(all, c.want) {
			t.Errorf("%s:\nwant %q in\n%s", c.yaml, c.want, all)
		}
	}
}
