package brochure

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// MaxFileSize is the largest data file Load accepts. A network of a thousand members takes
// well under a tenth of it.
const MaxFileSize = 4 << 20

// LoadFile reads, decodes and checks the data file name. Problems with the data come back as
// Diagnostics, all at once; a file that cannot be read gives a plain error.
func LoadFile(name string) (*Network, error) {
	src, err := ReadFile(name)
	if err != nil {
		return nil, err
	}
	return Load(name, src)
}

// ReadFile reads a data file of at most MaxFileSize bytes. It refuses directories and stops
// reading an endless stream at the limit.
func ReadFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, i18n.Wrap(err, "load.read", name, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, i18n.T("load.dir", name)
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, i18n.Wrap(err, "load.read", name, err)
	}
	if len(src) > MaxFileSize {
		return nil, i18n.T("load.toolarge", name, MaxFileSize>>20)
	}
	return src, nil
}

// Load decodes and checks data read from the file name.
func Load(name string, src []byte) (*Network, error) {
	c := &collector{file: name, pos: Positions{}}
	n := &Network{File: name, Positions: c.pos}
	src, ok := cleanSource(c, src)
	if !ok {
		return nil, c.err()
	}
	text := newSource(src)
	text.untab(c)
	doc, ok := text.parse(c)
	if !ok {
		return nil, c.err()
	}
	syntax := len(c.list)
	root := doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if isNull(root) {
		c.at(Pos{1, 1}, "", i18n.T("load.nodata"), i18n.T("load.nodata.hint"))
		return nil, c.err()
	}
	if checkAliases(c, root); len(c.list) > syntax {
		return nil, c.err()
	}
	c.n = n
	(&decoder{c: c}).decode(root, reflectValue(n), "")
	c.rules = true
	standardLeaflet(c, n)
	validate(c, n)
	readImages(c, n, filepath.Dir(name))
	text.drop(c, syntax)
	if err := c.err(); err != nil {
		return nil, err
	}
	applyDefaults(n)
	return n, nil
}

// cleanSource strips a UTF-8 byte-order mark, writes every line break as LF and rejects what
// is not UTF-8 text (UTF-16, Latin-1 and binary files) and line separators other than LF
// and CR.
func cleanSource(c *collector, src []byte) ([]byte, bool) {
	if bytes.HasPrefix(src, []byte{0xFE, 0xFF}) || bytes.HasPrefix(src, []byte{0xFF, 0xFE}) ||
		(len(src) >= 2 && (src[0] == 0 || src[1] == 0)) {
		c.at(Pos{1, 1}, "", i18n.T("load.utf16"), i18n.T("load.utf8.hint"))
		return nil, false
	}
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	if len(bytes.TrimSpace(src)) == 0 {
		c.at(Pos{1, 1}, "", i18n.T("load.empty"), i18n.T("load.nodata.hint"))
		return nil, false
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		c.at(offsetPos(src, i), "", i18n.T("load.nul"), i18n.T("load.nul.hint"))
		return nil, false
	}
	if !utf8.Valid(src) {
		i := 0
		for i < len(src) {
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		c.at(offsetPos(src, i), "", i18n.T("load.notutf8", int(src[i])), i18n.T("load.utf8.hint"))
		return nil, false
	}
	// YAML reads these as line breaks, but editors mostly show them as nothing or a box, and
	// count no line; U+0085 is often a Windows "…" read in the wrong encoding.
	if i := bytes.IndexAny(src, "\u0085\u2028\u2029"); i >= 0 {
		r, _ := utf8.DecodeRune(src[i:])
		c.at(offsetPos(src, i), "", i18n.T("load.linesep", fmt.Sprintf("%U", r)), i18n.T("load.linesep.hint"))
		return nil, false
	}
	return normalizeBreaks(src), true
}

// offsetPos turns a byte offset into a line and column (in characters), counting lines as
// YAML does (see lineBreak).
func offsetPos(src []byte, off int) Pos {
	line, start := 1, 0
	for i := 0; i < off; {
		if n := lineBreak(src, i); n > 0 {
			i += n
			line, start = line+1, i
			continue
		}
		i++
	}
	return Pos{line, utf8.RuneCount(src[start:off]) + 1}
}
