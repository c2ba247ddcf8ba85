package geomap

import (
	"encoding/binary"
	"math"
	"strconv"
	"testing"
)

// FuzzBuild builds maps of random points in random boxes: Build must return an error or a map
// whose layout passes checkLayout, and never panic or hang.
func FuzzBuild(f *testing.F) {
	f.Add(uint8(87), uint8(110), uint8(10), uint8(9), []byte("0123456789abcdefghijklmnop"))
	f.Add(uint8(40), uint8(200), uint8(0), uint8(0), []byte{255, 255, 0, 0, 255, 255, 0, 0})
	f.Add(uint8(250), uint8(250), uint8(30), uint8(20), []byte("ruhr ruhr ruhr ruhr ruhr ruhr ruhr ruhr"))
	nrw, rhein := readFile(f, "nrw.geojson"), readFile(f, "rhein.geojson")
	f.Fuzz(func(t *testing.T, w, h, margin, radius uint8, coords []byte) {
		opt := Options{Width: float64(w) + 1, Height: float64(h) + 1, Margin: float64(margin) / 10,
			MarkerRadius: float64(radius) / 10, LabelSize: labelSize}
		var pts []Point
		for i := 0; i+4 <= len(coords) && len(pts) < 40; i += 4 {
			la := binary.LittleEndian.Uint16(coords[i:])
			lo := binary.LittleEndian.Uint16(coords[i+2:])
			pts = append(pts, Point{ID: "p" + strconv.Itoa(len(pts)), Label: strconv.Itoa(len(pts) + 1),
				Lat: 49.5 + 4*float64(la)/math.MaxUint16, Lon: 5 + 5.5*float64(lo)/math.MaxUint16})
		}
		m, err := Build(nrw, rhein, pts, opt)
		if err != nil {
			return
		}
		if len(m.Markers) != len(pts) {
			t.Fatalf("%d markers for %d points", len(m.Markers), len(pts))
		}
		checkLayout(t, m, opt)
	})
}
