package diag

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Visible returns s with every character a terminal or a log viewer would act on
// written out instead, so that a file name or a line of a file cannot change the
// terminal's title, clear its screen or reorder the text around it:
//
//   - control characters (U+0000–U+001F but tab, DEL, U+0080–U+009F) as \x1b, \x7f, \u009b;
//   - the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) as \u202e;
//   - bytes that are not UTF-8 as \xff.
//
// Tab is kept: a source line is shown with its indentation.
func Visible(s string) string { return visible(s, false) }

// visible is Visible; with keepBreaks, line feeds and carriage returns are left
// for the caller to escape its own way (GitHub's %0A and %0D).
func visible(s string, keepBreaks bool) string {
	if !needsEscape(s, keepBreaks) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case keepBreaks && (r == '\n' || r == '\r'):
			b.WriteRune(r)
		case hidden(r):
			b.WriteString(escaped(r))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func needsEscape(s string, keepBreaks bool) bool {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return true
			}
		}
		if hidden(r) && !(keepBreaks && (r == '\n' || r == '\r')) {
			return true
		}
	}
	return false
}

// hidden reports characters that act rather than show: every control character
// but tab, and the bidirectional controls that reorder what follows them.
func hidden(r rune) bool {
	return r < 0x20 && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// escaped writes out a hidden character, as Go would in a string literal.
func escaped(r rune) string {
	switch {
	case r == '\n':
		return `\n`
	case r == '\r':
		return `\r`
	case r < 0x80:
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// jsonEscape writes the characters encoding/json leaves as they are but a
// terminal would act on (DEL, U+0080–U+009F, the bidirectional controls) as \u
// escapes, which keep the JSON valid and its strings the same.
func jsonEscape(b []byte) []byte {
	// Control characters inside strings are escaped already, so a raw line
	// break is the indentation's.
	act := func(r rune) bool { return hidden(r) && r != '\n' && r != '\r' }
	s := string(b)
	if !strings.ContainsFunc(s, act) {
		return b
	}
	var out strings.Builder
	for _, r := range s {
		if act(r) {
			fmt.Fprintf(&out, `\u%04x`, r)
			continue
		}
		out.WriteRune(r)
	}
	return []byte(out.String())
}
