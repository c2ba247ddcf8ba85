package pdfua

import (
	"bytes"
	"encoding/xml"
	"time"
)

// xmp is the document's XMP metadata packet: title, author, subject and keywords, dates,
// the producer and the PDF/UA identification (pdfuaid:part 1), which PDF/UA requires.
func xmp(m Meta) []byte {
	var b bytes.Buffer
	esc := func(s string) string {
		var e bytes.Buffer
		xml.EscapeText(&e, []byte(s)) // writing to a bytes.Buffer does not fail
		return e.String()
	}
	date := func(t time.Time) string { return t.Format(time.RFC3339) }
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
`)
	b.WriteString(" <dc:format>application/pdf</dc:format>\n")
	b.WriteString(" <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(m.Title) + "</rdf:li></rdf:Alt></dc:title>\n")
	if m.Author != "" {
		b.WriteString(" <dc:creator><rdf:Seq><rdf:li>" + esc(m.Author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if m.Subject != "" {
		b.WriteString(" <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(m.Subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	}
	b.WriteString(" <dc:language><rdf:Bag><rdf:li>" + esc(m.Lang) + "</rdf:li></rdf:Bag></dc:language>\n")
	if m.Keywords != "" {
		b.WriteString(" <pdf:Keywords>" + esc(m.Keywords) + "</pdf:Keywords>\n")
	}
	b.WriteString(" <pdf:Producer>" + esc(producer) + "</pdf:Producer>\n")
	if m.Creator != "" {
		b.WriteString(" <xmp:CreatorTool>" + esc(m.Creator) + "</xmp:CreatorTool>\n")
	}
	b.WriteString(" <xmp:CreateDate>" + date(m.Created) + "</xmp:CreateDate>\n")
	b.WriteString(" <xmp:ModifyDate>" + date(m.Modified) + "</xmp:ModifyDate>\n")
	b.WriteString(" <pdfuaid:part>1</pdfuaid:part>\n")
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return b.Bytes()
}
