package pdfread

import (
	"bufio"
	"compress/flate"
	"compress/lzw"
	"compress/zlib"
	"errors"
	"fmt"
	"io"

	tifflzw "golang.org/x/image/tiff/lzw"
)

// errFilterData reports data a filter cannot decode.
var errFilterData = errors.New("bad data")

// newFilter wraps r in the decoder of filter name with its parameters (ISO 32000-1,
// 7.4). The image filters are not decoded: the preflight reads no image data.
func newFilter(name Name, parms Dict, r io.Reader) (io.Reader, error) {
	switch name {
	case "FlateDecode", "Fl":
		return predictor(flateReader(r), parms)
	case "LZWDecode", "LZW":
		early, ok := parms["EarlyChange"].(Number)
		if ok && early == 0 {
			return predictor(lzw.NewReader(r, lzw.MSB, 8), parms)
		}
		return predictor(tifflzw.NewReader(r, tifflzw.MSB, 8), parms)
	case "ASCIIHexDecode", "AHx":
		return &hexReader{r: bufio.NewReader(r)}, nil
	case "ASCII85Decode", "A85":
		return &a85Reader{r: bufio.NewReader(r)}, nil
	case "RunLengthDecode", "RL":
		return &runLengthReader{r: bufio.NewReader(r)}, nil
	case "Crypt":
		return r, nil // decrypted before the filters
	case "DCTDecode", "DCT", "JPXDecode", "CCITTFaxDecode", "CCF", "JBIG2Decode":
		return nil, fmt.Errorf("filter /%s is for images", name)
	}
	return nil, fmt.Errorf("unknown filter /%s", name)
}

// flateReader reads zlib data, or raw deflate data where the zlib header is missing.
func flateReader(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	h, err := br.Peek(2)
	if err == nil && h[0]&0x0f == 8 && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 && h[1]&0x20 == 0 {
		if zr, err := zlib.NewReader(br); err == nil {
			return zr
		}
		return errReader{errFilterData}
	}
	return flate.NewReader(br)
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// hexReader decodes ASCIIHexDecode up to its >.
type hexReader struct {
	r    *bufio.Reader
	done bool
}

func (h *hexReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) && !h.done {
		var v [2]byte
		k := 0
		for k < 2 {
			c, err := h.r.ReadByte()
			if err == io.EOF || c == '>' {
				h.done = true
				break
			}
			if err != nil {
				return n, err
			}
			if isSpace(c) {
				continue
			}
			d, ok := unhex(c)
			if !ok {
				return n, errFilterData
			}
			v[k] = d
			k++
		}
		if k > 0 {
			p[n] = v[0]<<4 | v[1]
			n++
		}
	}
	if n == 0 && h.done {
		return 0, io.EOF
	}
	return n, nil
}

// a85Reader decodes ASCII85Decode up to its ~>, after a <~ some writers put first.
type a85Reader struct {
	r       *bufio.Reader
	out     []byte
	done    bool
	started bool
}

func (a *a85Reader) Read(p []byte) (int, error) {
	if !a.started {
		a.started = true
		for {
			c, err := a.r.Peek(1)
			if err != nil || !isSpace(c[0]) {
				break
			}
			a.r.ReadByte()
		}
		if b, err := a.r.Peek(2); err == nil && string(b) == "<~" {
			a.r.Discard(2)
		}
	}
	for len(a.out) == 0 && !a.done {
		var group [5]byte
		k := 0
		for k < 5 {
			c, err := a.r.ReadByte()
			if err == io.EOF || c == '~' {
				a.done = true
				break
			}
			if err != nil {
				return 0, err
			}
			switch {
			case isSpace(c):
			case c == 'z' && k == 0:
				a.out = append(a.out, 0, 0, 0, 0)
				k = -1
			case c >= '!' && c <= 'u':
				group[k] = c - '!'
				k++
			default:
				return 0, errFilterData
			}
			if k < 0 {
				break
			}
		}
		if k <= 0 {
			continue
		}
		if k == 1 {
			return 0, errFilterData
		}
		for j := k; j < 5; j++ {
			group[j] = 'u' - '!'
		}
		var v uint64
		for _, g := range group {
			v = v*85 + uint64(g)
		}
		if v > 0xffffffff {
			return 0, errFilterData
		}
		b := []byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}
		a.out = append(a.out, b[:k-1]...)
	}
	if len(a.out) == 0 {
		return 0, io.EOF
	}
	n := copy(p, a.out)
	a.out = a.out[n:]
	return n, nil
}

