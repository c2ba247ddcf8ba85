// Package update changes a data file in place. Patch splices the differences between the
// network a file was loaded as and the network it should say into the file's own bytes, at
// the places its YAML node tree gives: a changed value is replaced where it stands, a new key
// or list item is inserted beside its neighbours in their style, a removed one is cut out
// with its lines. Everything the change does not touch stays byte for byte as it was:
// comments, blank lines, alignment, key order, quoting, a byte-order mark and Windows line
// ends. A file whose network does not change comes back unchanged.
//
// Rewrite adds the checks a caller needs before writing: the result is loaded and validated
// like any data file, must stay within brochure.MaxFileSize, and must load as exactly the
// network asked for.
package update
