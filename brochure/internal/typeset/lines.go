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
		out = append(out, br.line(path[k].prev.start, path[k].pos, path[k].prev.line))
	}
	return out
}

// line sets line number k (from 0), the items from start to a break at end.
func (br *breaker) line(start, end, k int) Line {
	brk := &br.items[end]
	col := br.colAt(k)
	f := br.fit(start, end, k)
	r := f.ratio()
	l := Line{Natural: f.natural, Hyphenated: brk.flagged, Last: brk.end, Forced: brk.forced() && !brk.end, Scale: 1}
	switch {
	case r < 0 && !math.IsInf(r, 0):
		// Longer than the column: the line shrinks, a last or ragged one too.
		r = max(r, -1)
	case !br.justify || f.fil || math.IsInf(r, 0):
		r = 0
	}
	// The glyphs take their share, expansion and letter spacing in the same
	// part of their range (rounded down to 1e-5, so that a line that shrinks to
	// the limit still fits; the painter writes the scale as exactly and the
	// spacing to within a hundredth of its own rounding of positions); the
	// spaces take the rest.
	if br.justify && r != 0 && f.room > 0 {
		q := f.glyphs() / f.room
		l.Scale = math.Floor((1+q*br.expand)*1e5+1e-6) / 1e5
		// Letter spacing is scaled with the glyphs (as Tc with Tz).
		l.Track = math.Floor(q*br.track/l.Scale*1e5+1e-6) / 1e5
	}
	rest := f.slack - (l.Scale-1)*f.boxes - l.Scale*l.Track*float64(f.joins)
	switch {
	case r > 0 && f.stretch > 0:
		l.Ratio = rest / f.stretch
	case r < 0 && f.shrink > 0:
		l.Ratio = max(rest/f.shrink, -1)
	}
	hl, hr := br.hang(start, end)
	l.HangLeft = hl
	x := -hl
	inWord := false
	for i := start; i < end; i++ {
		it := &br.items[i]
		switch it.kind {
		case box:
			if !inWord {
				l.Words = append(l.Words, Word{X: x})
			}
			w := &l.Words[len(l.Words)-1]
			adv := (it.width + float64(it.runes-1)*l.Track) * l.Scale
			if inWord {
				adv += l.Track * l.Scale // the join to the word's part before
			}
			w.Text += it.text
			w.Width += adv
			x += adv
			inWord = true
		case glue:
			inWord = false
			x += adjust(it, l.Ratio)
		}
	}
	if len(l.Words) > 0 {
		w := &l.Words[len(l.Words)-1]
		if brk.hyphen {
			w.Text += "-"
			w.Width += (brk.width + l.Track) * l.Scale
			l.HyphenAdded = true
		}
		l.Width = w.X + w.Width // trailing no-break spaces do not count
	}
	l.Space = adjust(&br.space, l.Ratio)
	l.HangRight = min(max(l.Width-col, 0), hr)
	if l.Width > col+hr+1e-9 {
		l.Overfull = l.Width - col - hr
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
