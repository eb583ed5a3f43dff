package yamldoc

import "strings"

// Scalar writes s as a YAML value on one line, as an editor would type it: plain
// when YAML reads it back as the same text, double-quoted (with backslash, quote,
// newline and tab escaped) when plain it would read as something else — a
// sequence or mapping, a comment, an alias, trimmed spaces, another line.
// Generated files (a new department's skeleton, a test corpus) use it so they
// look like the files editors write.
func Scalar(s string) string {
	plain := s != "" && !strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") &&
		!strings.Contains(s, ": ") && !strings.Contains(s, " #") && !strings.HasSuffix(s, ":") &&
		strings.TrimSpace(s) == s && !strings.ContainsAny(s, "\n\t")
	if plain {
		return s
	}
	q := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`).Replace(s)
	return `"` + q + `"`
}
