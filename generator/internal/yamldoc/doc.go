// Package yamldoc reads an editor's YAML strictly: it parses a file into nodes and
// offers typed accessors that check every value and report each problem, with the
// file, line and column and the offending line, into a diag.List. Unknown keys get
// the closest valid key as a hint.
//
// yamldoc knows YAML and positions, not what a department or a config holds; the
// callers (config, content) say which keys exist and which are required.
//
// The YAML itself is read by yaml.v3 into its yaml.Node tree, which keeps every
// value's line and column; yamldoc adds the checks and messages for editors.
package yamldoc
