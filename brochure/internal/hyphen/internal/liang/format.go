// Package liang compiles TeX hyphenation patterns into a compact trie blob and
// reads that blob back for Liang's algorithm.
//
// The blob is laid out so that loading it is one linear pass with no parsing of
// pattern text (all integers little-endian):
//
//	magic    "LIANG\x00\x01\x00"
//	nAlpha   uint32   number of symbols; symbol codes are 1..nAlpha
//	nNodes   uint32   number of trie nodes, root first, in breadth-first order
//	nVals    uint32   total number of value entries
//	alphabet nAlpha × uint32 runes, sorted; code = index+1
//	syms     nNodes × byte   code of the edge leading into each node (0 for the root)
//	kids     nNodes × byte   number of children; children are contiguous in node order
//	nvals    nNodes × byte   number of value entries of each node
//	vals     nVals × byte    value entries: position<<3 | level
//
// Breadth-first order makes the children of node n the nodes
// first(n) .. first(n)+kids[n]-1, where first is a running sum of kids.
package liang

const (
	magic = "LIANG\x00\x01\x00"
	// maxLevel is the highest level a pattern digit may have (3 bits).
	maxLevel = 7
	// maxPos is the highest position a value may have (4 bits).
	maxPos = 15
)
