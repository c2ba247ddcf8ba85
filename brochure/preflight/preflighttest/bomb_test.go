package preflighttest

import (
	"bytes"
	"compress/zlib"
	"io"
	"testing"
)

func TestZeroBomb(t *testing.T) {
	for _, n := range []int64{1, 257, 258, 259, 1000, 1 << 20} {
		r, err := zlib.NewReader(bytes.NewReader(ZeroBomb(n)))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%d: %v", n, err)
		}
		if int64(len(b)) != n || bytes.ContainsFunc(b, func(r rune) bool { return r != 0 }) {
			t.Errorf("%d zeros inflate to %d bytes", n, len(b))
		}
	}
}
