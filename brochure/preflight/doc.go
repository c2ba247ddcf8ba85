// Package preflight checks a PDF against the rules a print shop applies before it
// prints: page boxes and bleed, embedded fonts, process colour only, no transparency,
// image resolution, type size, the safety zone near trim and folds, and the PDF/X keys.
//
// Check reads the file structure with pdfcpu and interprets every page's content
// stream with its own tokenizer (lexer.go), tracking the graphics and text state
// (interp.go), so that each finding names its page and where on it it is. Operators
// with wrong operands are reported (syntax.go), and a page is interpreted only up to a
// limit of work, so that forms drawing forms cannot make Check run for ever.
package preflight
