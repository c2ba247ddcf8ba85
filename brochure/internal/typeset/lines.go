package typeset

import "math"

// lines sets the lines of the breaking that ends at last.
func (br *breaker) lines(last *node) []Line {
	var path []*node
	for n := last; n.prev != nil; n = n.prev {
		path = append(path, n)
	}
	out := make([]Line, 0, len(path))
	for k := len(path) - 1; k >= 0; k-- {
		out = append(out, br.line(path[k].prev.start, path[k].pos))
	}
	return out
}

// line sets the items from start to a break at end.
func (br *breaker) line(start, end int) Line {
	brk := &br.items[end]
	natural, r := br.measure(start, end)
	l := Line{Natural: natural, Hyphenated: brk.flagged, Last: brk.end, Forced: brk.forced() && !brk.end}
	switch {
	case r < 0 && !math.IsInf(r, 0):
		// Longer than the column: the spaces shrink, in a last or ragged line too.
		r = max(r, -1)
	case !br.justify || br.fil[end]-br.fil[start] > 0 || math.IsInf(r, 0):
		r = 0
	}
	l.Ratio = r
	x := 0.0
	inWord := false
	for i := start; i < end; i++ {
		it := &br.items[i]
		switch it.kind {
		case box:
			if !inWord {
				l.Words = append(l.Words, Word{X: x})
			}
			w := &l.Words[len(l.Words)-1]
			w.Text += it.text
			w.Width += it.width
			x += it.width
			inWord = true
		case glue:
			inWord = false
			x += adjust(it, r)
		}
	}
	if len(l.Words) > 0 {
		w := &l.Words[len(l.Words)-1]
		if brk.hyphen {
			w.Text += "-"
			w.Width += brk.width
			l.HyphenAdded = true
		}
		l.Width = w.X + w.Width // trailing no-break spaces do not count
	}
	l.Space = adjust(&br.space, r)
	if l.Width > br.column+1e-9 {
		l.Overfull = l.Width - br.column
	}
	return l
}

// adjust returns the width of glue it at adjustment ratio r.
func adjust(it *item, r float64) float64 {
	if r >= 0 {
		return it.width + r*it.stretch
	}
	return it.width + r*it.shrink
}
