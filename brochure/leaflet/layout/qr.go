package layout

import (
	"fmt"

	"rsc.io/qr"
)

// qrModules encodes text as a QR code of the given side length at (x, y) and returns its dark
// modules merged into as few rectangles as rows and runs allow (runs of dark modules in a row,
// then equal runs in consecutive rows joined into one rectangle), and its size in modules.
func qrModules(text string, x, y, side float64) (*Modules, int, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		if r := []rune(text); len(r) > 60 {
			text = string(r[:50]) + "…"
		}
		return nil, 0, fmt.Errorf("encode qr code for %q: %w", text, err)
	}
	n := code.Size
	m := side / float64(n)
	type run struct{ x0, x1, y0, y1 int }
	open := map[[2]int]*run{} // runs still growing downwards, by x0 and x1
	var done []*run
	for row := 0; row < n; row++ {
		next := map[[2]int]*run{}
		for col := 0; col < n; {
			if !code.Black(col, row) {
				col++
				continue
			}
			start := col
			for col < n && code.Black(col, row) {
				col++
			}
			key := [2]int{start, col}
			if r, ok := open[key]; ok {
				r.y1 = row + 1
				next[key] = r
				delete(open, key)
			} else {
				r := &run{start, col, row, row + 1}
				next[key] = r
				done = append(done, r)
			}
		}
		open = next
	}
	mods := &Modules{Text: text, Colour: Text}
	for _, r := range done {
		mods.Rects = append(mods.Rects, Rect{
			X: x + float64(r.x0)*m, Y: y + float64(r.y0)*m,
			W: float64(r.x1-r.x0) * m, H: float64(r.y1-r.y0) * m,
		})
	}
	return mods, n, nil
}
