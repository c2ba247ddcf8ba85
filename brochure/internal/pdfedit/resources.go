package pdfedit

import (
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Resources returns the resource dictionary of page (a page dictionary from Page) for
// changing: the object it refers to, which fpdf shares among all pages, or its own.
func (d *Doc) Resources(page types.Dict) (types.Dict, error) {
	switch r := page["Resources"].(type) {
	case types.IndirectRef:
		return d.Edit(r.ObjectNumber.Value())
	case types.Dict:
		return r, nil
	}
	return nil, fmt.Errorf("the page has no resource dictionary of its own")
}

// SetResource makes o the resource name of category (ExtGState, ColorSpace, …) in res,
// keeping the category's other entries.
func (d *Doc) SetResource(res types.Dict, category, name string, o types.Object) error {
	var cat types.Dict
	switch c := res[category].(type) {
	case nil:
		cat = types.Dict{}
		res[category] = cat
	case types.Dict:
		cat = c
	case types.IndirectRef:
		e, err := d.Edit(c.ObjectNumber.Value())
		if err != nil {
			return fmt.Errorf("resources /%s: %w", category, err)
		}
		cat = e
	default:
		return fmt.Errorf("resources /%s is not a dictionary", category)
	}
	cat[name] = o
	return nil
}
