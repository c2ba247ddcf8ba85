package geomap

// simplifyRing thins a closed ring (first point not repeated at the end) with the Douglas-Peucker
// algorithm: no dropped vertex lies farther than tol from the simplified ring.
func simplifyRing(ring []XY, tol float64) []XY {
	if tol <= 0 || len(ring) < 4 {
		return ring
	}
	far := 0
	for i := range ring {
		if dist(ring[i], ring[0]) > dist(ring[far], ring[0]) {
			far = i
		}
	}
	if far == 0 {
		return ring[:1]
	}
	closed := append(append([]XY(nil), ring...), ring[0])
	a := simplifyLine(closed[:far+1], tol)
	b := simplifyLine(closed[far:], tol)
	return append(a, b[1:len(b)-1]...)
}

// simplifyLine thins an open polyline with the Douglas-Peucker algorithm, keeping both ends.
func simplifyLine(line []XY, tol float64) []XY {
	if len(line) < 3 {
		return append([]XY(nil), line...)
	}
	keep := make([]bool, len(line))
	keep[0], keep[len(line)-1] = true, true
	type span struct{ i, j int }
	stack := []span{{0, len(line) - 1}}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		best, bi := -1.0, -1
		for k := s.i + 1; k < s.j; k++ {
			if d := segPointDist(line[s.i], line[s.j], line[k]); d > best {
				best, bi = d, k
			}
		}
		if bi >= 0 && best > tol {
			keep[bi] = true
			stack = append(stack, span{s.i, bi}, span{bi, s.j})
		}
	}
	var out []XY
	for i, k := range keep {
		if k {
			out = append(out, line[i])
		}
	}
	return out
}
