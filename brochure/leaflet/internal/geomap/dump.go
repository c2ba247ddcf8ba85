package geomap

import (
	"fmt"
	"strings"
)

// Dump returns a readable account of the map for golden tests: its size and scale, the vertex counts
// of outline and river, and every marker with its label box and leader.
func (m *Map) Dump() string {
	var b strings.Builder
	fmt.Fprintf(&b, "map %.2f x %.2f mm, %.4f mm/km (1:%.0f)\n", m.Width, m.Height, m.Scale, m.Ratio())
	fmt.Fprintf(&b, "outline: %d ring(s), %d vertices (source %d)\n", len(m.Outline), count(m.Outline), m.srcVertices[0])
	fmt.Fprintf(&b, "river: %d polyline(s), %d vertices (source %d)", len(m.River), count(m.River), m.srcVertices[1])
	for _, r := range m.River {
		fmt.Fprintf(&b, ", %s to %s", pt(r[0]), pt(r[len(r)-1]))
	}
	b.WriteString("\n")
	leaders := 0
	for _, mk := range m.Markers {
		if mk.Leader != nil {
			leaders++
		}
	}
	fmt.Fprintf(&b, "markers: %d, %d with leader, radius %.2f mm\n", len(m.Markers), leaders, m.MarkerRadius)
	for _, mk := range m.Markers {
		kind := "former"
		if mk.Current {
			kind = "current"
		}
		fmt.Fprintf(&b, "%-4s %-24s %-7s at %s  label %-6s [%s %s]", mk.Label, mk.ID, kind, pt(mk.At), mk.Position,
			pt(mk.LabelBox.Min), pt(mk.LabelBox.Max))
		if mk.Leader != nil {
			fmt.Fprintf(&b, " leader %s-%s (%.2f mm)", pt(mk.Leader[0]), pt(mk.Leader[1]), dist(mk.Leader[0], mk.Leader[1]))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func pt(p XY) string { return fmt.Sprintf("(%.2f,%.2f)", p.X, p.Y) }

func count(ls [][]XY) int {
	n := 0
	for _, l := range ls {
		n += len(l)
	}
	return n
}
