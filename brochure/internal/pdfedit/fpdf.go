package pdfedit

import (
	"crypto/sha256"
	"sort"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// TagSubsetFonts gives every font fpdf embedded the subset tag the PDF specification asks
// of a font subset ("ABCDEF+Name"), which fpdf leaves out although it embeds subsets; print
// shops' preflights read a font without it as fully embedded. The tag is derived from the
// name, so the same file gives the same tags.
func (d *Doc) TagSubsetFonts() error {
	var nums []int
	for num, e := range d.XRef.Table {
		if e != nil && !e.Free {
			nums = append(nums, num)
		}
	}
	sort.Ints(nums)
	for _, num := range nums {
		dict, ok := d.XRef.Table[num].Object.(types.Dict)
		if !ok {
			continue
		}
		key := ""
		switch t := dict.Type(); {
		case t != nil && *t == "Font" && dict["BaseFont"] != nil:
			key = "BaseFont"
		case t != nil && *t == "FontDescriptor" && dict["FontName"] != nil:
			key = "FontName"
		default:
			continue
		}
		name, ok := dict[key].(types.Name)
		if !ok || strings.Contains(string(name), "+") || !strings.HasPrefix(string(name), "utf8") {
			continue // not one of fpdf's embedded subsets
		}
		e, err := d.Edit(num)
		if err != nil {
			return err
		}
		e[key] = types.Name(subsetTag(string(name)) + "+" + strings.TrimPrefix(string(name), "utf8"))
	}
	return nil
}

// subsetTag makes six capital letters from a font name.
func subsetTag(name string) string {
	sum := sha256.Sum256([]byte(name))
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// DropEmptyNames removes from the catalog cat the name dictionary fpdf always writes when it
// holds nothing but an empty list of attachments.
func (d *Doc) DropEmptyNames(cat types.Dict) error {
	o, ok := cat["Names"]
	if !ok {
		return nil
	}
	xt := d.XRef
	names, err := xt.DereferenceDict(o)
	if err != nil {
		return err
	}
	for k, v := range names {
		if k != "EmbeddedFiles" {
			return nil
		}
		ef, err := xt.DereferenceDict(v)
		if err != nil || ef == nil {
			return nil
		}
		arr, err := xt.DereferenceArray(ef["Names"])
		if err != nil || len(arr) > 0 || len(ef) != 1 {
			return nil
		}
	}
	delete(cat, "Names")
	return nil
}
