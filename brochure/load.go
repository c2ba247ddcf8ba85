package brochure

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
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
		return nil, fmt.Errorf("read data file: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not a data file; name the YAML file inside it", name)
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read data %s: %w", name, err)
	}
	if len(src) > MaxFileSize {
		return nil, fmt.Errorf("%s: larger than %d MiB; a data file is a few hundred KiB at most: is it the right file?", name, MaxFileSize>>20)
	}
	return src, nil
}

// Load decodes and checks data read from the file name.
func Load(name string, src []byte) (*Network, error) {
	c := &collector{file: name, pos: Positions{}}
	src, ok := cleanSource(c, src)
	if !ok {
		return nil, c.err()
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			c.at(Pos{1, 1}, "", "write the network's data into it, or start from a starter file", "the file holds no data")
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
		c.at(Pos{extra.Line, extra.Column}, "", "remove the \"---\" or \"...\" line and everything after it, or merge the documents", "the file holds more than one YAML document")
		return nil, c.err()
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	n := &Network{File: name, Positions: c.pos}
	if isNull(root) {
		c.at(Pos{1, 1}, "", "write the network's data into it, or start from a starter file", "the file holds no data")
		return nil, c.err()
	}
	if checkAliases(c, root); len(c.list) > 0 {
		return nil, c.err()
	}
	(&decoder{c: c}).decode(root, reflectValue(n), "")
	c.rules = true
	validate(c, n)
	readImages(c, n, filepath.Dir(name))
	if err := c.err(); err != nil {
		return nil, err
	}
	applyDefaults(n)
	return n, nil
}

// cleanSource strips a UTF-8 byte-order mark and CR line ends and rejects what is not UTF-8
// text: UTF-16, Latin-1, binary files and tabs used for indentation.
func cleanSource(c *collector, src []byte) ([]byte, bool) {
	const hintUTF8 = "save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8)"
	if bytes.HasPrefix(src, []byte{0xFE, 0xFF}) || bytes.HasPrefix(src, []byte{0xFF, 0xFE}) ||
		(len(src) >= 2 && (src[0] == 0 || src[1] == 0)) {
		c.at(Pos{1, 1}, "", hintUTF8, "the file is UTF-16 encoded")
		return nil, false
	}
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	if len(bytes.TrimSpace(src)) == 0 {
		c.at(Pos{1, 1}, "", "write the network's data into it, or start from a starter file", "the file is empty")
		return nil, false
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		c.at(offsetPos(src, i), "", "name the YAML data file", "the file holds NUL bytes: it is not a text file")
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
		c.at(offsetPos(src, i), "", hintUTF8, "the file is not valid UTF-8 (byte 0x%02X; Latin-1 or Windows-1252?)", src[i])
		return nil, false
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	ok := true
	for ln, line := range bytes.Split(src, []byte("\n")) {
		indent := len(line) - len(bytes.TrimLeft(line, " \t"))
		if j := bytes.IndexByte(line[:indent], '\t'); j >= 0 && indent < len(line) {
			c.at(Pos{ln + 1, utf8.RuneCount(line[:j]) + 1}, "", "indent with spaces only", "a tab is used for indentation")
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
			c.at(Pos{line, 1}, "", syntaxHint(m[2]), "YAML syntax: %s", m[2])
			continue
		}
		c.at(Pos{1, 1}, "", syntaxHint(msg), "YAML syntax: %s", strings.TrimPrefix(msg, "yaml: "))
	}
}

// syntaxHint explains the YAML parser's most common complaints.
func syntaxHint(msg string) string {
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		return "put a text with \": \" in it in quotes, or check this line's indentation"
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "did not find expected '-'"):
		return "check the indentation of this line and the one above"
	case strings.Contains(msg, "found character that cannot start any token"):
		return "a text starting with @, ` or % must be put in quotes"
	case strings.Contains(msg, "could not find expected ':'"):
		return "a key needs a colon and a space after it"
	case strings.Contains(msg, "excessive aliasing"):
		return "anchors and aliases (& and *) are not supported: write the values out"
	}
	return ""
}
