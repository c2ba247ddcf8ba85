// Package typeset measures text with a TrueType font and breaks paragraphs into
// lines with the Knuth–Plass total-fit algorithm, hyphenating German words with
// package hyphen.
//
// Justified text follows the rules of careful German typesetting (see
// [Break]): word spaces within 0.8 to 1.5 of their width where the words
// allow, font expansion of at most ±2 % where they do not, hyphens and
// punctuation hanging into the right margin, no more than two hyphens in a
// row and no short last line. Titles keep their words whole and may be
// balanced into lines of about equal length.
//
// [ParseFont] reads a font's metrics; [Break] turns a paragraph into
// [Paragraph], a plan of lines and words placed in millimetres that a painter
// draws without measuring again. Lengths are millimetres, font sizes points.
package typeset
