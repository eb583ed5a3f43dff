package config

import (
	"regexp"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"leitai/generator/internal/yamldoc"
)

// Filing is what a site hosted in mainland China must show: its ICP filing
// number (ICP备案号), and where it has one, its public-security filing number
// (公安备案号). Both are empty for a site hosted elsewhere.
type Filing struct {
	ICP    string // "鲁ICP备12345678号" or "鲁ICP备12345678号-1"
	Police string // "鲁公网安备 37020202000123号"
}

// The filing systems the numbers link to.
const (
	ICPSystem    = "https://beian.miit.gov.cn/"
	PoliceSystem = "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode="
)

// provinces are the one-character names of the provinces, regions and cities
// that issue filing numbers.
const provinces = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵黔云滇藏陕秦甘陇青宁新"

var (
	filingKeys = []string{"icp", "police"}
	// An ICP number: the province, ICP备, the number (older ones have fewer
	// digits, newer ones begin with the year), 号, and for the site's entry a
	// suffix -N.
	icpNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[` + provinces + `]ICP备\d{6,12}号(-\d{1,3})?$`) })
	// A public-security number: the province, 公网安备, fourteen digits, 号.
	policeNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[` + provinces + `]公网安备 ?(\d{14})号$`) })
)

// PoliceCode is the public-security number's digits, which its link carries.
func (f Filing) PoliceCode() string {
	if m := policeNumber().FindStringSubmatch(f.Police); m != nil {
		return m[1]
	}
	return ""
}

// ICPURL is the address of the ICP filing system, where a reader can look the
// number up.
func (f Filing) ICPURL() string { return ICPSystem }

// PoliceURL is the address of the public-security number's record.
func (f Filing) PoliceURL() string { return PoliceSystem + f.PoliceCode() }

func readFiling(doc *yamldoc.Doc, n *yaml.Node) Filing {
	var f Filing
	m, ok := doc.Fields(n, "filing", filingKeys, nil)
	if !ok {
		return f
	}
	f.ICP = readNumber(doc, m, "icp", icpNumber(), "an ICP filing number",
		"copy it as the filing system shows it, e.g. 鲁ICP备12345678号 or, for one site of several, 鲁ICP备12345678号-1")
	f.Police = readNumber(doc, m, "police", policeNumber(), "a public-security filing number",
		"copy it as the filing system shows it: the province, 公网安备, 14 digits and 号, e.g. 鲁公网安备 37020202000123号")
	if f.Police != "" && f.ICP == "" && m.Get("icp") == nil {
		doc.Errorf(n, "add “icp: …”: a site with a public-security number has an ICP number first", "filing has a public-security number but no ICP number")
	}
	return f
}

// readNumber reads filing.<key> and checks its form; it is "" when absent or
// wrong, and a wrong one is reported at its place.
func readNumber(doc *yamldoc.Doc, m yamldoc.Map, key string, form *regexp.Regexp, what, hint string) string {
	v := m.Get(key)
	if v == nil {
		return ""
	}
	s, ok := doc.String(v, "filing."+key)
	if !ok {
		return ""
	}
	s = strings.TrimSpace(s)
	if !form.MatchString(s) {
		doc.Errorf(v, hint, "filing.%s %q is not %s", key, s, what)
		return ""
	}
	return s
}
