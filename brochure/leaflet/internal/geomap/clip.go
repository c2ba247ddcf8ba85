package geomap

import "sort"

// clipLine returns the parts of line that lie inside the polygon made of rings (even-odd rule). Where
// the line crosses a ring, the part ends exactly at the crossing point.
func clipLine(line []XY, rings [][]XY) [][]XY {
	var out [][]XY
	var cur []XY
	flush := func() {
		if len(cur) >= 2 {
			out = append(out, cur)
		}
		cur = nil
	}
	for i := 0; i+1 < len(line); i++ {
		a, b := line[i], line[i+1]
		ts := []float64{0, 1}
		for _, r := range rings {
			for k := range r {
				if t, ok := crossParam(a, b, r[k], r[(k+1)%len(r)]); ok {
					ts = append(ts, t)
				}
			}
		}
		sort.Float64s(ts)
		for k := 0; k+1 < len(ts); k++ {
			t0, t1 := ts[k], ts[k+1]
			if t1-t0 < 1e-12 {
				continue
			}
			p0, p1 := lerp(a, b, t0), lerp(a, b, t1)
			if !insideRings(lerp(a, b, (t0+t1)/2), rings) {
				flush()
				continue
			}
			if len(cur) == 0 || cur[len(cur)-1] != p0 {
				flush()
				cur = []XY{p0}
			}
			cur = append(cur, p1)
		}
	}
	flush()
	return out
}

// lerp returns the point at parameter t on ab, exactly a at 0 and b at 1.
func lerp(a, b XY, t float64) XY {
	switch t {
	case 0:
		return a
	case 1:
		return b
	}
	return XY{a.X + (b.X-a.X)*t, a.Y + (b.Y-a.Y)*t}
}

// crossParam returns the parameter on ab where it crosses the segment cd, if it does at one point.
func crossParam(a, b, c, d XY) (float64, bool) {
	r, s := sub(b, a), sub(d, c)
	den := cross(r, s)
	if den == 0 {
		return 0, false
	}
	t := cross(sub(c, a), s) / den
	u := cross(sub(c, a), r) / den
	if t < 0 || t > 1 || u < 0 || u > 1 {
		return 0, false
	}
	return t, true
}

// insideRings reports whether p lies inside the polygon made of rings, by the even-odd rule.
func insideRings(p XY, rings [][]XY) bool {
	in := false
	for _, r := range rings {
		for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
			a, b := r[i], r[j]
			if (a.Y > p.Y) != (b.Y > p.Y) && p.X < a.X+(p.Y-a.Y)*(b.X-a.X)/(b.Y-a.Y) {
				in = !in
			}
		}
	}
	return in
}
