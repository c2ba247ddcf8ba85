package roster

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"sort"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"
)

// sortedZip is an excelize.ZipWriter that makes the workbook's bytes depend on its content
// only, and that fills in the data sheets' rows.
//
// Each part is compressed as it arrives; on Close all parts are written sorted by name, with
// one fixed time. The worksheet parts named in fills arrive from excelize with empty sheet
// data: sortedZip writes their rows into them, then puts the hyperlinks element after the
// rows, the ignoredErrors element after the print set-up, and the links' relationships into
// the worksheet's .rels part (made if excelize wrote none). excelize's own SetCellHyperLink searches all earlier links on every call, which is
// too slow for large sheets.
type sortedZip struct {
	w        io.Writer
	modified time.Time
	fills    map[string]*sheetRows // by worksheet part name
	entries  []*zipEntry
	open     *zipEntry
}

// zipEntry is one compressed part waiting to be written. Parts that sortedZip changes are
// held uncompressed (they are small without their rows) until they are finished.
type zipEntry struct {
	name string
	data bytes.Buffer
	fw   *flate.Writer
	crc  hash.Hash32
	size uint64
	hold *bytes.Buffer
}

var _ excelize.ZipWriter = (*sortedZip)(nil)

// newSortedZip returns a sortedZip that writes to w, stamping every part with modified.
func newSortedZip(w io.Writer, modified time.Time, fills map[string]*sheetRows) *sortedZip {
	return &sortedZip{w: w, modified: modified, fills: fills}
}

// Create starts a new part; the previous one is finished.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	e, err := z.newEntry(name)
	if err != nil {
		return nil, err
	}
	if _, ok := z.fills[name]; ok {
		e.hold = new(bytes.Buffer)
	} else if _, ok := z.fills[relsOwner(name)]; ok {
		e.hold = new(bytes.Buffer)
	}
	z.open = e
	return e, nil
}

func (z *sortedZip) newEntry(name string) (*zipEntry, error) {
	e := &zipEntry{name: name, crc: crc32.NewIEEE()}
	z.entries = append(z.entries, e)
	return e, nil
}

// flateWriters holds compressors for reuse: making one allocates and clears about 1 MB,
// which was a fifth of a whole build's processor time when every zip part had its own.
var flateWriters = sync.Pool{New: func() any {
	w, err := flate.NewWriter(nil, flate.BestSpeed)
	if err != nil {
		panic(err) // only for an invalid level
	}
	return w
}}

// writer returns the part's compressor, taking one from flateWriters on first use.
func (e *zipEntry) writer() *flate.Writer {
	if e.fw == nil {
		e.fw = flateWriters.Get().(*flate.Writer)
		e.fw.Reset(&e.data)
	}
	return e.fw
}

// close completes the part's compressed data and returns its compressor for reuse.
func (e *zipEntry) close() error {
	err := e.writer().Close()
	flateWriters.Put(e.fw)
	e.fw = nil
	return err
}

// AddFS is not used by excelize when saving a workbook.
func (z *sortedZip) AddFS(fs.FS) error {
	return fs.ErrInvalid
}

// Close finishes the .rels parts of the filled worksheets, now that all links are known,
// and writes all parts, sorted by name, and the zip's central directory.
func (z *sortedZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	rels := make(map[string]*zipEntry)
	for _, e := range z.entries {
		if _, ok := z.fills[relsOwner(e.name)]; ok {
			rels[e.name] = e
		}
	}
	for _, part := range sortedKeys(z.fills) {
		l := &z.fills[part].links
		name := relsName(part)
		e, ok := rels[name]
		if !ok {
			if l.n == 0 {
				continue
			}
			var err error
			if e, err = z.newEntry(name); err != nil {
				return err
			}
			e.hold = bytes.NewBufferString(emptyRels)
		}
		if err := e.compress(l.insertRels(e.hold.Bytes())); err != nil {
			return err
		}
		if err := e.close(); err != nil {
			return err
		}
	}
	sort.Slice(z.entries, func(i, j int) bool { return z.entries[i].name < z.entries[j].name })
	zw := zip.NewWriter(z.w)
	modified := zipTime(z.modified)
	for _, e := range z.entries {
		h := &zip.FileHeader{
			Name:               e.name,
			Method:             zip.Deflate,
			Modified:           modified,
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

// finish completes the open part: a filled worksheet gets its rows and links; a .rels part
// of one waits for Close.
func (z *sortedZip) finish() error {
	e := z.open
	if e == nil {
		return nil
	}
	z.open = nil
	if _, ok := z.fills[relsOwner(e.name)]; ok {
		return nil
	}
	if rows, ok := z.fills[e.name]; ok {
		if err := z.fill(e, rows); err != nil {
			return fmt.Errorf("%s: %w", e.name, err)
		}
	}
	return e.close()
}

// fill writes the held worksheet with its rows written into its empty sheet data.
func (z *sortedZip) fill(e *zipEntry, rows *sheetRows) error {
	src := e.hold.Bytes()
	e.hold = nil // the rows go straight into the compressed part
	head, tail, ok := cutSheetData(src)
	if !ok {
		return fmt.Errorf("no empty sheetData element")
	}
	if err := e.compress(head); err != nil {
		return err
	}
	if err := rows.writeTo(e); err != nil {
		return err
	}
	return e.compress(insertIgnoredErrors(rows.links.insertHyperlinks(tail), rows.s))
}

// Write adds p to the part.
func (e *zipEntry) Write(p []byte) (int, error) {
	if e.hold != nil {
		return e.hold.Write(p)
	}
	return len(p), e.compress(p)
}

// compress adds p to the part's compressed data.
func (e *zipEntry) compress(p []byte) error {
	e.crc.Write(p)
	e.size += uint64(len(p))
	_, err := e.writer().Write(p)
	return err
}

// zipTime returns t as a zip entry can hold it: in UTC, and not before 1980, where zip dates
// begin.
func zipTime(t time.Time) time.Time {
	if t.Year() < 1980 {
		return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t.UTC()
}
