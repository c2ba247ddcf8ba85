package roster

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// afterIgnored are the elements that may follow ignoredErrors in a worksheet, in the order
// of ECMA-376 (CT_Worksheet), and the worksheet's end tag.
var afterIgnored = []string{"<smartTags", "<drawing", "<legacyDrawing", "<legacyDrawingHF", "<drawingHF",
	"<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst", "</worksheet>"}

// ignoredErrors returns the ignoredErrors element of a data sheet: it turns off Excel's
// "number stored as text" warning (and its offer to convert, which would strip an AGS's
// leading zero) on the data cells of the columns that keep numbers as text: AGS, postcodes,
// phone numbers. It is "" for a sheet without such cells.
func ignoredErrors(s sheet) string {
	if s.rows == 0 {
		return ""
	}
	var refs []string
	last := strconv.Itoa(s.rows + 1)
	for i, c := range s.columns {
		if isCode(c.kind) {
			col, _ := excelize.ColumnNumberToName(i + 1)
			refs = append(refs, col+"2:"+col+last)
		}
	}
	if len(refs) == 0 {
		return ""
	}
	return `<ignoredErrors><ignoredError sqref="` + strings.Join(refs, " ") + `" numberStoredAsText="1"/></ignoredErrors>`
}

// insertIgnoredErrors returns the end of a worksheet (what follows its sheet data) with the
// sheet's ignoredErrors element in its place.
func insertIgnoredErrors(end []byte, s sheet) []byte {
	elem := ignoredErrors(s)
	if elem == "" {
		return end
	}
	return insertBefore(end, afterIgnored, []byte(elem))
}
