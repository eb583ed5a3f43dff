package yamldoc

import "gopkg.in/yaml.v3"

// FastParse lets the external tests, which need the content and corpus packages
// (both import yamldoc), compare the fast path with yaml.v3. It parses into the
// shared scratch memory, as Parse does; release gives it back, so each test
// parse runs on memory an earlier one used and released.
func FastParse(lines []string) (doc *yaml.Node, ok bool, release func()) {
	sc := scratches.Get().(*scratch)
	doc, ok = fastParse(lines, sc)
	return doc, ok, func() { sc.reset(); scratches.Put(sc) }
}
