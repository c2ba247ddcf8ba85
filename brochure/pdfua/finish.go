// Package pdfua makes fpdf output accessible as PDF/UA-1 (ISO 14289-1), as public bodies in
// Germany must publish documents (BITV 2.0): Finish adds the structure tree that a screen
// reader follows, built from a tree of Nodes whose content the painter marked with
// marked-content operators, and the keys PDF/UA asks for in the catalog, the pages, the
// annotations and the XMP metadata. Like package pdfx it rewrites the file with package
// pdfedit, so the same input gives the same bytes.
//
// # Marking the content
//
// The painter wraps everything it paints in a marked-content sequence: content that a
// reader reads as "/Tag <</MCID n>> BDC … EMC", with n counting from 0 on each page, and
// decoration as "/Artifact BMC … EMC". Each MCID stands in the tree exactly once, in a Node
// with Page and MCID; Finish refuses a tree that leaves an MCID out or names one twice.
package pdfua

import (
	"fmt"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/staedtenetz-nrw/brochure/brochure/internal/pdfedit"
)

// Node is an element of the structure tree, or a piece of marked content in it.
type Node struct {
	// Role is a standard structure type (Document, Sect, H1, P, L, LI, Lbl, LBody, Figure,
	// Link, …); empty for marked content.
	Role string
	// Alt is the alternative text of a Figure.
	Alt  string
	Kids []*Node
	// Annot is the link annotation of a Link element.
	Annot *Annot
	// Page (1-based) and MCID locate marked content.
	Page, MCID int
}

// Annot is a link annotation: its page, its index in the page's /Annots and the
// description PDF/UA asks of a link (its /Contents).
type Annot struct {
	Page, Index int
	Contents    string
}

// Meta is the document's metadata: the Info dictionary and the XMP metadata say the same.
type Meta struct {
	Title, Author, Subject, Keywords, Creator string
	// Lang is the natural language of the document, e.g. "de".
	Lang string
	// Created and Modified date the document; they come from the data, never the clock.
	Created, Modified time.Time
}

// Version is the PDF version Finish writes: PDF/UA-1 rests on PDF 1.7 (ISO 32000-1).
const Version = "%PDF-1.7"

// Finish makes pdf, written by fpdf with its content marked as described above, a tagged
// PDF/UA-1 file with the structure tree root: the structure elements with their marked
// content and link annotations, the parent tree, /StructParents on every page and
// /StructParent on every annotation (which it makes indirect objects with a /Contents
// description), /Tabs /S, /MarkInfo /Marked true, /Lang, /ViewerPreferences
// /DisplayDocTitle true, an outline that does not open by itself (/PageMode /UseNone), the
// Info dictionary and XMP metadata with the PDF/UA identification, and subset tags on the
// embedded fonts.
func Finish(pdf []byte, root *Node, meta Meta) ([]byte, error) {
	out, err := finish(pdf, root, meta)
	if err != nil {
		return nil, fmt.Errorf("pdf/ua: %w", err)
	}
	return out, nil
}

func finish(pdf []byte, root *Node, meta Meta) ([]byte, error) {
	switch {
	case meta.Title == "":
		return nil, fmt.Errorf("pdf/ua needs a title")
	case meta.Lang == "":
		return nil, fmt.Errorf("pdf/ua needs the document's language")
	case root == nil || root.Role == "":
		return nil, fmt.Errorf("no structure")
	}
	doc, err := pdfedit.Open(pdf)
	if err != nil {
		return nil, err
	}
	t := &tree{doc: doc, pages: doc.XRef.PageCount}
	if err := t.collect(root); err != nil {
		return nil, err
	}
	if err := t.pagesAndAnnots(); err != nil {
		return nil, err
	}
	rootRef := doc.Reserve()
	docRef := t.write(root, rootRef)
	parents := t.parentTree()
	doc.Set(rootRef, types.Dict{
		"Type":              types.Name("StructTreeRoot"),
		"K":                 docRef,
		"ParentTree":        doc.Add(types.Dict{"Nums": parents}),
		"ParentTreeNextKey": types.Integer(t.pages + len(t.annots)),
	})

	cat, err := doc.Catalog()
	if err != nil {
		return nil, err
	}
	if err := doc.DropEmptyNames(cat); err != nil {
		return nil, fmt.Errorf("catalog /Names: %w", err)
	}
	cat["StructTreeRoot"] = rootRef
	cat["MarkInfo"] = types.Dict{"Marked": types.Boolean(true)}
	cat["Lang"] = pdfedit.TextString(meta.Lang)
	cat["ViewerPreferences"] = types.Dict{"DisplayDocTitle": types.Boolean(true)}
	cat["PageMode"] = types.Name("UseNone")
	cat["Metadata"] = doc.AddStream(types.Dict{"Type": types.Name("Metadata"), "Subtype": types.Name("XML")}, xmp(meta), false)

	info, err := doc.Edit(doc.XRef.Info.ObjectNumber.Value())
	if err != nil {
		return nil, fmt.Errorf("info: %w", err)
	}
	clear(info)
	info["Title"] = pdfedit.TextString(meta.Title)
	info["CreationDate"] = types.StringLiteral(pdfedit.Date(meta.Created))
	info["ModDate"] = types.StringLiteral(pdfedit.Date(meta.Modified))
	for k, v := range map[string]string{"Author": meta.Author, "Subject": meta.Subject, "Keywords": meta.Keywords, "Creator": meta.Creator, "Producer": producer} {
		if v != "" {
			info[k] = pdfedit.TextString(v)
		}
	}
	if err := doc.TagSubsetFonts(); err != nil {
		return nil, err
	}
	return doc.Write(Version)
}

// producer names the software that wrote the file, in Info and XMP alike.
const producer = "brochure"
