package geomap

import "math"

// RefLat is the latitude in degrees at which the map keeps shapes true: longitudes are scaled by its cosine.
const RefLat = 51.5

// kmPerDegree is the length of one degree of latitude on a sphere of the Earth's mean radius (6371.0088 km).
const kmPerDegree = 6371.0088 * math.Pi / 180

// projection maps longitude and latitude to millimetres in the box: an equirectangular projection with
// longitudes scaled by cos(RefLat), scaled by mm per degree and shifted to the box origin.
type projection struct {
	k          float64 // cos(RefLat)
	minX, maxY float64 // of the outline in projected degrees
	mm         float64 // millimetres per projected degree
	off        XY      // where (minX, maxY) lands in the box
}

func (p projection) xy(ll lonLat) XY {
	return XY{p.off.X + (ll.Lon*p.k-p.minX)*p.mm, p.off.Y + (p.maxY-ll.Lat)*p.mm}
}

// fitProjection returns the projection that makes lines span width millimetres and starts at (margin, margin),
// and the height in millimetres the lines then take.
func fitProjection(lines [][]lonLat, width, margin float64) (projection, float64) {
	p := projection{k: math.Cos(RefLat * math.Pi / 180), minX: math.Inf(1), maxY: math.Inf(-1)}
	maxX, minY := math.Inf(-1), math.Inf(1)
	for _, l := range lines {
		for _, ll := range l {
			x := ll.Lon * p.k
			p.minX, maxX = math.Min(p.minX, x), math.Max(maxX, x)
			p.maxY, minY = math.Max(p.maxY, ll.Lat), math.Min(minY, ll.Lat)
		}
	}
	p.mm = width / (maxX - p.minX)
	p.off = XY{margin, margin}
	return p, (p.maxY - minY) * p.mm
}

// bounds returns the smallest and largest longitude and latitude of lines.
func bounds(lines [][]lonLat) (lo, hi lonLat) {
	lo, hi = lonLat{math.Inf(1), math.Inf(1)}, lonLat{math.Inf(-1), math.Inf(-1)}
	for _, l := range lines {
		for _, ll := range l {
			lo = lonLat{math.Min(lo.Lon, ll.Lon), math.Min(lo.Lat, ll.Lat)}
			hi = lonLat{math.Max(hi.Lon, ll.Lon), math.Max(hi.Lat, ll.Lat)}
		}
	}
	return lo, hi
}
