package typeset

import (
	"fmt"
	"strings"
)

// Dump returns a readable listing of p for golden tests, one row per line:
// number, set width and space in millimetres and the adjustment ratio, all
// with two decimals, the glyphs' scale in per cent, flags (h hyphenated, L last, F forced, O overfull) and the words.
func (p *Paragraph) Dump() string {
	var b strings.Builder
	fmt.Fprintf(&b, "column %.2f mm, %d lines, pass %d\n", p.Column, len(p.Lines), p.Pass)
	for i, l := range p.Lines {
		flags := ""
		for _, f := range []struct {
			on bool
			c  string
		}{{l.Hyphenated, "h"}, {l.Last, "L"}, {l.Forced, "F"}, {l.Overfull > 0, "O"}} {
			if f.on {
				flags += f.c
			}
		}
		words := make([]string, len(l.Words))
		for j, w := range l.Words {
			words[j] = w.Text
		}
		fmt.Fprintf(&b, "%3d %6.2f %5.2f %5.2f %6.2f %-3s| %s\n", i+1, l.Width, l.Space, l.Ratio, 100*l.Scale, flags, strings.Join(words, " "))
	}
	return b.String()
}
