package roster

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/changes"
	"github.com/xuri/excelize/v2"
)

// WriteXLSX writes the roster workbook of n to w: an overview sheet, then the current
// members, the former members, the programme areas, the institutions, the office and the
// sources of the memberships, each with a header row, an autofilter, a frozen header,
// fitted column widths and an A4 landscape print set-up. The same network gives the same bytes. Errors name the sheet or
// part they concern; the caller adds the file's name.
func WriteXLSX(w io.Writer, n *brochure.Network) error {
	return WriteXLSXWithChanges(w, n, nil)
}

// WriteXLSXWithChanges writes the roster workbook as WriteXLSX does, with a sheet
// "Änderungen" after the overview that lists the changes l since an earlier edition (none
// when l is nil): for the cover letter that goes with it.
func WriteXLSXWithChanges(w io.Writer, n *brochure.Network, l *changes.List) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDefaultFont(fontFamily); err != nil {
		return fmt.Errorf("default font: %w", err)
	}
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("styles: %w", err)
	}
	sheets := dataSheets(n)
	if l != nil {
		sheets = append([]sheet{changeSheet(l)}, sheets...)
	}
	if err := f.SetSheetName("Sheet1", sheetOverview); err != nil {
		return err
	}
	for _, s := range sheets {
		if _, err := f.NewSheet(s.name); err != nil {
			return err
		}
	}
	footer := footerText(n.Edition.Stand)
	if err := writeOverview(f, n, sheets, st, footer); err != nil {
		return fmt.Errorf("sheet %s: %w", sheetOverview, err)
	}
	fills := make(map[string]*sheetRows)
	for _, s := range sheets {
		if err := writeDataSheet(f, s, st, footer, fills); err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	if err := setDocProps(f, n); err != nil {
		return fmt.Errorf("document properties: %w", err)
	}
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		return newSortedZip(w, n.Edition.Stand.First(), fills)
	})
	return f.Write(w)
}

// writeDataSheet sets up one data sheet; its rows are written later, into the zip part,
// by the sheetRows it adds to fills under the worksheet's part name.
func writeDataSheet(f *excelize.File, s sheet, st styles, footer string, fills map[string]*sheetRows) error {
	widths, err := fitWidths(s)
	if err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(len(s.columns), s.rows+1)
	if err != nil {
		return err
	}
	used := "A1:" + last
	// AutoFilter replaces the sheet properties, so it comes before pageSetup.
	if err := f.AutoFilter(s.name, used, nil); err != nil {
		return err
	}
	if err := pageSetup(f, s.name, footer); err != nil {
		return err
	}
	if err := addValidations(f, s); err != nil {
		return err
	}
	if err := f.SetSheetDimension(s.name, used); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: quoteSheet(s.name) + "!$1:$1", Scope: s.name}); err != nil {
		return err
	}
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(s.name, col, col, w); err != nil {
			return err
		}
	}
	if err := f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	for id, name := range f.GetSheetMap() {
		if name == s.name {
			// excelize names a new sheet's part after its ID.
			fills["xl/worksheets/sheet"+strconv.Itoa(id)+".xml"] = &sheetRows{s: s, st: st, widths: widths}
			return nil
		}
	}
	return fmt.Errorf("no worksheet part for sheet %s", s.name)
}

// pageSetup prints the sheet on A4 landscape, one page wide, with narrow side margins and
// the footer.
func pageSetup(f *excelize.File, sheet, footer string) error {
	yes := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	a4, landscape, wide, tall := 9, "landscape", 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape,
		FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	side, top, edge := sideMarginInches, 0.6, 0.3
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side,
		Top: &top, Bottom: &top, Header: &edge, Footer: &edge}); err != nil {
		return err
	}
	return f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: footer})
}

// footerText is the printed footer: the sheet's name on the left, the Stand in the middle,
// "Seite X von Y" on the right.
func footerText(stand brochure.Date) string {
	return "&L&A&CStand: " + strings.ReplaceAll(stand.German(), "&", "&&") + "&RSeite &P von &N"
}

// quoteSheet quotes a sheet name for a formula or defined name.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// setDocProps sets the document properties from the data; created and modified are the Stand.
func setDocProps(f *excelize.File, n *brochure.Network) error {
	stand := n.Edition.Stand.First().Format(time.RFC3339)
	creator := n.Network.Author
	if creator == "" {
		creator = n.Office.Host
	}
	return f.SetDocProps(&excelize.DocProperties{
		Title:          n.Network.Name + " – Mitgliederverzeichnis",
		Subject:        "Mitgliederverzeichnis, Stand: " + n.Edition.Stand.German(),
		Creator:        creator,
		LastModifiedBy: creator,
		Created:        stand,
		Modified:       stand,
		Language:       n.Edition.Language,
		Keywords:       keywords(n),
		Description:    creditLines(n),
	})
}

// creditLines joins the credit lines of the data's sources.
func creditLines(n *brochure.Network) string {
	lines := make([]string, len(n.Sources))
	for i, s := range n.Sources {
		lines[i] = s.Credit
	}
	return strings.Join(lines, "\n")
}
