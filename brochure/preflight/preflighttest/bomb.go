package preflighttest

import "encoding/binary"

// ZeroBomb returns zlib data that inflates to n zero bytes, built directly as one
// deflate block of fixed Huffman codes: a literal 0, then copies of 258 bytes at distance
// 1, 13 bits each. Two GiB take 13.5 MB, which compress again to a few KB.
func ZeroBomb(n int64) []byte {
	w := &bitWriter{out: []byte{0x78, 0x01}}
	w.bits(1, 1) // the last block
	w.bits(1, 2) // fixed Huffman codes
	w.code(0x30, 8)
	left := n - 1
	for ; left >= 258; left -= 258 {
		w.code(0xc5, 8) // length 258 (symbol 285)
		w.code(0, 5)    // distance 1
	}
	for ; left > 0; left-- {
		w.code(0x30, 8)
	}
	w.code(0, 7) // end of block
	w.flush()
	// Adler-32 of n zeros: A stays 1, B is n.
	return binary.BigEndian.AppendUint32(w.out, uint32(n%65521)<<16|1)
}

// bitWriter writes bits least significant first, as deflate packs them.
type bitWriter struct {
	out []byte
	acc uint64
	n   uint
}

func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= v << w.n
	w.n += n
	for w.n >= 8 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.n -= 8
	}
}

// code writes a Huffman code, most significant bit first.
func (w *bitWriter) code(c uint64, n uint) {
	var r uint64
	for i := uint(0); i < n; i++ {
		r = r<<1 | (c>>i)&1
	}
	w.bits(r, n)
}

func (w *bitWriter) flush() {
	if w.n > 0 {
		w.out = append(w.out, byte(w.acc))
		w.acc, w.n = 0, 0
	}
}
