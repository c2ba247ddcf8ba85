// Package typeset measures text with a TrueType font and breaks paragraphs into
// lines with the Knuth–Plass total-fit algorithm, hyphenating German words with
// package hyphen.
//
// [ParseFont] reads a font's metrics; [Break] turns a paragraph into
// [Paragraph], a plan of lines and words placed in millimetres that a painter
// draws without measuring again. Lengths are millimetres, font sizes points.
package typeset
