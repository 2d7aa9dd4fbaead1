package model

import "strings"

// needles finds any of a fixed set of short strings in one pass over the
// text. The rules search every value and name for lists of words, on every
// keystroke over every row; strings.Contains once per word would cost a
// pass per word. Two tables, built once, rule out almost every position
// before any comparison: the byte a word may start with, and for words
// that start with a multi-byte rune, the first two bytes.
type needles struct {
	words []string
	first [256]bool
	pair  [1 << 16 / 64]uint64 // bit set for the first two bytes of a word
}

func newNeedles(words ...string) *needles {
	n := &needles{words: words}
	for _, w := range words {
		n.first[w[0]] = true
		if w[0] >= 0x80 && len(w) > 1 {
			k := uint16(w[0])<<8 | uint16(w[1])
			n.pair[k/64] |= 1 << (k % 64)
		}
	}
	return n
}

// index returns the position in the set of a word found in s (the leftmost
// occurrence in s, then the first word in the set), or -1. Every byte
// position is tried, so it agrees with strings.Contains even on text that
// is not valid UTF-8.
func (n *needles) index(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !n.first[c] {
			continue
		}
		if c >= 0x80 {
			if i+1 >= len(s) {
				continue
			}
			k := uint16(c)<<8 | uint16(s[i+1])
			if n.pair[k/64]&(1<<(k%64)) == 0 {
				continue
			}
		}
		for w, word := range n.words {
			if strings.HasPrefix(s[i:], word) {
				return w
			}
		}
	}
	return -1
}

// in reports whether s contains any word of the set.
func (n *needles) in(s string) bool { return n.index(s) >= 0 }
