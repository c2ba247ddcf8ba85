package brochure

import (
	"bytes"
	"errors"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
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
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			c.at(Pos{1, 1}, "", i18n.T("load.nodata"), i18n.T("load.nodata.hint"))
		} else {
			syntaxDiag(c, err)
		}
		return nil, c.err()
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case errors.Is(err, io.EOF):
	case err != nil:
		syntaxDiag(c, err)
		return nil, c.err()
	default:
		c.at(Pos{extra.Line, extra.Column}, "", i18n.T("load.documents"), i18n.T("load.documents.hint"))
		return nil, c.err()
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if isNull(root) {
		c.at(Pos{1, 1}, "", i18n.T("load.nodata"), i18n.T("load.nodata.hint"))
		return nil, c.err()
	}
	if checkAliases(c, root); len(c.list) > 0 {
		return nil, c.err()
	}
	c.n = n
	(&decoder{c: c}).decode(root, reflectValue(n), "")
	c.rules = true
	validate(c, n)
	if err := c.err(); err != nil {
		return nil, err
	}
	applyDefaults(n)
	return n, nil
}

// cleanSource strips a UTF-8 byte-order mark and CR line ends and rejects what is not UTF-8
// text: UTF-16, Latin-1, binary files and tabs used for indentation.
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
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	ok := true
	for ln, line := range bytes.Split(src, []byte("\n")) {
		indent := len(line) - len(bytes.TrimLeft(line, " \t"))
		if j := bytes.IndexByte(line[:indent], '\t'); j >= 0 && indent < len(line) {
			c.at(Pos{ln + 1, utf8.RuneCount(line[:j]) + 1}, "", i18n.T("load.tab"), i18n.T("load.tab.hint"))
			ok = false
		}
	}
	return src, ok
}

// offsetPos turns a byte offset into a line and column (in characters).
func offsetPos(src []byte, off int) Pos {
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return Pos{line, utf8.RuneCount(src[start:off]) + 1}
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxDiag turns a YAML parser error into diagnostics.
func syntaxDiag(c *collector, err error) {
	for _, msg := range strings.Split(err.Error(), "\n") {
		msg = strings.TrimSpace(msg)
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			line, _ := strconv.Atoi(m[1])
			c.at(Pos{line, 1}, "", i18n.T("syntax.yaml", m[2]), syntaxHint(m[2]))
			continue
		}
		c.at(Pos{1, 1}, "", i18n.T("syntax.yaml", strings.TrimPrefix(msg, "yaml: ")), syntaxHint(msg))
	}
}

// syntaxHint explains the YAML parser's most common complaints.
func syntaxHint(msg string) i18n.Text {
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		return i18n.T("syntax.mapping.hint")
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "did not find expected '-'"):
		return i18n.T("syntax.indent.hint")
	case strings.Contains(msg, "found character that cannot start any token"):
		return i18n.T("syntax.char.hint")
	case strings.Contains(msg, "could not find expected ':'"):
		return i18n.T("syntax.colon.hint")
	case strings.Contains(msg, "excessive aliasing"):
		return i18n.T("alias.hint")
	}
	return i18n.Text{}
}
