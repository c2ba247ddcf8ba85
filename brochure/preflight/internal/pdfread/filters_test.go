package pdfread

import (
	"bytes"
	"compress/zlib"
	"errors"
	"io"
	"testing"
)

// decodeWith runs data through one filter with its parameters.
func decodeWith(t *testing.T, name Name, parms Dict, data []byte) ([]byte, error) {
	t.Helper()
	r, err := newFilter(name, parms, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

func TestFilters(t *testing.T) {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write([]byte("0 0 1 rg"))
	w.Close()
	tests := []struct {
		name  Name
		parms Dict
		in    string
		want  string
	}{
		{"ASCIIHexDecode", nil, "30 20 3\n1>", "0 1"},
		{"AHx", nil, "414", "A@"},
		{"ASCII85Decode", nil, "<~87cURD]i,\"Ebo80~>", "Hello World!"},
		{"A85", nil, "z!!~>", "\x00\x00\x00\x00\x00"},
		{"RunLengthDecode", nil, "\x02abc\xfdx\x80ignored", "abcxxxx"},
		{"FlateDecode", nil, z.String(), "0 0 1 rg"},
		{"FlateDecode", nil, z.String()[2:], "0 0 1 rg"}, // raw deflate without the zlib header
		// Rows of 3 bytes with the PNG filters None, Sub, Up and Paeth.
		{"FlateDecode", Dict{"Predictor": Number(12), "Columns": Number(3)}, zlibOf("\x00\x01\x02\x03\x01\x01\x01\x01\x02\x01\x01\x01\x04\x00\x00\x00"),
			"\x01\x02\x03\x01\x02\x03\x02\x03\x04\x02\x03\x04"},
		{"FlateDecode", Dict{"Predictor": Number(2), "Columns": Number(4)}, zlibOf("\x01\x01\x01\x01"), "\x01\x02\x03\x04"},
	}
	for _, tt := range tests {
		got, err := decodeWith(t, tt.name, tt.parms, []byte(tt.in))
		if err != nil || string(got) != tt.want {
			t.Errorf("%s %v %q: %q, %v; want %q", tt.name, tt.parms, tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []struct {
		name Name
		in   string
	}{{"ASCIIHexDecode", "4x"}, {"ASCII85Decode", "v~>"}, {"RunLengthDecode", "\x05ab"}} {
		if _, err := decodeWith(t, bad.name, nil, []byte(bad.in)); !errors.Is(err, errFilterData) {
			t.Errorf("%s %q: error %v, want bad data", bad.name, bad.in, err)
		}
	}
	if _, err := newFilter("DCTDecode", nil, bytes.NewReader(nil)); err == nil {
		t.Error("an image filter decodes")
	}
	if _, err := newFilter("FlateDecode", Dict{"Predictor": Number(12), "Columns": Number(1 << 30)}, bytes.NewReader(nil)); err == nil {
		t.Error("a predictor of a billion columns")
	}
}

func zlibOf(s string) string {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.String()
}

// TestReadAtMost wants data over the limit refused without being kept, and data within it
// whole, also where it ends at or just after a chunk (64, 128, 256 KB …, then 1 MB each).
func TestReadAtMost(t *testing.T) {
	for _, n := range []int{0, 1, 64 << 10, 64<<10 + 1, 192 << 10, 192<<10 + 1, 1 << 20, 1<<20 + 1, 2 << 20, 2<<20 + 1, 3<<20 + 5} {
		data := bytes.Repeat([]byte{'x'}, n)
		got, over, err := readAtMost(bytes.NewReader(data), 2<<20)
		if err != nil || over != (n > 2<<20) || (!over && !bytes.Equal(got, data)) || (over && got != nil) {
			t.Errorf("%d bytes: %d bytes, over %v, %v", n, len(got), over, err)
		}
		if cap(got) > 2*len(got) && cap(got) > 64 {
			t.Errorf("%d bytes are kept in %d bytes of memory", n, cap(got))
		}
	}
}
