package roster

import (
	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/xuri/excelize/v2"
)

// fontFamily and fontSize are given to every style: without them LibreOffice falls back to
// a serif font.
const (
	fontFamily = "Arial"
	fontSize   = 10
)

// styles holds the workbook's cell style IDs.
type styles struct {
	header, title, label     int
	text, wrap, code, number int
	degrees                  int
	link, linkWrap           int
	day, month, year         int // dates known to the day, the month or the year
}

// Number formats of the workbook.
const (
	numFmtText   = 49 // "@": the cell stays text when edited
	numFmtNumber = 1  // "0"
)

// newStyles adds the workbook's styles to f.
func newStyles(f *excelize.File) (styles, error) {
	font := func(bold bool, size float64) *excelize.Font {
		return &excelize.Font{Family: fontFamily, Size: size, Bold: bold}
	}
	format := func(s string) *string { return &s }
	top := &excelize.Alignment{Vertical: "top"}
	linkFont := &excelize.Font{Family: fontFamily, Size: fontSize, Color: "0563C1", Underline: "single"}
	var st styles
	defs := []struct {
		id    *int
		style excelize.Style
	}{
		{&st.header, excelize.Style{Font: font(true, fontSize), NumFmt: numFmtText,
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
			Border:    []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}}},
		{&st.title, excelize.Style{Font: font(true, 14), NumFmt: numFmtText}},
		{&st.label, excelize.Style{Font: font(true, fontSize), NumFmt: numFmtText, Alignment: top}},
		{&st.text, excelize.Style{Font: font(false, fontSize), NumFmt: numFmtText, Alignment: top}},
		{&st.wrap, excelize.Style{Font: font(false, fontSize), NumFmt: numFmtText,
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.code, excelize.Style{Font: font(false, fontSize), NumFmt: numFmtText, Alignment: top}},
		{&st.number, excelize.Style{Font: font(false, fontSize), NumFmt: numFmtNumber, Alignment: top}},
		{&st.degrees, excelize.Style{Font: font(false, fontSize), CustomNumFmt: format("0.000000"), Alignment: top}},
		{&st.link, excelize.Style{Font: linkFont, NumFmt: numFmtText, Alignment: top}},
		{&st.linkWrap, excelize.Style{Font: linkFont, NumFmt: numFmtText,
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.day, excelize.Style{Font: font(false, fontSize), CustomNumFmt: format("dd.mm.yyyy"), Alignment: top}},
		{&st.month, excelize.Style{Font: font(false, fontSize), CustomNumFmt: format("mm.yyyy"), Alignment: top}},
		{&st.year, excelize.Style{Font: font(false, fontSize), CustomNumFmt: format("yyyy"), Alignment: top}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return st, err
		}
		*d.id = id
	}
	return st, nil
}

// date returns the style for a date of d's precision, or the text style for a date that
// is empty or written as text.
func (st styles) date(d brochure.Date) int {
	switch _, ok := excelSerial(d); {
	case d.IsZero() || !ok:
		return st.text
	case d.Month == 0:
		return st.year
	case d.Day == 0:
		return st.month
	}
	return st.day
}

// style returns the style of a cell of kind k.
func (st styles) style(k kind, c cell) int {
	switch k {
	case kindDate:
		return st.date(c.date)
	case kindNumber:
		return st.number
	case kindDegrees:
		return st.degrees
	case kindCode, kindAGS, kindPhone:
		return st.code
	case kindMail, kindURL:
		return st.linkWrap
	}
	return st.wrap
}
