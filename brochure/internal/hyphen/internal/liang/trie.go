package liang

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Trie is a loaded pattern trie. It is read-only and safe for concurrent use.
type Trie struct {
	latin [256]byte     // code of each rune below 256, 0 when not in the alphabet
	other map[rune]byte // code of the other runes of the alphabet
	syms  []byte        // edge symbol of each node
	first []uint32      // index of the first child of each node; first[n+1]-first[n] children
	voff  []uint32      // start of each node's value entries in vals; voff[n+1]-voff[n] entries
	vals  []byte
}

// Load reads a blob made by Compile. The trie keeps references into blob, which
// must not change afterwards.
func Load(blob []byte) (*Trie, error) {
	if len(blob) < len(magic)+12 || string(blob[:len(magic)]) != magic {
		return nil, errors.New("liang: not a pattern blob")
	}
	p := len(magic)
	u32 := func() int {
		v := binary.LittleEndian.Uint32(blob[p:])
		p += 4
		return int(v)
	}
	nAlpha, nNodes, nVals := u32(), u32(), u32()
	if nAlpha > 255 || nNodes < 1 || len(blob) != p+4*nAlpha+3*nNodes+nVals {
		return nil, fmt.Errorf("liang: blob of %d bytes does not match its header", len(blob))
	}
	t := &Trie{}
	for i := range nAlpha {
		r := rune(u32())
		if r < 256 {
			t.latin[r] = byte(i + 1)
		} else {
			if t.other == nil {
				t.other = map[rune]byte{}
			}
			t.other[r] = byte(i + 1)
		}
	}
	t.syms = blob[p : p+nNodes]
	kids := blob[p+nNodes : p+2*nNodes]
	nv := blob[p+2*nNodes : p+3*nNodes]
	t.vals = blob[p+3*nNodes:]

	t.first = make([]uint32, nNodes+1)
	t.voff = make([]uint32, nNodes+1)
	c, v := uint32(1), uint32(0)
	for n := range nNodes {
		t.first[n] = c
		t.voff[n] = v
		c += uint32(kids[n])
		v += uint32(nv[n])
	}
	t.first[nNodes], t.voff[nNodes] = c, v
	if int(c) != nNodes || int(v) != nVals {
		return nil, errors.New("liang: blob is inconsistent")
	}
	return t, nil
}

// Code returns the symbol code of r, or 0 when no pattern contains r.
func (t *Trie) Code(r rune) byte {
	if r < 256 {
		if r < 0 {
			return 0
		}
		return t.latin[r]
	}
	return t.other[r]
}

// child returns the child of node n along code c, or -1.
func (t *Trie) child(n int, c byte) int {
	lo, hi := int(t.first[n]), int(t.first[n+1])
	for lo < hi { // binary search: children are sorted by code
		m := int(uint(lo+hi) >> 1)
		if t.syms[m] < c {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < int(t.first[n+1]) && t.syms[lo] == c {
		return lo
	}
	return -1
}

// Levels applies all patterns to codes, a word's symbol codes including the
// boundary dots, and raises levels (len(codes)+1 entries, position i standing
// before codes[i]) to the highest level any matching pattern gives.
func (t *Trie) Levels(codes, levels []byte) {
	for i := range codes {
		n := 0
		for j := i; j < len(codes); j++ {
			if codes[j] == 0 {
				break
			}
			n = t.child(n, codes[j])
			if n < 0 {
				break
			}
			for _, e := range t.vals[t.voff[n]:t.voff[n+1]] {
				at, lv := i+int(e>>3), e&7
				if at < len(levels) && levels[at] < lv {
					levels[at] = lv
				}
			}
		}
	}
}