// runLengthReader decodes RunLengthDecode up to its end-of-data byte 128.
type runLengthReader struct {
	r    *bufio.Reader
	out  []byte
	done bool
}

func (rl *runLengthReader) Read(p []byte) (int, error) {
	for len(rl.out) == 0 && !rl.done {
		c, err := rl.r.ReadByte()
		if err == io.EOF || c == 128 {
			rl.done = true
			break
		}
		if err != nil {
			return 0, err
		}
		if c < 128 {
			buf := make([]byte, int(c)+1)
			if _, err := io.ReadFull(rl.r, buf); err != nil {
				return 0, errFilterData
			}
			rl.out = buf
			continue
		}
		b, err := rl.r.ReadByte()
		if err != nil {
			return 0, errFilterData
		}
		buf := make([]byte, 257-int(c))
		for i := range buf {
			buf[i] = b
		}
		rl.out = buf
	}
	if len(rl.out) == 0 {
		return 0, io.EOF
	}
	n := copy(p, rl.out)
	rl.out = rl.out[n:]
	return n, nil
}

// predictor undoes the PNG or TIFF predictor that parms give for Flate or LZW data.
func predictor(r io.Reader, parms Dict) (io.Reader, error) {
	num := func(k Name, def int) int {
		if n, ok := parms[k].(Number); ok {
			return int(n)
		}
		return def
	}
	pred := num("Predictor", 1)
	if pred <= 1 {
		return r, nil
	}
	colors, bpc, columns := num("Colors", 1), num("BitsPerComponent", 8), num("Columns", 1)
	if colors < 1 || colors > 32 || (bpc != 1 && bpc != 2 && bpc != 4 && bpc != 8 && bpc != 16) || columns < 1 || columns > 1<<20 {
		return nil, fmt.Errorf("bad predictor parameters (Colors %d, BitsPerComponent %d, Columns %d)", colors, bpc, columns)
	}
	bpp := max(1, colors*bpc/8)
	row := (colors*bpc*columns + 7) / 8
	switch {
	case pred == 2:
		if bpc != 8 {
			return nil, fmt.Errorf("TIFF predictor with %d bits per component", bpc)
		}
		return &predictReader{r: r, row: make([]byte, row), prev: make([]byte, row), bpp: bpp, tiff: true}, nil
	case pred >= 10 && pred <= 15:
		return &predictReader{r: r, row: make([]byte, row+1), prev: make([]byte, row), bpp: bpp}, nil
	}
	return nil, fmt.Errorf("unknown predictor %d", pred)
}

// predictReader undoes a predictor row by row.
type predictReader struct {
	r         io.Reader
	row, prev []byte
	bpp       int
	tiff      bool
	out       []byte
	err       error
}

func (p *predictReader) Read(b []byte) (int, error) {
	for len(p.out) == 0 {
		if p.err != nil {
			return 0, p.err
		}
		n, err := io.ReadFull(p.r, p.row)
		if err != nil {
			p.err = err
			if err == io.ErrUnexpectedEOF {
				p.err = io.EOF // a short last row: what there is
			}
			if n == 0 {
				continue
			}
		}
		if p.tiff {
			cur := p.row[:n]
			for i := p.bpp; i < len(cur); i++ {
				cur[i] += cur[i-p.bpp]
			}
			p.out = cur
			continue
		}
		typ, cur := p.row[0], p.row[1:max(1, n)]
		prev := p.prev
		for i := range cur {
			var left, up, ul byte
			if i >= p.bpp {
				left, ul = cur[i-p.bpp], prev[i-p.bpp]
			}
			up = prev[i]
			switch typ {
			case 1:
				cur[i] += left
			case 2:
				cur[i] += up
			case 3:
				cur[i] += byte((int(left) + int(up)) / 2)
			case 4:
				cur[i] += paeth(left, up, ul)
			}
		}
		copy(p.prev, cur)
		p.out = cur
	}
	n := copy(b, p.out)
	p.out = p.out[n:]
	return n, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
