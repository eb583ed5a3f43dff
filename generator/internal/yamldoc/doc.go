// Package yamldoc reads an editor's YAML strictly: it parses a file into nodes and
// offers typed accessors that check every value and report each problem, with the
// file, line and column and the offending line, into a diag.List. Unknown keys get
// the closest valid key as a hint.
//
// yamldoc knows YAML and positions, not what a department or a config holds; the
// callers (config, content) say which keys exist and which are required.
//
// Files in the plain subset of YAML that content files use are read by a fast
// path (fastparse.go) into the very tree yaml.v3 builds; everything else, and
// every syntax error, goes to yaml.v3.
package yamldoc
