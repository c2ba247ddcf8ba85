package roster

import (
	"fmt"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/xuri/excelize/v2"
)

// validationRows is how far below the data rows the validations reach, for the rows the
// office adds.
const validationRows = 1000

// addValidations gives the columns of a data sheet that take fixed values or a fixed form
// Excel's data validation, so that the office, editing the roster, is told at once: the
// Regierungsbezirk is chosen from a list, an AGS has 8 characters (a number typed there,
// which would lose its leading 0, is refused), a date column says which forms it takes.
func addValidations(f *excelize.File, s sheet) error {
	last := s.rows + 1 + validationRows
	for i, c := range s.columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s2:%s%d", col, col, last))
		switch {
		case c.header == regionHeader:
			if err := dv.SetDropList(brochure.Regierungsbezirke); err != nil {
				return err
			}
			dv.SetError(excelize.DataValidationErrorStyleStop, regionHeader,
				"Bitte einen der fünf Regierungsbezirke Nordrhein-Westfalens aus der Liste wählen.")
		case c.kind == kindAGS:
			if err := dv.SetRange(8, 8, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween); err != nil {
				return err
			}
			dv.SetError(excelize.DataValidationErrorStyleStop, c.header,
				"Der Amtliche Gemeindeschlüssel hat 8 Ziffern und beginnt in Nordrhein-Westfalen mit 05, z. B. 05334002. "+
					"Die Zelle ist als Text formatiert, damit die führende 0 erhalten bleibt.")
			dv.SetInput(c.header, "8 Ziffern, z. B. 05334002")
		case c == leftColumn:
			dv.SetInput(c.header, "Datum als TT.MM.JJJJ, MM.JJJJ oder JJJJ, z. B. 30.06.2024, 06.2024 oder 2024; „"+unknownDate+"“, wenn es unbekannt ist")
		case c.kind == kindDate:
			dv.SetInput(c.header, "Datum als TT.MM.JJJJ, MM.JJJJ oder JJJJ, z. B. 30.06.2024, 06.2024 oder 2024")
		default:
			continue
		}
		if err := f.AddDataValidation(s.name, dv); err != nil {
			return err
		}
	}
	return nil
}

// regionHeader is the header of the Regierungsbezirk column.
const regionHeader = "Regierungsbezirk"
