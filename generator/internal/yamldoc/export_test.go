package yamldoc

// FastParse lets the external tests, which need the content and corpus packages
// (both import yamldoc), compare the fast path with yaml.v3.
var FastParse = fastParse
