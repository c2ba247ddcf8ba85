package roster

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"sort"
	"time"

	"github.com/xuri/excelize/v2"
)

// sortedZip is an excelize.ZipWriter that makes the workbook's bytes depend on its content
// only. excelize writes the parts of streamed sheets in map order; sortedZip compresses each
// part as it arrives and writes them all, sorted by name and with one fixed time, on Close.
//
// It also adds the parts' extras: for a part named in extras, the hyperlinks element is put
// into the worksheet and the relationships into the worksheet's .rels part (made if excelize
// wrote none). excelize's SetCellHyperLink searches all earlier links on every call, which is
// too slow for large sheets.
type sortedZip struct {
	w        io.Writer
	modified time.Time
	extras   map[string]*sheetLinks // by worksheet part name
	entries  []*zipEntry
	open     *zipEntry
	err      error
}

// zipEntry is one compressed part waiting to be written.
type zipEntry struct {
	name string
	data bytes.Buffer
	fw   *flate.Writer
	crc  hash.Hash32
	size uint64
	// For a worksheet with links: the bytes from "</sheetData>" on, held back until the
	// hyperlinks element can be put in; tail reports that "</sheetData>" was seen.
	links *sheetLinks
	hold  []byte
	tail  bool
}

var _ excelize.ZipWriter = (*sortedZip)(nil)

// newSortedZip returns a sortedZip that writes to w, stamping every part with modified.
func newSortedZip(w io.Writer, modified time.Time, extras map[string]*sheetLinks) *sortedZip {
	return &sortedZip{w: w, modified: modified, extras: extras}
}

// Create starts a new part; the previous one is finished.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	fw, err := flate.NewWriter(nil, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	e := &zipEntry{name: name, crc: crc32.NewIEEE()}
	fw.Reset(&e.data)
	e.fw = fw
	if l, ok := z.extras[name]; ok {
		e.links = l
	} else if l, ok := z.extras[relsOwner(name)]; ok {
		e.links = l
	}
	z.entries = append(z.entries, e)
	z.open = e
	return e, nil
}

// AddFS is not used by excelize when saving a workbook.
func (z *sortedZip) AddFS(fs.FS) error {
	return fs.ErrInvalid
}

// Close writes all parts, sorted by name, and the zip's central directory.
func (z *sortedZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	// Worksheets with links whose .rels part excelize did not write get one.
	have := make(map[string]bool, len(z.entries))
	for _, e := range z.entries {
		have[e.name] = true
	}
	for _, part := range sortedKeys(z.extras) {
		if rels := relsName(part); !have[rels] {
			w, err := z.Create(rels)
			if err != nil {
				return err
			}
			if _, err := io.WriteString(w, emptyRels); err != nil {
				return err
			}
		}
	}
	if err := z.finish(); err != nil {
		return err
	}
	sort.Slice(z.entries, func(i, j int) bool { return z.entries[i].name < z.entries[j].name })
	zw := zip.NewWriter(z.w)
	for _, e := range z.entries {
		h := &zip.FileHeader{
			Name:               e.name,
			Method:             zip.Deflate,
			Modified:           z.modified,
			CRC32:              e.crc.Sum32(),
			CompressedSize64:   uint64(e.data.Len()),
			UncompressedSize64: e.size,
		}
		w, err := zw.CreateRaw(h)
		if err != nil {
			return err
		}
		if _, err := w.Write(e.data.Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}

// finish completes the open part.
func (z *sortedZip) finish() error {
	e := z.open
	if e == nil {
		return nil
	}
	z.open = nil
	if e.links != nil {
		if err := e.compress(e.links.insert(e.name, e.hold)); err != nil {
			return err
		}
		e.hold = nil
	}
	return e.fw.Close()
}

// Write compresses p, holding back a worksheet's end while links are still to be put in.
func (e *zipEntry) Write(p []byte) (int, error) {
	if e.links == nil {
		return len(p), e.compress(p)
	}
	if e.tail || isRels(e.name) {
		e.hold = append(e.hold, p...)
		return len(p), nil
	}
	e.hold = append(e.hold, p...)
	if i := bytes.Index(e.hold, []byte(sheetDataEnd)); i >= 0 {
		if err := e.compress(e.hold[:i]); err != nil {
			return 0, err
		}
		e.hold = append([]byte(nil), e.hold[i:]...)
		e.tail = true
		return len(p), nil
	}
	// Keep what might be the start of "</sheetData>".
	if keep := len(sheetDataEnd) - 1; len(e.hold) > keep {
		if err := e.compress(e.hold[:len(e.hold)-keep]); err != nil {
			return 0, err
		}
		e.hold = append(e.hold[:0], e.hold[len(e.hold)-keep:]...)
	}
	return len(p), nil
}

// compress adds p to the part's compressed data.
func (e *zipEntry) compress(p []byte) error {
	e.crc.Write(p)
	e.size += uint64(len(p))
	_, err := e.fw.Write(p)
	return err
}
