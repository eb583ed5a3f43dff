package yamldoc

import "unicode/utf8"

// deepest finds the first node nested limit levels deep (the root is level 0),
// for a file yaml.v3 refuses as too deep before it builds a tree, so the problem
// is reported where checkTree would have reported it had the tree been built.
//
// It reads YAML as far as nesting goes and no further: the block collections
// open at a line (by indentation, and the compact “- - ” and “? ” on the line),
// the flow brackets open, and where nodes start; quoted and plain scalars are
// stepped over. ok is false when it finds nothing that deep.
func deepest(lines []string, limit int) (line, col int, ok bool) {
	var (
		block []int // columns of the open block collections
		flow  int   // open [ and {
		quote byte  // the quote of a flow scalar that runs on to the next line
	)
	for i, l := range lines {
		j := 0
		if quote != 0 {
			if j = closeQuote(l, 0, quote); j < 0 {
				continue
			}
			quote = 0
		}
		if flow == 0 {
			for j < len(l) && l[j] == ' ' {
				j++
			}
			if j == len(l) || l[j] == '#' || l[j] == '\r' {
				continue
			}
			for len(block) > 0 && block[len(block)-1] > j {
				block = block[:len(block)-1]
			}
			// Compact collections: “- - x”, “? - x”, “- key: x”.
			for {
				entry := (l[j] == '-' || l[j] == '?') && (j+1 == len(l) || l[j+1] == ' ')
				if !entry && !startsKey(l[j:]) {
					break
				}
				if len(block) == 0 || block[len(block)-1] < j {
					if len(block) >= limit {
						return i + 1, column(l, j), true
					}
					block = append(block, j)
				}
				if !entry {
					break
				}
				for j++; j < len(l) && l[j] == ' '; j++ {
				}
				if j == len(l) {
					break
				}
			}
		}
		for j < len(l) {
			c := l[j]
			switch {
			case c == ' ' || c == '\t' || c == ',' || c == ':' || c == '\r':
				j++
				continue
			case c == '#' && (j == 0 || l[j-1] == ' ' || l[j-1] == '\t'):
				j = len(l)
				continue
			case c == ']' || c == '}':
				if flow > 0 {
					flow--
				}
				j++
				continue
			}
			// A node starts here.
			if len(block)+flow >= limit {
				return i + 1, column(l, j), true
			}
			switch c {
			case '[', '{':
				flow++
				j++
			case '"', '\'':
				if k := closeQuote(l, j+1, c); k < 0 {
					j, quote = len(l), c
				} else {
					j = k
				}
			default:
				j = plainEnd(l, j, flow > 0)
			}
		}
	}
	return 0, 0, false
}

// startsKey reports whether s starts with a plain key and “: ”.
func startsKey(s string) bool {
	if s == "" || s[0] == '[' || s[0] == '{' || s[0] == '"' || s[0] == '\'' || s[0] == '#' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ':':
			return i+1 == len(s) || s[i+1] == ' '
		case '#', '[', '{', ']', '}', ',':
			return false
		}
	}
	return false
}

// closeQuote returns the index after the quote that ends a quoted scalar
// opened before from, or -1 when the line ends first.
func closeQuote(l string, from int, q byte) int {
	for k := from; k < len(l); k++ {
		switch {
		case q == '"' && l[k] == '\\':
			k++
		case l[k] == q && q == '\'' && k+1 < len(l) && l[k+1] == '\'':
			k++
		case l[k] == q:
			return k + 1
		}
	}
	return -1
}

// plainEnd returns where a plain scalar starting at j ends: at “: ” or “ #”,
// and in a flow collection also at a bracket or comma.
func plainEnd(l string, j int, inFlow bool) int {
	for k := j + 1; k < len(l); k++ {
		switch c := l[k]; {
		case c == ':' && (k+1 == len(l) || l[k+1] == ' ' || inFlow && isFlowIndicator(l[k+1])):
			return k
		case c == '#' && l[k-1] == ' ':
			return k
		case inFlow && isFlowIndicator(c):
			return k
		}
	}
	return len(l)
}

func isFlowIndicator(c byte) bool { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}' }

// column is the 1-based column, in characters, of byte j of l.
func column(l string, j int) int { return utf8.RuneCountInString(l[:j]) + 1 }
