package model

import "strings"

// needles finds any of a fixed set of short strings in one pass over the
// text. The rules search every value and name for lists of words, on every
// keystroke over every row; strings.Contains once per word would cost a
// pass per word. Two tables, built once, rule out almost every position
// before any comparison: the first two bytes of the words, and the words
// of one byte. Where a position passes, only the words starting with its
// byte are compared.
type needles struct {
	words []string
	// order lists word indexes grouped by first byte, each group in set
	// order; at[c] is the group of byte c (empty when no word starts so).
	order []uint8
	at    [256]struct{ from, to uint8 }
	// pair has a bit set for the first two bytes of each word, and for
	// every byte after a one-byte word; single marks one-byte words, the
	// only ones that can match at the last byte.
	pair   [1 << 16 / 64]uint64
	single [256]bool
}

func newNeedles(words ...string) *needles {
	if len(words) > 255 {
		panic("newNeedles: more than 255 words")
	}
	n := &needles{words: words}
	for _, w := range words {
		if w == "" || w[0]&0xC0 == 0x80 || w[0] >= 0x80 && len(w) < 2 {
			panic("newNeedles: a word is empty or not UTF-8")
		}
	}
	for c := 0; c < 256; c++ {
		n.at[c].from = uint8(len(n.order))
		for w, word := range words {
			if int(word[0]) == c {
				n.order = append(n.order, uint8(w))
			}
		}
		n.at[c].to = uint8(len(n.order))
	}
	for _, w := range words {
		if len(w) == 1 {
			n.single[w[0]] = true
			for b := 0; b < 256; b++ {
				k := uint16(w[0])<<8 | uint16(b)
				n.pair[k/64] |= 1 << (k % 64)
			}
			continue
		}
		k := uint16(w[0])<<8 | uint16(w[1])
		n.pair[k/64] |= 1 << (k % 64)
	}
	return n
}

// index returns the position in the set of a word found in s (the leftmost
// occurrence in s, then the first word in the set), or -1. Every position
// where a word could start is tried, so it agrees with strings.Contains
// even on text that is not valid UTF-8. Words start with a byte that is
// not a UTF-8 continuation byte (newNeedles checks), so after a whole
// three-byte rune, Chinese text's usual rune, the two bytes of its tail
// need no look.
func (n *needles) index(s string) int {
	for i, next := 0, 0; i < len(s); i = next {
		c := s[i]
		next = i + 1
		if c >= 0xE0 && c < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			next = i + 3
		}
		if i+1 < len(s) {
			if k := uint16(c)<<8 | uint16(s[i+1]); n.pair[k/64]&(1<<(k%64)) == 0 {
				continue
			}
		} else if !n.single[c] {
			continue
		}
		g := n.at[c]
		for _, w := range n.order[g.from:g.to] {
			if strings.HasPrefix(s[i:], n.words[w]) {
				return int(w)
			}
		}
	}
	return -1
}

// in reports whether s contains any word of the set.
func (n *needles) in(s string) bool { return n.index(s) >= 0 }
