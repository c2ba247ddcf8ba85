package brochure

// File is one output document made from a network: its name in the output folder and its
// complete content. The leaflet and the roster make them; the command line hands a set of
// them to the file writer, which puts all of them in place or none.
type File struct {
	Name string
	Data []byte
}
