package roster

import (
	"bytes"
	"encoding/xml"
	"sort"
	"strconv"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
)

// maxLinks is the most hyperlinks Excel keeps on one worksheet; further e-mail and web
// addresses are written as plain text.
const maxLinks = 65530

// sheetDataEnd ends a worksheet's rows.
const sheetDataEnd = "</sheetData>"

// afterLinks are the elements that may follow hyperlinks in a worksheet, in schema order.
var afterLinks = []string{"<printOptions", "<pageMargins", "<pageSetup", "<headerFooter",
	"<rowBreaks", "<colBreaks", "<customProperties", "<cellWatches", "<ignoredErrors",
	"<smartTags", "<drawing", "<legacyDrawing", "<legacyDrawingHF", "<drawingHF", "<picture",
	"<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst", "</worksheet>"}

const relsEnd = "</Relationships>"

// emptyRels is a relationships part with no relationships.
const emptyRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
	`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + relsEnd

// linkTarget is where a cell of kind k with text links to: mailto: for an e-mail address,
// the address itself for a web address (https:// added where it names no scheme), each with
// its domain in ASCII (punycode); "" for cells that do not link.
func linkTarget(k kind, text string) string {
	switch {
	case text == "":
		return ""
	case k == kindMail:
		return brochure.MailtoURL(text)
	case k == kindURL:
		return brochure.LinkURL(text)
	}
	return ""
}

// sheetLinks collects the links of one worksheet as the rows are written.
type sheetLinks struct {
	refs bytes.Buffer // <hyperlink> elements
	rels bytes.Buffer // <Relationship> elements
	n    int
}

// add links the cell ref to target. It reports false when the sheet is full.
func (l *sheetLinks) add(ref, target string) bool {
	if l.n >= maxLinks {
		return false
	}
	l.n++
	id := "rIdLink" + strconv.Itoa(l.n)
	l.refs.WriteString(`<hyperlink ref="`)
	l.refs.WriteString(ref)
	l.refs.WriteString(`" r:id="`)
	l.refs.WriteString(id)
	l.refs.WriteString(`"/>`)
	l.rels.WriteString(`<Relationship Id="`)
	l.rels.WriteString(id)
	l.rels.WriteString(`" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="`)
	xml.EscapeText(&l.rels, []byte(target))
	l.rels.WriteString(`" TargetMode="External"/>`)
	return true
}

// insertRels returns the relationships part rels with the links' relationships added.
func (l *sheetLinks) insertRels(rels []byte) []byte {
	i := bytes.LastIndex(rels, []byte(relsEnd))
	if l.n == 0 || i < 0 {
		return rels
	}
	return concat(rels[:i], l.rels.Bytes(), rels[i:])
}

// insertHyperlinks returns the end of a worksheet (what follows its sheet data) with the
// hyperlinks element put in before the first element that must follow it.
func (l *sheetLinks) insertHyperlinks(end []byte) []byte {
	if l.n == 0 {
		return end
	}
	return insertBefore(end, afterLinks, concat([]byte("<hyperlinks>"), l.refs.Bytes(), []byte("</hyperlinks>")))
}

// insertBefore returns end with elem put in before the first of the elements after (start
// tags such as "<drawing", or the worksheet's end tag) that it holds.
func insertBefore(end []byte, after []string, elem []byte) []byte {
	i := len(end)
	for _, tag := range after {
		if j := bytes.Index(end, []byte(tag)); j >= 0 && j < i {
			i = j
		}
	}
	return concat(end[:i], elem, end[i:])
}

// cutSheetData splits a worksheet at its empty sheet data, which it drops, into what comes
// before the rows and what comes after them.
func cutSheetData(src []byte) (head, tail []byte, ok bool) {
	for _, empty := range []string{"<sheetData></sheetData>", "<sheetData/>"} {
		if before, after, found := bytes.Cut(src, []byte(empty)); found {
			return concat(before, []byte("<sheetData>")), concat([]byte(sheetDataEnd), after), true
		}
	}
	return nil, nil, false
}

// concat joins byte slices into a new one.
func concat(parts ...[]byte) []byte {
	return bytes.Join(parts, nil)
}

// isRels reports whether a part name is a relationships part.
func isRels(name string) bool { return strings.HasSuffix(name, ".rels") }

// relsName is the name of the relationships part of the worksheet part.
func relsName(part string) string {
	dir, file := splitPart(part)
	return dir + "_rels/" + file + ".rels"
}

// relsOwner is the worksheet part a relationships part belongs to, or "".
func relsOwner(rels string) string {
	dir, file := splitPart(rels)
	if !strings.HasSuffix(dir, "_rels/") || !isRels(file) {
		return ""
	}
	return strings.TrimSuffix(dir, "_rels/") + strings.TrimSuffix(file, ".rels")
}

// splitPart splits a part name after its last slash.
func splitPart(name string) (dir, file string) {
	i := strings.LastIndexByte(name, '/') + 1
	return name[:i], name[i:]
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
